package org.bitcoinrpc.spring.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bitcoinrpc.client.follow.BlockHandler;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowAutoConfiguration;
import org.bitcoinrpc.spring.health.BitcoinRpcFollowHealth;
import org.bitcoinrpc.spring.health.BitcoinRpcHealthIndicator;
import org.bitcoinrpc.test.BlockTimes;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code follow} detail of the {@code bitcoinRpc} health against a simulated node, and the
 * follower's say in the status: DOWN while it lags more than
 * {@code management.health.bitcoinrpc.follow.max-lag}, and once it stopped by itself.
 */
class BitcoinRpcFollowHealthTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private SimulatedNode node;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class,
				BitcoinRpcFollowAutoConfiguration.class, BitcoinRpcHealthContributorAutoConfiguration.class));

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
	void followDetailWhileUp() {
		forNode().run((context) -> {
			HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
			List<String> mined = this.node.generate(2);
			await().atMost(WAIT).until(() -> Long.valueOf(12).equals(cursor(indicator.health()).get("height")));
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(follow(health)).containsEntry("name", "payments")
				.containsEntry("running", true)
				.containsEntry("active", true)
				.containsEntry("tipHeight", 12L)
				.containsEntry("lag", 0L)
				.containsKeys("lastBlockTime", "lastBlockAge")
				.doesNotContainKey("maxLag");
			assertThat(cursor(health)).containsEntry("hash", mined.get(1));
			// Block 12 was stamped an hour ago (less the 11 s its ancestors took): its age, not a time since start-up.
			assertThat(Duration.parse((String) follow(health).get("lastBlockAge"))).isBetween(Duration.ofMinutes(59),
					Duration.ofMinutes(65));
		});
	}

	@Test
	void downWhileTheFollowerLagsMoreThanTheMaxLag() {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		BlockHandler stuck = (change) -> {
			if (change.height() == 11) {
				entered.countDown();
				release.await();
			}
		};
		forNode("management.health.bitcoinrpc.follow.max-lag=2").withBean(BlockHandler.class, () -> stuck)
			.run((context) -> {
				HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
				await().atMost(WAIT).until(() -> indicator.health().getStatus().equals(Status.UP)
						&& cursor(indicator.health()).get("height") != null);
				assertThat(follow(indicator.health())).containsEntry("maxLag", 2L);
				try {
					this.node.generate(1);
					await().atMost(WAIT).until(() -> entered.getCount() == 0);
					this.node.generate(1);
					// Two behind: not more than the maximum.
					Health two = indicator.health();
					assertThat(two.getStatus()).isEqualTo(Status.UP);
					assertThat(follow(two)).containsEntry("lag", 2L);
					this.node.generate(3);
					Health five = indicator.health();
					assertThat(five.getStatus()).isEqualTo(Status.DOWN);
					assertThat(five.getDetails()).containsEntry("reason", BitcoinRpcFollowHealth.LAGGING)
						.containsEntry("blockHeight", 15L);
					assertThat(follow(five)).containsEntry("lag", 5L).containsEntry("tipHeight", 15L);
					assertThat(cursor(five)).containsEntry("height", 10L);
				}
				finally {
					release.countDown();
				}
				await().atMost(WAIT).until(() -> indicator.health().getStatus().equals(Status.UP));
				Health caughtUp = indicator.health();
				assertThat(follow(caughtUp)).containsEntry("lag", 0L);
				assertThat(caughtUp.getDetails()).doesNotContainKey("reason");
			});
	}

	@Test
	void downWhenTheFollowerStoppedByItselfUpAgainAfterAStopAndStart() {
		AtomicBoolean failed = new AtomicBoolean();
		forNode("bitcoin.rpc.follow.failure-policy=stop").withBean(BlockHandler.class, () -> (change) -> {
			if (failed.compareAndSet(false, true)) {
				throw new IllegalStateException("handler failed");
			}
		}).run((context) -> {
			HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
			await().atMost(WAIT).until(() -> cursor(indicator.health()).get("height") != null);
			this.node.generate(1);
			await().atMost(WAIT).until(() -> indicator.health().getStatus().equals(Status.DOWN));
			Health stopped = indicator.health();
			assertThat(stopped.getDetails()).containsEntry("reason", BitcoinRpcFollowHealth.STOPPED)
				.containsEntry("state", "CONNECTED");
			assertThat(follow(stopped)).containsEntry("running", false).containsEntry("active", false);
			assertThat(cursor(stopped)).containsEntry("height", 10L);

			// The next start of the context offers the block again, to a handler that now succeeds.
			context.stop();
			context.start();
			await().atMost(WAIT).until(() -> Long.valueOf(11).equals(cursor(indicator.health()).get("height")));
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void noFollowDetailWithTheFollowerOff() {
		forNode("bitcoin.rpc.follow.enabled=false").run((context) -> {
			HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
			await().atMost(WAIT).until(() -> indicator.health().getStatus().equals(Status.UP));
			assertThat(indicator.health().getDetails()).doesNotContainKey("follow");
		});
	}

	@Test
	void negativeMaxLagFailsNamingTheProperty() {
		forNode("management.health.bitcoinrpc.follow.max-lag=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("management.health.bitcoinrpc.follow.max-lag"));
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> follow(Health health) {
		return (Map<String, Object>) health.getDetails().get("follow");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cursor(Health health) {
		Object cursor = follow(health).get("cursor");
		return (cursor != null) ? (Map<String, Object>) cursor : Map.of();
	}

}
