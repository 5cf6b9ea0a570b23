package org.bitcoinrpc.client.follow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.bitcoinrpc.client.follow.BlocksTable.cursor;

/**
 * The JDBC store's lease on H2 and on a real PostgreSQL: one owner at a time, taken over only
 * once expired or released, and the fence that rolls back the block of an owner that lost it.
 * Two store objects on one database stand for two instances of an application; they share a
 * clock the test moves.
 */
class JdbcCursorStoreLeaseTests {

	private static final Duration LEASE = Duration.ofSeconds(30);

	private static int h2Databases;

	private final MovableClock clock = new MovableClock();

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", TestDatabases.h2("lease" + (++h2Databases))),
				Arguments.of("PostgreSQL", TestDatabases.postgres()));
	}

	private JdbcCursorStore store(DataSource dataSource) {
		return new JdbcCursorStore(dataSource, JdbcCursorStore.DEFAULT_TABLE, LEASE, this.clock);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void oneOwnerHoldsTheLeaseUntilItExpiresOrIsReleased(String database, DataSource dataSource) {
		JdbcCursorStore a = store(dataSource);
		JdbcCursorStore b = store(dataSource);

		assertThat(a.tryAcquire("indexer", "a")).isTrue();
		assertThat(b.tryAcquire("indexer", "b")).isFalse();
		assertThat(b.tryAcquire("other", "b")).as("another name, another lease").isTrue();

		this.clock.advance(LEASE);
		assertThat(b.tryAcquire("indexer", "b")).as("expires at the end of the lease, not before").isFalse();
		assertThat(a.tryAcquire("indexer", "a")).as("renewed by its owner").isTrue();
		this.clock.advance(LEASE.plusMillis(1));
		assertThat(b.tryAcquire("indexer", "b")).as("expired").isTrue();
		assertThat(a.tryAcquire("indexer", "a")).isFalse();

		b.release("indexer", "b");
		assertThat(a.tryAcquire("indexer", "a")).as("released: taken at once").isTrue();
		b.release("indexer", "b");
		assertThat(b.tryAcquire("indexer", "b")).as("a release by another owner changes nothing").isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void anAdvanceAfterAnotherOwnerTookTheLeaseRollsBackTheWorkAndKeepsTheCursor(String database,
			DataSource dataSource) throws Exception {
		BlocksTable.create(dataSource);
		JdbcCursorStore a = store(dataSource);
		JdbcCursorStore b = store(dataSource);
		assertThat(a.tryAcquire("indexer", "a")).isTrue();
		a.advance("indexer", "a", cursor(1), () -> BlocksTable.insert(cursor(1)));

		// "a" pauses (a long GC) past its lease, and "b" takes over.
		this.clock.advance(LEASE.plusMillis(1));
		assertThat(b.tryAcquire("indexer", "b")).isTrue();

		assertThatThrownBy(() -> a.advance("indexer", "a", cursor(2), () -> BlocksTable.insert(cursor(2))))
			.isInstanceOf(LeaseLostException.class)
			.hasMessageContaining("'a' no longer holds the lease of 'indexer' in table bitcoin_rpc_cursor_lease")
			.hasMessageContaining("'b' holds it until");
		assertThat(BlocksTable.count(dataSource, "SELECT COUNT(*) FROM blocks")).as("the handler's row rolled back").isEqualTo(1);
		assertThat(b.load("indexer")).contains(cursor(1));

		b.advance("indexer", "b", cursor(2), () -> BlocksTable.insert(cursor(2)));
		assertThat(BlocksTable.count(dataSource, "SELECT COUNT(*) FROM blocks")).isEqualTo(2);
		assertThat(a.load("indexer")).contains(cursor(2));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void anAdvanceExtendsTheLeaseAndAnExpiredOneFailsItEvenIfNoOneTookIt(String database, DataSource dataSource)
			throws Exception {
		JdbcCursorStore a = store(dataSource);
		JdbcCursorStore b = store(dataSource);
		assertThat(a.tryAcquire("indexer", "a")).isTrue();
		this.clock.advance(LEASE.minusSeconds(1));
		a.advance("indexer", "a", cursor(1), () -> {
		});
		this.clock.advance(LEASE.minusSeconds(1));
		assertThat(b.tryAcquire("indexer", "b")).as("extended by the advance").isFalse();

		this.clock.advance(Duration.ofSeconds(2));
		assertThatThrownBy(() -> a.advance("indexer", "a", cursor(2), () -> {
		})).isInstanceOf(LeaseLostException.class).hasMessageContaining("it expired at");
		assertThat(a.load("indexer")).contains(cursor(1));
		assertThat(a.tryAcquire("indexer", "a")).as("its owner takes it back").isTrue();
		a.advance("indexer", "a", cursor(2), () -> {
		});
		assertThat(a.load("indexer")).contains(cursor(2));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aTakeoverWaitsForTheCommitOfAnAdvanceThatExtendedTheLease(String database, DataSource dataSource)
			throws Exception {
		if (database.equals("H2")) {
			// H2 gives up on a row lock after 1 s by default; this test holds one longer.
			try (Connection connection = dataSource.getConnection(); Statement set = connection.createStatement()) {
				set.execute("SET DEFAULT_LOCK_TIMEOUT 10000");
			}
		}
		JdbcCursorStore a = store(dataSource);
		JdbcCursorStore b = store(dataSource);
		assertThat(a.tryAcquire("indexer", "a")).isTrue();
		a.advance("indexer", "a", cursor(1), () -> {
		});
		this.clock.advance(LEASE.minusMillis(100));

		try (Connection blocker = dataSource.getConnection()) {
			// Hold the cursor row: "a"'s advance extends the lease, then waits on it before its commit.
			blocker.setAutoCommit(false);
			try (Statement lock = blocker.createStatement()) {
				lock.executeUpdate("UPDATE bitcoin_rpc_cursor SET height = height WHERE name = 'indexer'");
			}
			CompletableFuture<Void> advance = CompletableFuture.runAsync(() -> {
				try {
					a.advance("indexer", "a", cursor(2), () -> {
					});
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			await().atMost(Duration.ofSeconds(5)).until(() -> locked(dataSource));
			// By the lease as committed, "b" may take over now; the uncommitted extension says no.
			this.clock.advance(Duration.ofMillis(200));
			CompletableFuture<Boolean> takeover = CompletableFuture.supplyAsync(() -> b.tryAcquire("indexer", "b"));
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !takeover.isDone());

			blocker.rollback();
			advance.get();
			assertThat(takeover.get()).as("the row it waited for holds the extended lease").isFalse();
		}
		assertThat(b.load("indexer")).contains(cursor(2));
	}

	/** Whether "a"'s advance holds the lease row: a probe that may not wait for it cannot lock it. */
	private static boolean locked(DataSource dataSource) throws Exception {
		try (Connection probe = dataSource.getConnection(); Statement statement = probe.createStatement()) {
			probe.setAutoCommit(false);
			try {
				statement.executeQuery("SELECT owner FROM bitcoin_rpc_cursor_lease WHERE name = 'indexer' FOR UPDATE NOWAIT")
					.close();
				return false;
			}
			catch (java.sql.SQLException ex) {
				return true;
			}
			finally {
				probe.rollback();
			}
		}
	}

	@Test
	void theLeaseTableIsNamedAfterTheCursorTableWhichLeavesRoomForIt() throws Exception {
		DataSource dataSource = TestDatabases.h2("leaseNames");
		CursorStore store = CursorStore.jdbc(dataSource, "x".repeat(57), Duration.ofSeconds(5));
		assertThat(((LeasingCursorStore) store).tryAcquire("n", "o")).isTrue();
		try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
				ResultSet rows = query.executeQuery("SELECT owner FROM " + "x".repeat(57) + "_lease")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("o");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> CursorStore.jdbc(dataSource, "x".repeat(58)))
			.withMessageContaining("at most 57 characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CursorStore.jdbc(dataSource, "cursors", Duration.ZERO))
			.withMessage("leaseDuration must be 1 ms or more, was PT0S");
		assertThat(((LeasingCursorStore) CursorStore.jdbc(dataSource)).leaseDuration())
			.isEqualTo(JdbcCursorStore.DEFAULT_LEASE_DURATION);
	}

	/** A clock that moves only when the test says. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
