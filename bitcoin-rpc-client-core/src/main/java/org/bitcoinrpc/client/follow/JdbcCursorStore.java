package org.bitcoinrpc.client.follow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * A {@link CursorStore} in a database table, one row per follower name. {@link #advance} runs the
 * handler's work and the cursor's update in one transaction on one connection, and the handler
 * can write on that same connection ({@link #currentConnection()}): its writes and the cursor
 * then commit together or not at all, so each block's effects happen exactly once, even when the
 * process dies half-way.
 * <pre>{@code
 * CursorStore store = CursorStore.jdbc(dataSource);
 * BlockHandler handler = (change) -> {
 *     Connection connection = JdbcCursorStore.currentConnection();
 *     try (PreparedStatement insert = connection.prepareStatement("insert into blocks values (?, ?)")) {
 *         ...
 *     }
 * };
 * }</pre>
 * The table is created if absent:
 * <pre>
 * CREATE TABLE bitcoin_rpc_cursor (
 *     name          VARCHAR(100) PRIMARY KEY,
 *     hash          CHAR(64) NOT NULL,
 *     height        BIGINT NOT NULL,
 *     block_time    BIGINT NOT NULL,
 *     previous_hash CHAR(64)
 * )
 * </pre>
 * Tested on H2 and PostgreSQL. Thread-safe: each call takes its own connection from the pool.
 */
public final class JdbcCursorStore implements CursorStore {

	/** The table's default name. */
	public static final String DEFAULT_TABLE = "bitcoin_rpc_cursor";

	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	/** The connection of the {@link #advance} running on this thread, if any. */
	private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

	private final DataSource dataSource;

	private final String table;

	/** Set once the table is known to exist; written by any caller, a repeat is harmless. */
	private volatile boolean schemaReady;

	JdbcCursorStore(DataSource dataSource, String table) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
		Objects.requireNonNull(table, "table must not be null");
		if (!TABLE_NAME.matcher(table).matches()) {
			// It goes into SQL text: only a plain identifier, never anything to quote or escape.
			throw new IllegalArgumentException("table must be a plain SQL identifier (letters, digits, '_', not starting"
					+ " with a digit, at most 63 characters), was '" + table + "'");
		}
		this.table = table;
	}

	/**
	 * The connection of the cursor update the calling thread is handling a block for: write on it
	 * (and do not commit, roll back or close it) so that the writes commit with the cursor.
	 * @throws IllegalStateException outside a {@link BlockHandler} called through a JDBC store
	 */
	public static Connection currentConnection() {
		Connection connection = CURRENT.get();
		if (connection == null) {
			throw new IllegalStateException("No block is being handled through a JdbcCursorStore on this thread");
		}
		return connection;
	}

	@Override
	public Optional<Cursor> load(String name) {
		try (Connection connection = this.dataSource.getConnection()) {
			ensureSchema(connection);
			try (PreparedStatement select = connection.prepareStatement("SELECT hash, height, block_time, previous_hash FROM "
					+ this.table + " WHERE name = ?")) {
				select.setString(1, name);
				try (ResultSet row = select.executeQuery()) {
					if (!row.next()) {
						return Optional.empty();
					}
					return Optional.of(new Cursor(row.getString(1).trim(), row.getLong(2), row.getLong(3),
							trimmed(row.getString(4))));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the cursor of '" + name + "' from table " + this.table + ": "
					+ ex.getMessage(), ex);
		}
	}

	@Override
	public void advance(String name, Cursor cursor, Work work) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			ensureSchema(connection);
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			CURRENT.set(connection);
			try {
				work.run();
				write(connection, name, cursor);
				connection.commit();
			}
			catch (Exception | Error ex) {
				rollback(connection, ex);
				throw ex;
			}
			finally {
				CURRENT.remove();
				restore(connection, autoCommit);
			}
		}
	}

	/** Updates the row, or inserts it the first time: portable, where MERGE and ON CONFLICT are not. */
	private void write(Connection connection, String name, Cursor cursor) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE " + this.table
				+ " SET hash = ?, height = ?, block_time = ?, previous_hash = ? WHERE name = ?")) {
			bind(update, cursor);
			update.setString(5, name);
			if (update.executeUpdate() == 1) {
				return;
			}
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.table
				+ " (hash, height, block_time, previous_hash, name) VALUES (?, ?, ?, ?, ?)")) {
			bind(insert, cursor);
			insert.setString(5, name);
			insert.executeUpdate();
		}
	}

	private static void bind(PreparedStatement statement, Cursor cursor) throws SQLException {
		statement.setString(1, cursor.hash());
		statement.setLong(2, cursor.height());
		statement.setLong(3, cursor.time());
		statement.setString(4, cursor.previousHash());
	}

	private void ensureSchema(Connection connection) throws SQLException {
		if (this.schemaReady) {
			return;
		}
		boolean autoCommit = connection.getAutoCommit();
		try (Statement create = connection.createStatement()) {
			create.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (name VARCHAR(100) PRIMARY KEY,"
					+ " hash CHAR(64) NOT NULL, height BIGINT NOT NULL, block_time BIGINT NOT NULL, previous_hash CHAR(64))");
			if (!autoCommit) {
				connection.commit();
			}
		}
		this.schemaReady = true;
	}

	private static void rollback(Connection connection, Throwable failure) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static void restore(Connection connection, boolean autoCommit) {
		try {
			connection.setAutoCommit(autoCommit);
		}
		catch (SQLException ex) {
			// The connection is closed next; a pool resets or discards it.
		}
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value != null) ? value.trim() : null;
	}

	@Override
	public String toString() {
		return "JdbcCursorStore[" + this.table + "]";
	}

}
