package org.bitcoinrpc.spring.autoconfigure;

import java.time.Duration;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.health.BitcoinRpcHealthContributorAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.metrics.BitcoinRpcMetricsAutoConfiguration;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The actuator, spring-boot-health and Micrometer are optional: without them the client is
 * configured, connects and works; only the health indicator, metrics and sanitizing function
 * are missing.
 */
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

}
