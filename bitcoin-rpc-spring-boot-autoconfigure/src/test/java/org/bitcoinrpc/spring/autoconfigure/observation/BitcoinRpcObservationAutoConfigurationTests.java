package org.bitcoinrpc.spring.autoconfigure.observation;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.metrics.BitcoinRpcMetricsAutoConfiguration;
import org.bitcoinrpc.spring.metrics.BitcoinRpcMetrics;
import org.bitcoinrpc.spring.observation.BitcoinRpcObservationContext;
import org.bitcoinrpc.spring.observation.BitcoinRpcObservationConvention;
import org.bitcoinrpc.spring.observation.DefaultBitcoinRpcObservationConvention;
import org.bitcoinrpc.spring.observation.ObservationCallTracer;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured client's calls are observations when there is an {@link ObservationRegistry},
 * and with Spring Boot's metrics each call is counted once, by the observation's timer.
 */
class BitcoinRpcObservationAutoConfigurationTests {

	private final SimulatedNode node = SimulatedNode.builder().user("u").password("p").build().start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcObservationAutoConfiguration.class,
				BitcoinRpcAutoConfiguration.class))
		.withPropertyValues("bitcoin.rpc.url=" + this.node.wsUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p");

	/** Boot's own observation and metrics auto-configurations, as an application with the actuator has them. */
	private final ApplicationContextRunner withBootMetrics = this.runner.withConfiguration(AutoConfigurations.of(
			ObservationAutoConfiguration.class, MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, BitcoinRpcMetricsAutoConfiguration.class));

	@AfterEach
	void stop() {
		this.node.stop();
	}

	@Test
	void callsAreObservedInTheApplicationsRegistry() {
		this.runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			assertThat(client.options().callTracer()).isSameAs(context.getBean(ObservationCallTracer.class));
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			client.getBlockCount();
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
					.hasAnObservation((observation) -> observation.hasNameEqualTo("bitcoin.rpc.requests")
						.hasLowCardinalityKeyValue("method", "getblockcount")
						// Set when the observation stops.
						.hasLowCardinalityKeyValue("outcome", "success")));
		});
	}

	@Test
	void theNodeKindIsLearnedAfterConnecting() {
		// The simulated node speaks btcd but has no getinfo; a real btcd answers it so.
		this.node.stubResult("getinfo", "{\"version\":240200}");
		this.runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> this.node.requestCount("getinfo") == 1);
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				client.getBlockCount();
				TestObservationRegistryAssert.assertThat(registry)
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("method", "getblockcount")
						.hasLowCardinalityKeyValue("node", "btcd"));
			});
		});
	}

	@Test
	void worksWithMicrometerObservationAlone() {
		this.runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withConfiguration(AutoConfigurations.of(BitcoinRpcMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> {
				assertThat(context).hasSingleBean(ObservationCallTracer.class).doesNotHaveBean("bitcoinRpcMetrics");
				context.getBean(BitcoinRpcClient.class).getBlockCount();
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
						.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("method", "getblockcount")
							.hasLowCardinalityKeyValue("outcome", "success")));
			});
	}

	@Test
	void aConventionBeanIsUsed() {
		this.runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean(BitcoinRpcObservationConvention.class, () -> new DefaultBitcoinRpcObservationConvention() {

				@Override
				public KeyValues getLowCardinalityKeyValues(BitcoinRpcObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("team", "payments");
				}

			})
			.run((context) -> {
				context.getBean(BitcoinRpcClient.class).getBlockCount();
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
						.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("method", "getblockcount")
							.hasLowCardinalityKeyValue("team", "payments")));
			});
	}

	@Test
	void backsOffWithoutAnObservationRegistry() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(BitcoinRpcClient.class).doesNotHaveBean(ObservationCallTracer.class);
			assertThat(context.getBean(BitcoinRpcClient.class).options().callTracer()).isNull();
		});
	}

	@Test
	void backsOffWithoutMicrometerObservation() {
		this.runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withClassLoader(new FilteredClassLoader("io.micrometer.observation"))
			.run((context) -> {
				assertThat(context).hasSingleBean(BitcoinRpcClient.class)
					.doesNotHaveBean("bitcoinRpcObservationCallTracer")
					.doesNotHaveBean("bitcoinRpcObservationCustomizer");
				assertThat(context.getBean(BitcoinRpcClient.class).options().callTracer()).isNull();
			});
	}

	@Test
	void oneCallIsCountedOnceByTheObservationsTimer() {
		this.withBootMetrics.run((context) -> {
			assertThat(context).hasSingleBean(ObservationCallTracer.class).hasSingleBean(BitcoinRpcMetrics.class);
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			client.getBlockCount();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> meters.find(BitcoinRpcMetrics.REQUESTS).tag("method", "getblockcount").timer() != null);
			Timer timer = meters.get(BitcoinRpcMetrics.REQUESTS).tag("method", "getblockcount").timer();
			assertThat(timer.getId().getTag("outcome")).isEqualTo("success");
			assertThat(timer.getId().getTag("node")).isEqualTo("unknown");
			assertThat(timer.getId().getTag("error")).isEqualTo("none");
			// Another call's completion is the latest point the first one's timer can be recorded at.
			client.getBestBlockHash();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> meters.find(BitcoinRpcMetrics.REQUESTS).tag("method", "getbestblockhash").timer() != null);
			assertThat(meters.get(BitcoinRpcMetrics.REQUESTS).tag("method", "getblockcount").timers())
				.singleElement()
				.satisfies((only) -> assertThat(only.count()).isEqualTo(1));
			assertThat(meters.get(BitcoinRpcMetrics.REQUESTS).tag("method", "getbestblockhash").timers())
				.singleElement()
				.satisfies((only) -> assertThat(only.count()).isEqualTo(1));
			// Every call the node received (the node kind detection's too), each counted once.
			await().atMost(Duration.ofSeconds(5))
				.until(() -> meters.get(BitcoinRpcMetrics.REQUESTS).timers().stream().mapToLong(Timer::count).sum() == this.node
					.totalRequests());
			assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
		});
	}

	@Test
	void observationsCanBeTurnedOffWithBootsProperty() {
		this.withBootMetrics.withPropertyValues("management.observations.enable.bitcoin.rpc=false").run((context) -> {
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			client.getBlockCount();
			// Over the one websocket, the first call's completion has run once the second's has.
			client.getBestBlockHash();
			assertThat(meters.find(BitcoinRpcMetrics.REQUESTS).timers()).isEmpty();
			assertThat(meters.find(BitcoinRpcMetrics.PENDING).gauge()).isNotNull();
		});
	}

	@Test
	void withoutObservationsTheMetricsTimeTheCalls() {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					BitcoinRpcMetricsAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ObservationCallTracer.class).hasSingleBean(BitcoinRpcMetrics.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				context.getBean(BitcoinRpcClient.class).getBlockCount();
				await().atMost(Duration.ofSeconds(5))
					.until(() -> meters.find(BitcoinRpcMetrics.REQUESTS).tag("method", "getblockcount").timer() != null);
				Timer timer = meters.get(BitcoinRpcMetrics.REQUESTS).tag("method", "getblockcount").timer();
				assertThat(timer.count()).isEqualTo(1);
				assertThat(timer.getId().getTag("error")).isNull();
			});
	}

}
