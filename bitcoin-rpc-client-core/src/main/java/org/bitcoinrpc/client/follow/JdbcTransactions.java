package org.bitcoinrpc.client.follow;

import java.sql.Connection;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link JdbcCursorStore} gets a connection and a transaction around each of its units of
 * work: the block's handling with the cursor's update, a lease's take-over or release, a read.
 * The store's SQL is the same whichever strategy runs it.
 * <p>
 * {@link #of(DataSource)}, the default, takes a connection from the {@code DataSource} for each
 * unit, turns auto-commit off, commits or rolls back, and closes it: the handler writes on
 * {@link JdbcCursorStore#currentConnection()}. A framework with transactions of its own plugs in
 * here instead, so that the handler's writes through the framework (Spring's {@code JdbcTemplate}
 * on the same {@code DataSource}, say) join the transaction of the cursor: the Spring Boot
 * starter's {@code SpringJdbcTransactions} does that.
 * <p>
 * An implementation must run {@code work} on a connection in a transaction, commit it if the
 * work returned and roll it back if it threw, and let the work's exception propagate unchanged
 * (a {@link LeaseLostException} or the handler's own exception).
 */
public interface JdbcTransactions {

	/**
	 * Runs {@code work} in a transaction of its own, on a connection in it.
	 * @param work what to do on the connection; it neither commits, rolls back nor closes it
	 * @return what the work returned
	 * @throws Exception what the work threw, after the rollback; or a failure to get a
	 * connection, commit or roll back
	 */
	<T extends @Nullable Object> T inTransaction(ConnectionWork<T> work) throws Exception;

	/**
	 * Each unit of work on a connection of its own from {@code dataSource}, in a transaction
	 * whatever the pool's auto-commit setting (restored before the connection goes back).
	 * @param dataSource where the connections come from
	 * @return the default strategy
	 */
	static JdbcTransactions of(DataSource dataSource) {
		return new DataSourceTransactions(dataSource);
	}

	/**
	 * Work on the connection of a transaction.
	 * @param <T> what it returns
	 */
	@FunctionalInterface
	interface ConnectionWork<T extends @Nullable Object> {

		T run(Connection connection) throws Exception;

	}

}
