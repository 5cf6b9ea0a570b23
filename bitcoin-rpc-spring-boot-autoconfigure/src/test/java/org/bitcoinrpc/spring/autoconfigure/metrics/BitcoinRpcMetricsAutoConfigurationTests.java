package org.bitcoinrpc.spring.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.metrics.BitcoinRpcMetrics;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics are bound to Spring Boot's meter registry, and only when there is one.
 */
class BitcoinRpcMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcMetricsAutoConfiguration.class))
		.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws");

	@Test
	void boundToTheAutoConfiguredRegistry() {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(BitcoinRpcMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(BitcoinRpcMetrics.CONNECTION_STATE).gauge().value()).isZero();
				assertThat(registry.get(BitcoinRpcMetrics.PENDING).gauge()).isNotNull();
				assertThat(registry.get(BitcoinRpcMetrics.RESENT).functionCounter()).isNotNull();
				assertThat(registry.get(BitcoinRpcMetrics.RECONNECT_ATTEMPTS).counter()).isNotNull();
			});
	}

	@Test
	void boundToAnApplicationRegistry() {
		this.runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(BitcoinRpcMetrics.class);
				assertThat(context.getBean(SimpleMeterRegistry.class).find(BitcoinRpcMetrics.PENDING).gauge()).isNotNull();
			});
	}

	@Test
	void absentWithoutARegistry() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(BitcoinRpcClient.class)
			.doesNotHaveBean(BitcoinRpcMetrics.class));
	}

	@Test
	void absentWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasSingleBean(BitcoinRpcClient.class)
				.doesNotHaveBean("bitcoinRpcMetrics"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesThem() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withBean("myMetrics", BitcoinRpcMetrics.class,
					() -> new BitcoinRpcMetrics(BitcoinRpcClient.create("ws://127.0.0.1:1/ws", "u", "p")))
			.run((context) -> assertThat(context).hasSingleBean(BitcoinRpcMetrics.class).hasBean("myMetrics"));
	}

}
