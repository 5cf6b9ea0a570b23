package org.bitcoinrpc.client.follow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of an application follow the same name on one database (H2, and a real
 * PostgreSQL): one is active, the other a standby that takes over from the stored cursor when
 * the first is closed or stops renewing its lease. Each handler writes the blocks it handles in
 * the follower's transaction; together they hold every block of the chain exactly once.
 */
class ChainFollowerLeaseTests {

	/** Short, so that a takeover after a stuck handler comes quickly; long enough for a busy CI machine. */
	private static final Duration LEASE = Duration.ofSeconds(2);

	private static int h2Databases;

	private SimulatedNode node;

	private final List<AutoCloseable> closing = new ArrayList<>();

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", TestDatabases.h2("followerLease" + (++h2Databases))),
				Arguments.of("PostgreSQL", TestDatabases.postgres()));
	}

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(10).build().start();
	}

	@AfterEach
	void close() throws Exception {
		for (int i = this.closing.size() - 1; i >= 0; i--) {
			this.closing.get(i).close();
		}
		this.node.close();
	}

	private <T extends AutoCloseable> T closing(T resource) {
		this.closing.add(resource);
		return resource;
	}

	/** One instance of the application: its own client and store object, the shared database. */
	private ChainFollower instance(DataSource dataSource, BlockHandler handler, List<FollowerEvent> events) {
		BitcoinRpcClient client = closing(BitcoinRpcClient
			.create(ClientOptions.builder().url(this.node.httpUrl()).credentials("user", "pass").build()));
		client.connect();
		return closing(ChainFollower.builder(client)
			.name("indexer")
			.store(CursorStore.jdbc(dataSource, "cursors", LEASE))
			.handler(handler)
			.pollInterval(Duration.ofMillis(100))
			.events(events::add)
			.start());
	}

	private static void createHandledTable(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement create = connection.createStatement()) {
			// No key: a block handled twice must show up as two rows, not as a handler failure.
			create.execute("CREATE TABLE handled (height BIGINT NOT NULL, hash CHAR(64) NOT NULL, instance VARCHAR(10) NOT NULL)");
		}
	}

	/** The rows of the handled table, as "height hash", by height, then by instance. */
	private static List<String> handled(DataSource dataSource) throws Exception {
		return query(dataSource, "SELECT height, hash FROM handled ORDER BY height, instance");
	}

	private static List<String> handledBy(DataSource dataSource, String instance) throws Exception {
		return query(dataSource, "SELECT height, hash FROM handled WHERE instance = '" + instance + "' ORDER BY height");
	}

	private static List<String> query(DataSource dataSource, String sql) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
				ResultSet result = query.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getLong(1) + " " + result.getString(2).trim());
			}
		}
		return rows;
	}

	/** The node's best chain from {@code from} to its tip, as rows of the handled table. */
	private List<String> chain(int from) {
		List<String> expected = new ArrayList<>();
		for (int height = from; height <= this.node.blockCount(); height++) {
			expected.add(height + " " + this.node.blockHash(height));
		}
		return expected;
	}

	private static List<Class<?>> kinds(List<FollowerEvent> events) {
		return events.stream()
			.filter((event) -> !(event instanceof FollowerEvent.CaughtUp))
			.<Class<?>>map(Object::getClass)
			.toList();
	}

	private static boolean isAt(ChainFollower follower, int height) {
		Cursor cursor = follower.cursor();
		return cursor != null && cursor.height() == height;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aStandbyTakesOverAtOnceWhenTheActiveFollowerIsClosedWhileBlocksAreMined(String database,
			DataSource dataSource) throws Exception {
		createHandledTable(dataSource);
		List<FollowerEvent> eventsA = new CopyOnWriteArrayList<>();
		List<FollowerEvent> eventsB = new CopyOnWriteArrayList<>();
		ChainFollower a = instance(dataSource, new Writer("a"), eventsA);
		await().atMost(Duration.ofSeconds(10)).until(() -> a.isActive() && isAt(a, 10));
		ChainFollower b = instance(dataSource, new Writer("b"), eventsB);
		await().atMost(Duration.ofSeconds(10)).until(() -> !eventsB.isEmpty());
		assertThat(eventsB).singleElement().isInstanceOf(FollowerEvent.Standby.class);
		assertThat(b.isActive()).isFalse();
		assertThat(b.cursor()).as("a standby has not read the cursor").isNull();

		// A block every 20 ms (pacing the miner, not waiting for anything), 60 in all.
		CompletableFuture<Void> miner = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < 60; i++) {
				this.node.generate(1);
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
			}
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> handled(dataSource).size() >= 15);
		a.close();
		assertThat(a.isActive()).isFalse();
		// Released: well within the 2 s lease, b takes over without waiting for it to expire.
		await().alias("takeover after release").atMost(Duration.ofSeconds(1)).until(b::isActive);
		miner.get(30, TimeUnit.SECONDS);

		await().atMost(Duration.ofSeconds(20)).until(() -> isAt(b, 70));
		assertThat(handled(dataSource)).as("every block once, none twice").containsExactlyElementsOf(chain(11));
		List<String> byA = handledBy(dataSource, "a");
		assertThat(byA).as("a handled the first blocks").isNotEmpty().isEqualTo(chain(11).subList(0, byA.size()));
		assertThat(handledBy(dataSource, "b")).as("b the rest").isNotEmpty().isEqualTo(chain(11 + byA.size()));
		assertThat(kinds(eventsA)).containsExactly(FollowerEvent.Activated.class, FollowerEvent.Stopped.class);
		assertThat(kinds(eventsB)).containsExactly(FollowerEvent.Standby.class, FollowerEvent.Activated.class);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aFollowerStuckPastItsLeaseIsReplacedAndItsBlockIsRolledBack(String database, DataSource dataSource)
			throws Exception {
		createHandledTable(dataSource);
		CountDownLatch unstick = new CountDownLatch(1);
		closing(unstick::countDown);
		Writer stuckOnce = new Writer("a", 13, unstick);
		List<FollowerEvent> eventsA = new CopyOnWriteArrayList<>();
		List<FollowerEvent> eventsB = new CopyOnWriteArrayList<>();
		ChainFollower a = instance(dataSource, stuckOnce, eventsA);
		await().atMost(Duration.ofSeconds(10)).until(() -> a.isActive() && isAt(a, 10));
		ChainFollower b = instance(dataSource, new Writer("b"), eventsB);
		await().atMost(Duration.ofSeconds(10)).until(() -> !eventsB.isEmpty());

		this.node.generate(5);
		await().atMost(Duration.ofSeconds(10)).until(stuckOnce::isStuck);
		// a handles 13 (its row written, not committed) for longer than its lease; b takes over.
		await().atMost(Duration.ofSeconds(10)).until(() -> b.isActive() && isAt(b, 15));
		this.node.generate(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> isAt(b, 17));

		unstick.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> eventsA.size() > 1);
		String ownerB = ((FollowerEvent.Activated) eventsB.get(1)).owner();
		assertThat(eventsA.get(eventsA.size() - 1)).isInstanceOfSatisfying(FollowerEvent.Standby.class,
				(standby) -> assertThat(standby.reason()).startsWith("lost the lease: ")
					.contains("'" + ownerB + "' holds it until")
					.contains("the block's work was rolled back"));
		assertThat(a.isActive()).isFalse();
		assertThat(a.isRunning()).isTrue();
		assertThat(a.cursor()).extracting(Cursor::height).isEqualTo(12L);

		this.node.generate(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> isAt(b, 19));
		assertThat(a.isActive()).as("b renews its lease: a stays a standby").isFalse();
		assertThat(handled(dataSource)).as("every block once, none twice").containsExactlyElementsOf(chain(11));
		assertThat(handledBy(dataSource, "a")).as("a's block 13 rolled back").isEqualTo(chain(11).subList(0, 2));
		assertThat(kinds(eventsB)).containsExactly(FollowerEvent.Standby.class, FollowerEvent.Activated.class);
	}

	/** Writes each block it handles into the handled table, in the follower's transaction. */
	static final class Writer implements BlockHandler {

		private final String instance;

		private final long stuckAt;

		private final CountDownLatch unstick;

		private final AtomicBoolean stuck = new AtomicBoolean();

		Writer(String instance) {
			this(instance, -1, new CountDownLatch(0));
		}

		/** Hangs at height {@code stuckAt} the first time, after its row was written, until {@code unstick}. */
		Writer(String instance, long stuckAt, CountDownLatch unstick) {
			this.instance = instance;
			this.stuckAt = stuckAt;
			this.unstick = unstick;
		}

		boolean isStuck() {
			return this.stuck.get();
		}

		@Override
		public void handle(Notification.BlockChange change) throws Exception {
			try (PreparedStatement insert = JdbcCursorStore.currentConnection()
				.prepareStatement("INSERT INTO handled (height, hash, instance) VALUES (?, ?, ?)")) {
				insert.setLong(1, change.height());
				insert.setString(2, change.hash());
				insert.setString(3, this.instance);
				insert.executeUpdate();
			}
			if (change.height() == this.stuckAt && this.stuck.compareAndSet(false, true)) {
				this.unstick.await(30, TimeUnit.SECONDS);
			}
		}

	}

}
