package org.bitcoinrpc.client.follow;

import java.sql.Connection;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bitcoinrpc.client.follow.BlocksTable.cursor;

/** The JDBC store on H2 and on a real PostgreSQL: the cursor and the handler's writes commit together. */
class JdbcCursorStoreTests {

	private static int h2Databases;

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", TestDatabases.h2("cursor" + (++h2Databases))),
				Arguments.of("PostgreSQL", TestDatabases.postgres()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aCursorWrittenWithTheHandlersRowIsReadBackByANewStore(String database, DataSource dataSource) throws Exception {
		BlocksTable.create(dataSource);
		CursorStore store = CursorStore.jdbc(dataSource);
		assertThat(store.load("indexer")).isEmpty();

		store.advance("indexer", cursor(1), () -> BlocksTable.insert(cursor(1)));
		store.advance("indexer", cursor(2), () -> BlocksTable.insert(cursor(2)));
		store.advance("other", cursor(7), () -> {
		});

		CursorStore restarted = CursorStore.jdbc(dataSource);
		assertThat(restarted.load("indexer")).contains(cursor(2));
		assertThat(restarted.load("other")).contains(cursor(7));
		assertThat(BlocksTable.count(dataSource, "SELECT COUNT(*) FROM blocks")).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aHandlerThatThrowsLeavesNeitherItsRowNorTheCursor(String database, DataSource dataSource) throws Exception {
		BlocksTable.create(dataSource);
		CursorStore store = CursorStore.jdbc(dataSource, "my_cursors");
		store.advance("indexer", cursor(1), () -> BlocksTable.insert(cursor(1)));

		assertThatThrownBy(() -> store.advance("indexer", cursor(2), () -> {
			BlocksTable.insert(cursor(2));
			throw new IllegalStateException("handler failure after its insert");
		})).isInstanceOf(IllegalStateException.class).hasMessage("handler failure after its insert");

		assertThat(store.load("indexer")).contains(cursor(1));
		assertThat(BlocksTable.count(dataSource, "SELECT COUNT(*) FROM blocks")).isEqualTo(1);
		assertThat(BlocksTable.count(dataSource, "SELECT COUNT(*) FROM my_cursors")).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aConnectionLostMidTransactionLeavesNothingBehind(String database, DataSource dataSource) throws Exception {
		BlocksTable.create(dataSource);
		CursorStore store = CursorStore.jdbc(dataSource);
		store.advance("indexer", cursor(1), () -> BlocksTable.insert(cursor(1)));

		assertThatThrownBy(() -> store.advance("indexer", cursor(2), () -> {
			BlocksTable.insert(cursor(2));
			// The process dies, or the network drops the connection, before the commit.
			JdbcCursorStore.currentConnection().close();
		})).isInstanceOf(java.sql.SQLException.class);

		assertThat(store.load("indexer")).contains(cursor(1));
		assertThat(BlocksTable.count(dataSource, "SELECT COUNT(*) FROM blocks")).isEqualTo(1);
	}

	@Test
	void tableNamesThatAreNotPlainIdentifiersAreRejected() {
		DataSource dataSource = TestDatabases.h2("names");
		for (String bad : new String[] { "", "1abc", "a-b", "cursor; DROP TABLE x", "a.b", "x".repeat(64) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> CursorStore.jdbc(dataSource, bad))
				.withMessageContaining("plain SQL identifier");
		}
		assertThat(CursorStore.jdbc(dataSource, "Cursors_2")).hasToString("JdbcCursorStore[Cursors_2]");
	}

	@Test
	void theHandlersConnectionIsOnlyThereWhileItHandlesABlock() throws Exception {
		assertThatIllegalStateException().isThrownBy(JdbcCursorStore::currentConnection)
			.withMessageContaining("No block is being handled");
		CursorStore store = CursorStore.jdbc(TestDatabases.h2("current"));
		Connection[] seen = new Connection[1];
		store.advance("x", cursor(1), () -> seen[0] = JdbcCursorStore.currentConnection());
		assertThat(seen[0]).isNotNull();
		assertThatIllegalStateException().isThrownBy(JdbcCursorStore::currentConnection);
		assertThat(Optional.ofNullable(seen[0])).isPresent();
	}

}
