package org.bitcoinrpc.spring.follow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.client.follow.JdbcCursorStore;
import org.bitcoinrpc.client.follow.JdbcTransactions;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a {@link JdbcCursorStore}'s units of work in Spring-managed transactions: each in a
 * {@link TransactionTemplate} of the given {@link PlatformTransactionManager}, on the connection
 * {@link DataSourceUtils#getConnection(DataSource)} gives, the one bound to that transaction. So a
 * {@link org.bitcoinrpc.client.follow.BlockHandler} that writes with {@code JdbcTemplate} (or JPA,
 * with a {@code JpaTransactionManager}) on the same {@code DataSource} writes in the block's
 * transaction: its rows and the cursor commit together, or roll back together when the handler, a
 * block event listener or the lease check throws. {@link JdbcCursorStore#currentConnection()} is
 * that connection too.
 * <pre>{@code
 * CursorStore store = CursorStore.jdbc(new SpringJdbcTransactions(dataSource, transactionManager),
 *         JdbcCursorStore.DEFAULT_TABLE, JdbcCursorStore.DEFAULT_LEASE_DURATION);
 * }</pre>
 * Each unit runs in a new transaction ({@code REQUIRES_NEW}): the cursor's commit is the
 * follower's to decide, never an outer transaction's that happens to be open on the calling thread.
 * The transaction manager must manage {@code dataSource} ({@code DataSourceTransactionManager},
 * {@code JdbcTransactionManager} or {@code JpaTransactionManager} over it): a unit whose
 * connection is not in its transaction fails, rather than commit the cursor apart from the work.
 * Thread-safe.
 */
public final class SpringJdbcTransactions implements JdbcTransactions {

	private final DataSource dataSource;

	private final TransactionTemplate template;

	/**
	 * Transactions of {@code transactionManager} on connections of {@code dataSource}.
	 * @param dataSource the database of the cursor and of the handlers' writes
	 * @param transactionManager a transaction manager of that {@code DataSource}
	 */
	public SpringJdbcTransactions(DataSource dataSource, PlatformTransactionManager transactionManager) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
		this.template = new TransactionTemplate(
				Objects.requireNonNull(transactionManager, "transactionManager must not be null"));
		this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.template.setName(CursorStore.class.getName());
	}

	@Override
	public <T extends @Nullable Object> T inTransaction(ConnectionWork<T> work) throws Exception {
		try {
			return this.template.execute((status) -> {
				Connection connection = DataSourceUtils.getConnection(this.dataSource);
				try {
					checkTransactional(connection);
					return work.run(connection);
				}
				catch (RuntimeException | Error ex) {
					throw ex;
				}
				catch (Exception ex) {
					// Unchecked to pass through the template, which rolls back on it; unwrapped below.
					throw new CheckedWorkFailure(ex);
				}
				finally {
					DataSourceUtils.releaseConnection(connection, this.dataSource);
				}
			});
		}
		catch (CheckedWorkFailure ex) {
			throw ex.checked;
		}
	}

	/**
	 * A connection outside the transaction (a transaction manager of another {@code DataSource})
	 * would commit each statement by itself: the block's work and its cursor apart.
	 */
	private void checkTransactional(Connection connection) throws SQLException {
		// getAutoCommit() for the managers that do not bind a ConnectionHolder (JTA): their
		// connection is transactional if it does not commit each statement.
		if (!DataSourceUtils.isConnectionTransactional(connection, this.dataSource) && connection.getAutoCommit()) {
			// Class names only: a DataSource's toString() may show its URL, and a URL may hold a password.
			throw new IllegalStateException("The transaction manager (" + managerName()
					+ ") does not manage the cursor store's DataSource (" + this.dataSource.getClass().getName()
					+ "): the block's work and its cursor would not commit together");
		}
	}

	@Override
	public String toString() {
		return "SpringJdbcTransactions[" + managerName() + "]";
	}

	private String managerName() {
		PlatformTransactionManager manager = this.template.getTransactionManager();
		return (manager != null) ? manager.getClass().getName() : "none";
	}

	/** Carries the work's checked exception through {@link TransactionTemplate#execute}. */
	private static final class CheckedWorkFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Exception checked;

		CheckedWorkFailure(Exception checked) {
			super(checked.getMessage(), checked, false, false);
			this.checked = checked;
		}

	}

}
