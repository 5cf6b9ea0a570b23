package org.bitcoinrpc.client.follow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@link JdbcCursorStore} over a {@link JdbcTransactions} of another kind: every unit of work
 * goes through it, the handler's connection is the strategy's, and the work's exception comes back
 * unchanged after the rollback.
 */
class JdbcTransactionsTests {

	private static final Cursor CURSOR = new Cursor("a".repeat(64), 7, 1_700_000_000L, "b".repeat(64));

	@Test
	void everyUnitOfWorkRunsInTheStrategysTransactionOnItsConnection() throws Exception {
		DataSource dataSource = TestDatabases.h2("strategy1");
		Recording transactions = new Recording(dataSource);
		CursorStore store = CursorStore.jdbc(transactions, "strategy_cursor", Duration.ofSeconds(5));
		List<Connection> seenByHandler = new CopyOnWriteArrayList<>();
		store.advance("default", CURSOR, () -> seenByHandler.add(JdbcCursorStore.currentConnection()));
		assertThat(seenByHandler).containsExactly(transactions.connections.get(1));
		assertThat(store.load("default")).contains(CURSOR);
		// The schema, the block, the read: three transactions, none on a connection of the store's own.
		assertThat(transactions.connections).hasSize(3);
		assertThat(transactions.outcomes).containsExactly("commit", "commit", "commit");
	}

	@Test
	void theWorksExceptionComesBackUnchangedAfterTheRollback() throws Exception {
		DataSource dataSource = TestDatabases.h2("strategy2");
		Recording transactions = new Recording(dataSource);
		CursorStore store = CursorStore.jdbc(transactions, JdbcCursorStore.DEFAULT_TABLE, Duration.ofSeconds(5));
		Exception failure = new Exception("handler failed");
		assertThatThrownBy(() -> store.advance("default", CURSOR, () -> {
			try (Statement statement = JdbcCursorStore.currentConnection().createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS effects (height BIGINT)");
				statement.execute("INSERT INTO effects VALUES (7)");
			}
			throw failure;
		})).isSameAs(failure);
		assertThat(transactions.outcomes).containsExactly("commit", "rollback");
		assertThat(store.load("default")).isEmpty();
		try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
				ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM effects")) {
			rows.next();
			assertThat(rows.getLong(1)).isZero();
		}
	}

	/** The default strategy, recording each transaction's connection and how it ended. */
	private static final class Recording implements JdbcTransactions {

		private final JdbcTransactions delegate;

		final List<Connection> connections = new CopyOnWriteArrayList<>();

		final List<String> outcomes = new CopyOnWriteArrayList<>();

		Recording(DataSource dataSource) {
			this.delegate = JdbcTransactions.of(dataSource);
		}

		@Override
		public <T extends @Nullable Object> T inTransaction(ConnectionWork<T> work) throws Exception {
			try {
				T result = this.delegate.inTransaction((connection) -> {
					this.connections.add(connection);
					return work.run(connection);
				});
				this.outcomes.add("commit");
				return result;
			}
			catch (Exception ex) {
				this.outcomes.add("rollback");
				throw ex;
			}
		}

	}

}
