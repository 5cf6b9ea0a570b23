package org.bitcoinrpc.spring.autoconfigure.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowLifecycle;
import org.bitcoinrpc.spring.metrics.BitcoinRpcFollowMetrics;
import org.bitcoinrpc.spring.metrics.BitcoinRpcMetrics;
import org.bitcoinrpc.test.BlockTimes;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The follower's meters in the application context, against a simulated node: they move as
 * blocks are mined and after a handler failure, still report after a stop and start of the
 * context (a new follower), and are not there with the follower off.
 */
class BitcoinRpcFollowMetricsAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private SimulatedNode node;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class,
				BitcoinRpcFollowAutoConfiguration.class, BitcoinRpcMetricsAutoConfiguration.class,
				MetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@BeforeEach
	void startNode() {
		// Blocks stamped an hour ago (each a second after its parent): the ages below are an hour.
		this.node = SimulatedNode.builder().user("u").password("p").initialHeight(10)
			.blockTimes(BlockTimes.clock(Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC)))
			.build()
			.start();
	}

	@AfterEach
	void stopNode() {
		this.node.stop();
	}

	private ApplicationContextRunner forNode(String... properties) {
		return this.runner
			.withPropertyValues("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
					"bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.name=payments",
					"bitcoin.rpc.follow.poll-interval=100ms", "bitcoin.rpc.follow.retry.initial-delay=20ms",
					"bitcoin.rpc.follow.retry.max-delay=100ms")
			.withPropertyValues(properties);
	}

	@Test
	void gaugesAndCountersMoveAsBlocksAreMined() {
		forNode().run((context) -> {
			assertThat(context).hasSingleBean(BitcoinRpcFollowMetrics.class).hasSingleBean(BitcoinRpcMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(WAIT).until(() -> gauge(registry, BitcoinRpcFollowMetrics.CURSOR_HEIGHT) == 10);
			await().atMost(WAIT).until(() -> gauge(registry, BitcoinRpcFollowMetrics.TIP_HEIGHT) == 10);
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.LAG)).isZero();
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.ACTIVE)).isEqualTo(1);
			// Block 10 was stamped an hour ago (less the 9 s its ancestors took): its age, not a time since start-up.
			assertThat(age(registry)).isBetween((double) Duration.ofMinutes(59).toSeconds(),
					(double) Duration.ofMinutes(65).toSeconds());

			this.node.generate(3);
			await().atMost(WAIT).until(() -> changes(registry, "connected") == 3);
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.CURSOR_HEIGHT)).isEqualTo(13);
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.TIP_HEIGHT)).isEqualTo(13);
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.LAG)).isZero();
			assertThat(counter(registry, BitcoinRpcFollowMetrics.CATCH_UPS)).isBetween(1.0, 3.0);

			// A reorg: one disconnected, one connected in its place.
			this.node.disconnectTip();
			String replacement = this.node.generate(1).get(0);
			await().atMost(WAIT).until(() -> changes(registry, "connected") == 4);
			assertThat(changes(registry, "disconnected")).isEqualTo(1);
			assertThat(context.getBean(BitcoinRpcFollowLifecycle.class).cursor().hash()).isEqualTo(replacement);
			assertThat(counter(registry, BitcoinRpcFollowMetrics.HANDLER_FAILURES)).isZero();
			assertThat(counter(registry, BitcoinRpcFollowMetrics.BLOCKS_SKIPPED)).isZero();
		});
	}

	@Test
	void aHandlerFailureCountsAndTheRetriedBlockCountsOnce() {
		AtomicBoolean failed = new AtomicBoolean();
		forNode().withBean(BlockHandler.class, () -> (change) -> {
			if (failed.compareAndSet(false, true)) {
				throw new IllegalStateException("handler failed");
			}
		}).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(WAIT).until(() -> gauge(registry, BitcoinRpcFollowMetrics.CURSOR_HEIGHT) == 10);
			this.node.generate(1);
			await().atMost(WAIT).until(() -> changes(registry, "connected") == 1);
			assertThat(counter(registry, BitcoinRpcFollowMetrics.HANDLER_FAILURES)).isEqualTo(1);
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.CURSOR_HEIGHT)).isEqualTo(11);
			this.node.generate(1);
			await().atMost(WAIT).until(() -> changes(registry, "connected") == 2);
			assertThat(counter(registry, BitcoinRpcFollowMetrics.HANDLER_FAILURES)).isEqualTo(1);
		});
	}

	@Test
	void aSkippedBlockCounts() {
		forNode("bitcoin.rpc.follow.failure-policy=skip").withBean(BlockHandler.class, () -> (change) -> {
			if (change.height() == 11) {
				throw new IllegalStateException("handler failed");
			}
		}).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(WAIT).until(() -> gauge(registry, BitcoinRpcFollowMetrics.CURSOR_HEIGHT) == 10);
			this.node.generate(2);
			await().atMost(WAIT).until(() -> gauge(registry, BitcoinRpcFollowMetrics.CURSOR_HEIGHT) == 12
					&& counter(registry, BitcoinRpcFollowMetrics.CATCH_UPS) >= 1);
			assertThat(counter(registry, BitcoinRpcFollowMetrics.BLOCKS_SKIPPED)).isEqualTo(1);
			assertThat(counter(registry, BitcoinRpcFollowMetrics.HANDLER_FAILURES)).isEqualTo(1);
			assertThat(changes(registry, "connected")).isEqualTo(1);
		});
	}

	@Test
	void gaugesFollowTheNewFollowerAfterAStopAndStart() {
		forNode().run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(WAIT).until(() -> gauge(registry, BitcoinRpcFollowMetrics.CURSOR_HEIGHT) == 10);
			this.node.generate(1);
			await().atMost(WAIT).until(() -> changes(registry, "connected") == 1);

			context.stop();
			// No follower: nothing known, and not active.
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.CURSOR_HEIGHT)).isNaN();
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.LAG)).isNaN();
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.ACTIVE)).isZero();
			List<String> meanwhile = this.node.generate(3);

			context.start();
			await().atMost(WAIT).until(() -> gauge(registry, BitcoinRpcFollowMetrics.CURSOR_HEIGHT) == 14);
			await().atMost(WAIT).until(() -> changes(registry, "connected") == 4);
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.TIP_HEIGHT)).isEqualTo(14);
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.LAG)).isZero();
			assertThat(gauge(registry, BitcoinRpcFollowMetrics.ACTIVE)).isEqualTo(1);
			assertThat(context.getBean(BitcoinRpcFollowLifecycle.class).cursor().hash()).isEqualTo(meanwhile.get(2));
			this.node.generate(1);
			await().atMost(WAIT).until(() -> gauge(registry, BitcoinRpcFollowMetrics.CURSOR_HEIGHT) == 15);
			// One meter of each, whatever the number of followers built.
			assertThat(registry.find(BitcoinRpcFollowMetrics.CURSOR_HEIGHT).gauges()).hasSize(1);
		});
	}

	@Test
	void absentWithTheFollowerOff() {
		forNode("bitcoin.rpc.follow.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(BitcoinRpcMetrics.class).doesNotHaveBean(BitcoinRpcFollowMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(BitcoinRpcMetrics.PENDING).gauge()).isNotNull();
			assertThat(registry.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("bitcoin.rpc.follow."));
		});
	}

	@Test
	void absentWithoutARegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class,
					BitcoinRpcFollowAutoConfiguration.class, BitcoinRpcMetricsAutoConfiguration.class))
			.withPropertyValues("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
					"bitcoin.rpc.follow.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(BitcoinRpcFollowLifecycle.class)
				.doesNotHaveBean(BitcoinRpcFollowMetrics.class));
	}

	private static Search follower(MeterRegistry registry, String name) {
		return registry.find(name).tag(BitcoinRpcFollowMetrics.FOLLOWER_TAG, "payments");
	}

	private static double gauge(MeterRegistry registry, String name) {
		return follower(registry, name).gauge().value();
	}

	private static double age(MeterRegistry registry) {
		return follower(registry, BitcoinRpcFollowMetrics.LAST_BLOCK_AGE).timeGauge()
			.value(TimeUnit.SECONDS);
	}

	private static double counter(MeterRegistry registry, String name) {
		return follower(registry, name).counter().count();
	}

	private static double changes(MeterRegistry registry, String type) {
		return follower(registry, BitcoinRpcFollowMetrics.CHANGES).tag("type", type).counter().count();
	}

}
