package org.bitcoinrpc.spring.autoconfigure.follow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.client.follow.JdbcCursorStore;
import org.bitcoinrpc.client.follow.LeasingCursorStore;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bitcoin.rpc.follow.store=jdbc} with Boot's own DataSource, JdbcTemplate and transaction
 * manager, against the simulated node and a real H2 database in a file (and once a real
 * PostgreSQL): a handler bean's {@code JdbcTemplate} rows commit with the cursor and roll back with
 * it, and a stopped context, or a new one on the same database, resumes from the stored cursor.
 */
class BitcoinRpcFollowJdbcStoreTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** Started on first use, once per test JVM (it stops with the JVM); guarded by the class lock. */
	private static EmbeddedPostgres postgres;

	@TempDir
	Path directory;

	private SimulatedNode node;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcFollowAutoConfiguration.class,
				DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class));

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("u").password("p").initialHeight(10).build().start();
	}

	@AfterEach
	void stopNode() {
		this.node.stop();
	}

	private String h2Url() {
		return "jdbc:h2:file:" + this.directory.resolve("follow").toAbsolutePath();
	}

	private ApplicationContextRunner following(String databaseUrl, String... properties) {
		return this.runner
			.withPropertyValues("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
					"bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.poll-interval=50ms",
					"bitcoin.rpc.follow.retry.initial-delay=20ms", "bitcoin.rpc.follow.retry.max-delay=100ms",
					"bitcoin.rpc.follow.store=jdbc", "spring.datasource.url=" + databaseUrl)
			.withPropertyValues(properties)
			.withUserConfiguration(BlockRows.class);
	}

	@Test
	void aHandlersJdbcTemplateRowsCommitWithTheCursorAndRollBackWithIt() {
		following(h2Url()).run(this::oneRowPerBlockThroughAFailure);
	}

	@Test
	void aHandlersJdbcTemplateRowsCommitWithTheCursorOnPostgreSql() {
		following(postgresUrl(), "spring.datasource.username=postgres").run(this::oneRowPerBlockThroughAFailure);
	}

	/** Block 13's handler throws after its insert, once: its row goes, the block is retried, one row each. */
	private void oneRowPerBlockThroughAFailure(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		assertThat(context).getBean(CursorStore.class).isInstanceOf(JdbcCursorStore.class);
		BlockRows rows = context.getBean(BlockRows.class);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
		await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
		rows.failOnceAt.add(13L);
		List<String> mined = this.node.generate(5);
		await().atMost(WAIT).until(() -> storedHeight(jdbc) == 15);
		assertThat(rows.failures).hasValue(1);
		assertThat(rows(jdbc)).containsExactly(row(11, mined.get(0)), row(12, mined.get(1)), row(13, mined.get(2)),
				row(14, mined.get(3)), row(15, mined.get(4)));
		// The handler's connection was the cursor's: JdbcTemplate joined the store's transaction.
		assertThat(rows.sameConnection).containsOnly(true).hasSize(6);
	}

	@Test
	void aStoppedContextAndANewOneOnTheSameDatabaseResumeFromTheStoredCursor() {
		List<String> expected = new ArrayList<>();
		following(h2Url()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
			await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
			expected.addAll(this.node.generate(2));
			await().atMost(WAIT).until(() -> storedHeight(jdbc) == 12);
			context.stop();
			expected.addAll(this.node.generate(2));
			context.start();
			await().atMost(WAIT).until(() -> storedHeight(jdbc) == 14);
		});
		// No follower runs now: these are caught up by the next application.
		expected.addAll(this.node.generate(3));
		following(h2Url()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			await().atMost(WAIT).until(() -> storedHeight(jdbc) == 17);
			List<String> all = new ArrayList<>();
			for (int i = 0; i < expected.size(); i++) {
				all.add(row(11 + i, expected.get(i)));
			}
			assertThat(rows(jdbc)).containsExactlyElementsOf(all);
		});
	}

	@Test
	void theStoreIsInMemoryWithADataSourceUnlessJdbcIsAsked() {
		this.runner
			.withPropertyValues("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.follow.enabled=true",
					"spring.datasource.url=" + h2Url())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(CursorStore.class).isNotInstanceOf(JdbcCursorStore.class);
				Long tables = context.getBean(JdbcTemplate.class)
					.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) LIKE 'bitcoin_rpc%'",
							Long.class);
				assertThat(tables).isZero();
			});
	}

	@Test
	void tableAndLeaseAreTheProperties() {
		following(h2Url(), "bitcoin.rpc.follow.table=app_cursors", "bitcoin.rpc.follow.lease=45s").run((context) -> {
			assertThat(context).getBean(CursorStore.class)
				.isInstanceOfSatisfying(LeasingCursorStore.class,
						(store) -> assertThat(store.leaseDuration()).isEqualTo(Duration.ofSeconds(45)));
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			String hash = this.node.generate(1).get(0);
			await().atMost(WAIT)
				.until(() -> hash.equals(jdbc.queryForObject("SELECT MAX(hash) FROM app_cursors", String.class)));
		});
	}

	@Test
	void jdbcWithoutADataSourceFailsNamingTheProperty() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcFollowAutoConfiguration.class))
			.withPropertyValues("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.follow.enabled=true",
					"bitcoin.rpc.follow.store=jdbc")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("bitcoin.rpc.follow.store");
					assertThat(ex.getReason()).startsWith("Needs a DataSource bean, and there is none");
				}));
	}

	@Test
	void aBadTableOrLeaseFailsNamingTheProperty() {
		following(h2Url(), "bitcoin.rpc.follow.table=cursors; DROP TABLE x").run((context) -> assertThat(context)
			.getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
				assertThat(ex.getName()).isEqualTo("bitcoin.rpc.follow.table");
				assertThat(ex.getReason()).contains("plain SQL identifier");
			}));
		following(h2Url(), "bitcoin.rpc.follow.lease=0s").run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
					(ex) -> assertThat(ex.getName()).isEqualTo("bitcoin.rpc.follow.lease")));
	}

	private static long storedHeight(JdbcTemplate jdbc) {
		List<Long> heights = jdbc.queryForList("SELECT height FROM " + JdbcCursorStore.DEFAULT_TABLE + " WHERE name = 'default'",
				Long.class);
		return heights.isEmpty() ? -1 : heights.get(0);
	}

	private static List<String> rows(JdbcTemplate jdbc) {
		return jdbc.query("SELECT height, hash FROM handled_blocks ORDER BY height, hash",
				(row, i) -> row(row.getLong(1), row.getString(2)));
	}

	private static String row(long height, String hash) {
		return height + " " + hash;
	}

	private static synchronized String postgresUrl() {
		try {
			if (postgres == null) {
				Path work = Path.of("target", "embedded-pg").toAbsolutePath();
				Files.createDirectories(work);
				postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile()).start();
			}
			return postgres.getJdbcUrl("postgres", "postgres");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the embedded PostgreSQL: " + ex, ex);
		}
	}

	/** The application's handler: one row per block with JdbcTemplate, failing once after its insert where asked. */
	@Configuration(proxyBeanMethods = false)
	static class BlockRows {

		/** Heights whose next handling throws after its insert; any thread. */
		final Set<Long> failOnceAt = ConcurrentHashMap.newKeySet();

		final AtomicInteger failures = new AtomicInteger();

		/** Per handled change: whether JdbcTemplate's connection was the store's. */
		final List<Boolean> sameConnection = new CopyOnWriteArrayList<>();

		@Bean
		BlockHandler blockRows(JdbcTemplate jdbc, DataSource dataSource) {
			jdbc.execute("CREATE TABLE IF NOT EXISTS handled_blocks (height BIGINT NOT NULL, hash CHAR(64) NOT NULL)");
			return (change) -> {
				if (change instanceof Notification.BlockConnected block) {
					jdbc.update("INSERT INTO handled_blocks (height, hash) VALUES (?, ?)", block.height(), block.hash());
				}
				else {
					jdbc.update("DELETE FROM handled_blocks WHERE hash = ?", change.hash());
				}
				// The connection JdbcTemplate writes on: the one bound to the Spring transaction.
				this.sameConnection.add(DataSourceUtils.getConnection(dataSource) == JdbcCursorStore.currentConnection());
				if (this.failOnceAt.remove(change.height())) {
					this.failures.incrementAndGet();
					throw new IllegalStateException("Handler failed after its insert at " + change.height());
				}
			};
		}

	}

}
