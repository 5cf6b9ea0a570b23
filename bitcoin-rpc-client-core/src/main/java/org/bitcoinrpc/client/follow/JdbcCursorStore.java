package org.bitcoinrpc.client.follow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * process dies half-way. Where the connection and the transaction come from is a
 * {@link JdbcTransactions} strategy: by default a connection of the store's own from the
 * {@code DataSource}; in a Spring application, the Spring-managed transaction that
 * {@code JdbcTemplate} and JPA join, so that they can write instead of {@link #currentConnection()}.
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
 * <h2>Leases</h2>
 * Several instances of an application may run followers of the same name on one database: at
 * most one of them is active, the one that holds the name's row in a second table, created if
 * absent too, named after the first with {@code _lease} appended:
 * <pre>
 * CREATE TABLE bitcoin_rpc_cursor_lease (
 *     name       VARCHAR(100) PRIMARY KEY,
 *     owner      VARCHAR(200) NOT NULL,
 *     expires_at BIGINT NOT NULL
 * )
 * </pre>
 * {@link #tryAcquire} takes a row that is expired (or its own) and {@link #advance(String, String,
 * Cursor, Work)} extends it in the transaction of the block's work and cursor, after the work:
 * the update hits the row only if the owner still holds it unexpired, else the transaction rolls
 * back with a {@link LeaseLostException}. The row lock that update takes is held until the
 * commit, so a standby's takeover (an update of the same row) waits for that commit and then no
 * longer finds the lease expired; or it came first, and the old owner's update finds another
 * owner. Either way only one of them commits a block.
 * <p>
 * <b>Clock.</b> {@code expires_at} is in milliseconds of the writing JVM's clock
 * ({@link System#currentTimeMillis()}), not the database's: there is no portable SQL for "now in
 * milliseconds", and a transaction's {@code CURRENT_TIMESTAMP} is fixed at its start on
 * PostgreSQL and H2, which would let a handler that ran longer than the lease commit. Safety does
 * not rest on clocks: a commit needs the row to name its owner, and an owner compares its own
 * expiry with its own clock. Clock skew between hosts moves only the moment a standby sees the
 * lease as expired: one whose clock is ahead by {@code s} takes over {@code s} early (the holder
 * then loses its next commit and becomes a standby), one behind takes over {@code s} late. Keep
 * hosts on NTP and the lease far longer than their skew; and longer than the slowest handler,
 * whose block can only commit within the lease.
 * <p>
 * Tested on H2 and PostgreSQL. Thread-safe: each call runs in a transaction of its own, on a
 * connection the {@link JdbcTransactions} gives it.
 */
public final class JdbcCursorStore implements LeasingCursorStore {

	/** The table's default name. */
	public static final String DEFAULT_TABLE = "bitcoin_rpc_cursor";

	/** The lease's default length. */
	public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);

	/** At most 57 characters, so that the lease table's name ({@code _lease} appended) stays within 63. */
	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,56}");

	/** SQLState class 23: integrity constraint violation (a duplicate key). */
	private static final String INTEGRITY_VIOLATION = "23";

	/** The connection of the {@link #advance} running on this thread, if any. */
	private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

	/** Gives every unit of work its connection and transaction; thread-safe. */
	private final JdbcTransactions transactions;

	private final String table;

	private final String leaseTable;

	private final Duration leaseDuration;

	/** The JVM's clock in production; a test's clock in tests. */
	private final Clock clock;

	/** Set once the tables are known to exist; written by any caller, a repeat is harmless. */
	private volatile boolean schemaReady;

	JdbcCursorStore(DataSource dataSource, String table, Duration leaseDuration) {
		this(dataSource, table, leaseDuration, Clock.systemUTC());
	}

	JdbcCursorStore(DataSource dataSource, String table, Duration leaseDuration, Clock clock) {
		this(JdbcTransactions.of(dataSource), table, leaseDuration, clock);
	}

	JdbcCursorStore(JdbcTransactions transactions, String table, Duration leaseDuration) {
		this(transactions, table, leaseDuration, Clock.systemUTC());
	}

	JdbcCursorStore(JdbcTransactions transactions, String table, Duration leaseDuration, Clock clock) {
		this.transactions = Objects.requireNonNull(transactions, "transactions must not be null");
		Objects.requireNonNull(table, "table must not be null");
		if (!TABLE_NAME.matcher(table).matches()) {
			// It goes into SQL text: only a plain identifier, never anything to quote or escape.
			throw new IllegalArgumentException("table must be a plain SQL identifier (letters, digits, '_', not starting"
					+ " with a digit, at most 57 characters), was '" + table + "'");
		}
		Objects.requireNonNull(leaseDuration, "leaseDuration must not be null");
		if (leaseDuration.toMillis() < 1) {
			throw new IllegalArgumentException("leaseDuration must be 1 ms or more, was " + leaseDuration);
		}
		this.table = table;
		this.leaseTable = table + "_lease";
		this.leaseDuration = leaseDuration;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * The connection of the cursor update the calling thread is handling a block for: write on it
	 * (and do not commit, roll back or close it) so that the writes commit with the cursor. Whatever
	 * the {@link JdbcTransactions}: with Spring's it is the connection of the Spring-managed
	 * transaction, the one {@code JdbcTemplate} writes on too.
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
		try {
			ensureSchema();
			return this.transactions.inTransaction((connection) -> read(connection, name));
		}
		catch (Exception ex) {
			throw failure("Cannot read the cursor of '" + name + "' from table " + this.table, ex);
		}
	}

	private Optional<Cursor> read(Connection connection, String name) throws SQLException {
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

	/** Unfenced: for a single instance. A {@link ChainFollower} uses the fenced form. */
	@Override
	public void advance(String name, Cursor cursor, Work work) throws Exception {
		advanceFenced(name, null, cursor, work);
	}

	@Override
	public void advance(String name, String owner, Cursor cursor, Work work) throws Exception {
		advanceFenced(name, Objects.requireNonNull(owner, "owner must not be null"), cursor, work);
	}

	/** The work, the lease check if there is an owner, and the cursor: one transaction. */
	private void advanceFenced(String name, @Nullable String owner, Cursor cursor, Work work) throws Exception {
		ensureSchema();
		this.transactions.inTransaction((connection) -> {
			CURRENT.set(connection);
			try {
				work.run();
				if (owner != null) {
					// After the work, not before: the row lock it takes is held until the commit, and
					// a handler that hangs must not keep a standby's takeover waiting on that lock.
					extendLease(connection, name, owner);
				}
				write(connection, name, cursor);
				return null;
			}
			finally {
				// Before the strategy commits or rolls back: once this returns, the block's
				// transaction is being decided and nothing may write on its connection.
				CURRENT.remove();
			}
		});
	}

	@Override
	public Duration leaseDuration() {
		return this.leaseDuration;
	}

	@Override
	public boolean tryAcquire(String name, String owner) {
		try {
			ensureSchema();
			return this.transactions.inTransaction((connection) -> acquire(connection, name, owner));
		}
		catch (Exception ex) {
			if (isDuplicateKey(ex)) {
				// Another instance inserted the first lease row of this name just now: it holds it.
				return false;
			}
			throw failure("Cannot take the lease of '" + name + "' in table " + this.leaseTable, ex);
		}
	}

	/** Renews or takes over the row (one update), or inserts it the first time; a clash on the insert throws. */
	private boolean acquire(Connection connection, String name, String owner) throws SQLException {
		long now = this.clock.millis();
		try (PreparedStatement update = connection.prepareStatement("UPDATE " + this.leaseTable
				+ " SET owner = ?, expires_at = ? WHERE name = ? AND (owner = ? OR expires_at < ?)")) {
			update.setString(1, owner);
			update.setLong(2, now + this.leaseDuration.toMillis());
			update.setString(3, name);
			update.setString(4, owner);
			update.setLong(5, now);
			if (update.executeUpdate() == 1) {
				return true;
			}
		}
		if (readLease(connection, name) != null) {
			return false;
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.leaseTable
				+ " (name, owner, expires_at) VALUES (?, ?, ?)")) {
			insert.setString(1, name);
			insert.setString(2, owner);
			insert.setLong(3, now + this.leaseDuration.toMillis());
			insert.executeUpdate();
			return true;
		}
	}

	/** The fence: extends the lease only if {@code owner} holds it unexpired, else throws (and the caller rolls back). */
	private void extendLease(Connection connection, String name, String owner) throws SQLException {
		long now = this.clock.millis();
		try (PreparedStatement update = connection.prepareStatement("UPDATE " + this.leaseTable
				+ " SET expires_at = ? WHERE name = ? AND owner = ? AND expires_at >= ?")) {
			update.setLong(1, now + this.leaseDuration.toMillis());
			update.setString(2, name);
			update.setString(3, owner);
			update.setLong(4, now);
			if (update.executeUpdate() == 1) {
				return;
			}
		}
		Lease lease = readLease(connection, name);
		String state = (lease == null) ? "no one holds it"
				: lease.owner().equals(owner) ? "it expired at " + Instant.ofEpochMilli(lease.expiresAt()) + ", now is "
						+ Instant.ofEpochMilli(now) + " (a lease of " + this.leaseDuration.toMillis()
						+ " ms must outlast the slowest block)"
						: "'" + lease.owner() + "' holds it until " + Instant.ofEpochMilli(lease.expiresAt());
		throw new LeaseLostException("'" + owner + "' no longer holds the lease of '" + name + "' in table "
				+ this.leaseTable + ": " + state + "; the block's work was rolled back");
	}

	private @Nullable Lease readLease(Connection connection, String name) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT owner, expires_at FROM " + this.leaseTable + " WHERE name = ?")) {
			select.setString(1, name);
			try (ResultSet row = select.executeQuery()) {
				return row.next() ? new Lease(row.getString(1), row.getLong(2)) : null;
			}
		}
	}

	/**
	 * Marks the lease expired, keeping the owner's name in the row for whoever looks; a standby
	 * takes it at its next try. If this fails (it throws), the lease expires by itself.
	 */
	@Override
	public void release(String name, String owner) {
		try {
			ensureSchema();
			this.transactions.inTransaction((connection) -> {
				try (PreparedStatement update = connection.prepareStatement("UPDATE " + this.leaseTable
						+ " SET expires_at = 0 WHERE name = ? AND owner = ?")) {
					update.setString(1, name);
					update.setString(2, owner);
					return update.executeUpdate() == 1;
				}
			});
		}
		catch (Exception ex) {
			throw failure("Cannot release the lease of '" + name + "' in table " + this.leaseTable, ex);
		}
	}

	/**
	 * Whether {@code ex} is, or was caused by, a duplicate key: a strategy may wrap the driver's
	 * {@link SQLException} in an exception of its framework (Spring's {@code DataAccessException}).
	 */
	private static boolean isDuplicateKey(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql) {
				for (SQLException e = sql; e != null; e = e.getNextException()) {
					if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * What {@code load}, {@code tryAcquire} and {@code release} throw: a checked failure (the
	 * driver's) wrapped with what failed, as before strategies; a strategy's unchecked one (Spring's
	 * {@code DataAccessException}, which already says what failed) as it is.
	 */
	private static RuntimeException failure(String what, Exception ex) {
		if (ex instanceof RuntimeException runtime) {
			return runtime;
		}
		return new IllegalStateException(what + ": " + ex.getMessage(), ex);
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

	/**
	 * Creates the tables if absent, in a transaction of their own before the caller's: a failure
	 * here never rolls back a handler's work, and the retry starts on a clean transaction
	 * (PostgreSQL refuses every statement in one that failed).
	 */
	private void ensureSchema() throws Exception {
		if (this.schemaReady) {
			return;
		}
		try {
			this.transactions.inTransaction(this::createTables);
		}
		catch (Exception ex) {
			// Instances starting together: PostgreSQL's CREATE TABLE IF NOT EXISTS can fail on a
			// table another session is creating at the same moment. Once it exists, this passes.
			try {
				this.transactions.inTransaction(this::createTables);
			}
			catch (Exception again) {
				again.addSuppressed(ex);
				throw again;
			}
		}
		this.schemaReady = true;
	}

	private @Nullable Void createTables(Connection connection) throws SQLException {
		try (Statement create = connection.createStatement()) {
			create.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (name VARCHAR(100) PRIMARY KEY,"
					+ " hash CHAR(64) NOT NULL, height BIGINT NOT NULL, block_time BIGINT NOT NULL, previous_hash CHAR(64))");
			create.execute("CREATE TABLE IF NOT EXISTS " + this.leaseTable + " (name VARCHAR(100) PRIMARY KEY,"
					+ " owner VARCHAR(200) NOT NULL, expires_at BIGINT NOT NULL)");
		}
		return null;
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value != null) ? value.trim() : null;
	}

	@Override
	public String toString() {
		return "JdbcCursorStore[" + this.table + "]";
	}

	private record Lease(String owner, long expiresAt) {
	}

}
