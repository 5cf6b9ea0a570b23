package org.bitcoinrpc.spring.autoconfigure;

import java.time.Duration;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowLifecycle;
import org.bitcoinrpc.spring.autoconfigure.health.BitcoinRpcHealthContributorAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.metrics.BitcoinRpcMetricsAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqLifecycle;
import org.bitcoinrpc.spring.health.BitcoinRpcHealthIndicator;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The actuator, spring-boot-health, Micrometer, jeromq and spring-jdbc are optional: without them
 * the client is configured, connects and works, and so does the chain follower; only the health
 * indicator, metrics, sanitizing function, ZMQ notifications and the jdbc cursor store are missing.
 */
@ExtendWith(OutputCaptureExtension.class)
class OptionalDependenciesTests {

	@Test
	void worksWithoutActuatorHealthAndMicrometer() {
		try (SimulatedNode node = SimulatedNode.builder().user("u").password("p").build().start()) {
			new ApplicationContextRunner()
				.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
						"org.springframework.boot.health", "io.micrometer.core"))
				.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class,
						BitcoinRpcHealthContributorAutoConfiguration.class, BitcoinRpcMetricsAutoConfiguration.class))
				.withPropertyValues("bitcoin.rpc.url=" + node.wsUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p")
				.run((context) -> {
					assertThat(context).hasNotFailed()
						.hasSingleBean(BitcoinRpcClient.class)
						.hasSingleBean(BitcoinRpcClientLifecycle.class)
						.doesNotHaveBean("bitcoinRpcHealthIndicator")
						.doesNotHaveBean("bitcoinRpcMetrics")
						.doesNotHaveBean("bitcoinRpcSanitizingFunction");
					BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
					await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
					assertThat(client.getBlockCount()).isEqualTo(node.blockCount());
				});
		}
	}

	@Test
	void sanitizingFunctionOnlyWithTheActuator() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class))
			.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws");
		runner.run((context) -> assertThat(context).hasBean("bitcoinRpcSanitizingFunction"));
		runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("bitcoinRpcSanitizingFunction"));
	}

	@Test
	void worksWithoutJeromqEvenWithZmqEnabled(CapturedOutput output) {
		try (SimulatedNode node = SimulatedNode.builder().user("u").password("p").build().start()) {
			new ApplicationContextRunner().withClassLoader(new FilteredClassLoader("org.zeromq"))
				.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class,
						BitcoinRpcZmqAutoConfiguration.class, BitcoinRpcHealthContributorAutoConfiguration.class,
						BitcoinRpcFollowAutoConfiguration.class))
				.withPropertyValues("bitcoin.rpc.url=" + node.httpUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
						"bitcoin.rpc.zmq.enabled=true", "bitcoin.rpc.zmq.hashblock=tcp://127.0.0.1:28332",
						"bitcoin.rpc.notifications.blocks=true")
				.run((context) -> {
					assertThat(context).hasNotFailed()
						.hasSingleBean(BitcoinRpcClient.class)
						.hasSingleBean(BitcoinRpcClientLifecycle.class)
						.doesNotHaveBean(BitcoinRpcZmqLifecycle.class);
					// The follower works too, woken by the long-poll instead of ZMQ.
					assertThat(context.getBean(BitcoinRpcFollowLifecycle.class).wakeSource())
						.isEqualTo(BitcoinRpcProperties.Follow.Source.WAIT_FOR_NEW_BLOCK);
					BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
					await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
					assertThat(client.getBlockCount()).isEqualTo(node.blockCount());
					// No ZMQ detail when ZMQ is not configured.
					assertThat(context.getBean(BitcoinRpcHealthIndicator.class).health().getDetails())
						.containsKey("blockHeight")
						.doesNotContainKey("zmq");
				});
		}
		assertThat(output.getAll()).contains("bitcoin.rpc.zmq.enabled is true but jeromq is not on the class path");
	}

	@Test
	void followerWorksWithoutSpringJdbcAndTheJdbcStoreSaysWhatItNeeds() {
		try (SimulatedNode node = SimulatedNode.builder().user("u").password("p").initialHeight(5).build().start()) {
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withClassLoader(new FilteredClassLoader("org.springframework.jdbc", "org.springframework.transaction"))
				.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class,
						BitcoinRpcFollowAutoConfiguration.class))
				.withPropertyValues("bitcoin.rpc.url=" + node.httpUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
						"bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.poll-interval=50ms");
			runner.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(CursorStore.class);
				BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.cursor() != null);
				String hash = node.generate(1).get(0);
				await().atMost(Duration.ofSeconds(10)).until(() -> hash.equals(lifecycle.cursor().hash()));
			});
			runner.withPropertyValues("bitcoin.rpc.follow.store=jdbc")
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
						assertThat(ex.getName()).isEqualTo("bitcoin.rpc.follow.store");
						assertThat(ex.getReason()).startsWith("Needs spring-jdbc on the class path");
					}));
		}
	}

	@Test
	void noJeromqWarningUnlessZmqIsEnabled(CapturedOutput output) {
		new ApplicationContextRunner().withClassLoader(new FilteredClassLoader("org.zeromq"))
			.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcZmqAutoConfiguration.class))
			.withPropertyValues("bitcoin.rpc.url=http://127.0.0.1:1/")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BitcoinRpcZmqLifecycle.class));
		assertThat(output.getAll()).doesNotContain("jeromq is not on the class path");
	}

}
