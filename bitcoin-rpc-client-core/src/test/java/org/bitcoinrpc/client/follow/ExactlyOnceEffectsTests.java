package org.bitcoinrpc.client.follow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once effects: a handler that inserts one row per block into the database that holds
 * the cursor, with the follower killed at random points (its thread interrupted mid-handler, the
 * connection dropped mid-transaction, the handler failing after its insert) and started again
 * from the store, over 500 blocks. At the end there is exactly one row per block, on H2 and on
 * PostgreSQL. Seeded: replay a run with {@code -Dfollow.seed=N}.
 */
class ExactlyOnceEffectsTests {

	private static final int BLOCKS = 500;

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("H2", TestDatabases.h2("exactly-once")),
				Arguments.of("PostgreSQL", TestDatabases.postgres()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void oneRowPerBlockWhateverKillsTheFollower(String database, DataSource dataSource) throws Exception {
		long seed = Long.getLong("follow.seed", System.nanoTime());
		System.out.println("[follow] exactly-once on " + database + ": seed=" + seed + " (replay with -Dfollow.seed=" + seed + ")");
		Random random = new Random(seed);
		try (Connection connection = dataSource.getConnection(); Statement create = connection.createStatement()) {
			create.execute("CREATE TABLE handled (height BIGINT NOT NULL, hash CHAR(64) NOT NULL)");
		}
		CursorStore store = CursorStore.jdbc(dataSource);
		AtomicInteger kills = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		AtomicInteger drops = new AtomicInteger();
		AtomicReference<ChainFollower> current = new AtomicReference<>();
		try (SimulatedNode node = SimulatedNode.builder().user("user").password("pass").initialHeight(10).build().start();
				BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder().url(node.httpUrl())
					.credentials("user", "pass").reconnectDelay(Delay.constant(Duration.ofMillis(20))).build())) {
			client.connect();
			BlockHandler handler = (change) -> {
				insert(change);
				int dice = random.nextInt(100);
				if (dice < 4) {
					drops.incrementAndGet();
					JdbcCursorStore.currentConnection().close();
				}
				else if (dice < 8) {
					failures.incrementAndGet();
					throw new IllegalStateException("handler failure after its insert");
				}
				else if (dice < 11) {
					// The process dies here: the follower is closed (its thread interrupted) mid-transaction.
					kills.incrementAndGet();
					ChainFollower victim = current.get();
					Thread killer = new Thread(victim::close);
					killer.start();
					killer.join();
				}
			};
			current.set(start(client, store, handler));
			int mined = 0;
			while (mined < BLOCKS || !atTip(store, node)) {
				if (mined < BLOCKS) {
					int batch = Math.min(BLOCKS - mined, 1 + random.nextInt(20));
					node.generate(batch);
					mined += batch;
				}
				if (!current.get().isRunning()) {
					// The app starts again: a new follower on the same store resumes from the cursor.
					current.set(start(client, store, handler));
				}
				// Until the follower has handled what was mined, or a fault killed it.
				await().atMost(Duration.ofSeconds(30))
					.until(() -> !current.get().isRunning() || atTip(store, node));
			}
			current.get().close();

			List<String> expected = new ArrayList<>();
			for (int height = 11; height <= 10 + BLOCKS; height++) {
				expected.add(height + " " + node.blockHash(height));
			}
			assertThat(rows(dataSource)).as("one row per block (seed %d)", seed).containsExactlyElementsOf(expected);
			System.out.println("[follow] exactly-once on " + database + ": " + kills + " kills, " + failures
					+ " handler failures, " + drops + " dropped connections over " + BLOCKS + " blocks");
			assertThat(kills.get() + failures.get() + drops.get()).as("faults injected").isPositive();
		}
	}

	private static ChainFollower start(BitcoinRpcClient client, CursorStore store, BlockHandler handler) {
		// From a fixed height: the tip moves while the test mines, and a kill may come before the first cursor.
		return ChainFollower.builder(client).name("exactly-once").store(store).handler(handler)
			.startPoint(StartPoint.height(11)).pollInterval(Duration.ofMillis(20)).failurePolicy(FailurePolicy.retry(Delay.constant(Duration.ofMillis(1))))
			.start();
	}

	private static boolean atTip(CursorStore store, SimulatedNode node) {
		return store.load("exactly-once").map((cursor) -> cursor.hash().equals(node.bestBlockHash())).orElse(false);
	}

	private static void insert(Notification.BlockChange change) throws Exception {
		try (PreparedStatement insert = JdbcCursorStore.currentConnection()
			.prepareStatement("INSERT INTO handled (height, hash) VALUES (?, ?)")) {
			insert.setLong(1, change.height());
			insert.setString(2, change.hash());
			insert.executeUpdate();
		}
	}

	private static List<String> rows(DataSource dataSource) throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
				ResultSet result = query.executeQuery("SELECT height, hash FROM handled ORDER BY height, hash")) {
			while (result.next()) {
				rows.add(result.getLong(1) + " " + result.getString(2).trim());
			}
		}
		return rows;
	}

}
