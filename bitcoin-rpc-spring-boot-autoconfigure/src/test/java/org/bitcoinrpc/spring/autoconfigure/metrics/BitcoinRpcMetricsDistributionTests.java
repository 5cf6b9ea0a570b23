package org.bitcoinrpc.spring.autoconfigure.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.observation.BitcoinRpcObservationAutoConfiguration;
import org.bitcoinrpc.spring.metrics.BitcoinRpcMetrics;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.PropertiesMeterFilter;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Percentiles and histograms of the request timer come from Spring Boot's standard
 * {@code management.metrics.distribution.*} properties, as README shows, with observations on
 * (the timer is the observation's) and off (the metrics record it).
 */
class BitcoinRpcMetricsDistributionTests {

	private final SimulatedNode node = SimulatedNode.builder().user("u").password("p").build().start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcMetricsAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class))
		.withPropertyValues("bitcoin.rpc.url=" + this.node.wsUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p");

	@AfterEach
	void stop() {
		this.node.stop();
	}

	@Test
	void theObservedTimerHasTheConfiguredPercentilesAndHistogram() {
		this.runner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					BitcoinRpcObservationAutoConfiguration.class))
			// README's YAML: the meter name as one map key.
			.withPropertyValues("management.metrics.distribution.percentiles-histogram.[bitcoin.rpc.requests]=true",
					"management.metrics.distribution.percentiles.[bitcoin.rpc.requests]=0.5,0.99")
			.run(BitcoinRpcMetricsDistributionTests::assertPercentilesAndHistogram);
	}

	@Test
	void theMetricsTimerHasTheConfiguredPercentilesAndHistogram() {
		// README's .properties form.
		this.runner
			.withPropertyValues("management.metrics.distribution.percentiles-histogram.bitcoin.rpc.requests=true",
					"management.metrics.distribution.percentiles.bitcoin.rpc.requests=0.5,0.99")
			.run((context) -> {
				assertThat(context.getBean(BitcoinRpcClient.class).options().callTracer()).isNull();
				assertPercentilesAndHistogram(context);
			});
	}

	private static void assertPercentilesAndHistogram(ApplicationContext context) {
		BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		client.getBlockCount();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> meters.find(BitcoinRpcMetrics.REQUESTS).tag("method", "getblockcount").timer() != null);
		Timer timer = meters.get(BitcoinRpcMetrics.REQUESTS).tag("method", "getblockcount").timer();
		HistogramSnapshot snapshot = timer.takeSnapshot();
		assertThat(snapshot.percentileValues()).extracting(ValueAtPercentile::percentile).containsExactly(0.5, 0.99);
		// The simple registry computes percentiles but publishes no histogram buckets (a registry
		// such as Prometheus's does); that the histogram is asked for is the filter's decision.
		DistributionStatisticConfig config = context.getBean(PropertiesMeterFilter.class)
			.configure(timer.getId(), DistributionStatisticConfig.DEFAULT);
		assertThat(config).isNotNull();
		assertThat(config.isPercentileHistogram()).isTrue();
	}

}
