package org.bitcoinrpc.client.follow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/** The default: a connection from the pool per unit of work, committed by hand. Thread-safe. */
final class DataSourceTransactions implements JdbcTransactions {

	private final DataSource dataSource;

	DataSourceTransactions(DataSource dataSource) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
	}

	@Override
	public <T extends @Nullable Object> T inTransaction(ConnectionWork<T> work) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				T result = work.run(connection);
				connection.commit();
				return result;
			}
			catch (Exception | Error ex) {
				rollback(connection, ex);
				throw ex;
			}
			finally {
				restore(connection, autoCommit);
			}
		}
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

	@Override
	public String toString() {
		return "JdbcTransactions.of(" + this.dataSource + ")";
	}

}
