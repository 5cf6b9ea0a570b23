package org.bitcoinrpc.spring.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowLifecycle;
import org.bitcoinrpc.spring.metrics.BitcoinRpcFollowMetrics;
import org.bitcoinrpc.spring.metrics.BitcoinRpcMetrics;
import org.bitcoinrpc.spring.observation.ObservationCallTracer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link BitcoinRpcMetrics}, and
 * {@link BitcoinRpcFollowMetrics} when the chain follower is on: active when Micrometer is on the
 * class path and a {@link MeterRegistry} bean exists. The metrics are {@link MeterBinder}s, which
 * Spring Boot's metrics auto-configuration binds to the registry.
 */
@AutoConfiguration(after = { BitcoinRpcAutoConfiguration.class, BitcoinRpcFollowAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ BitcoinRpcClient.class, MeterRegistry.class, MeterBinder.class })
@ConditionalOnSingleCandidate(BitcoinRpcClient.class)
@ConditionalOnBean(MeterRegistry.class)
public final class BitcoinRpcMetricsAutoConfiguration {

	/**
	 * The metrics. When the client's calls are observations
	 * ({@link org.bitcoinrpc.spring.autoconfigure.observation.BitcoinRpcObservationAutoConfiguration}),
	 * the observation's timer is {@value BitcoinRpcMetrics#REQUESTS} and the metrics leave it out,
	 * so no call is counted twice.
	 */
	@Bean
	@ConditionalOnMissingBean
	BitcoinRpcMetrics bitcoinRpcMetrics(BitcoinRpcClient client) {
		boolean observed = client.options().callTracer() instanceof ObservationCallTracer;
		return new BitcoinRpcMetrics(client, Tags.empty(), !observed);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(BitcoinRpcFollowLifecycle.class)
	static class FollowMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BitcoinRpcFollowMetrics bitcoinRpcFollowMetrics(BitcoinRpcFollowLifecycle lifecycle,
				BitcoinRpcProperties properties) {
			// The lifecycle builds a new follower at each start: the gauges ask it at each read.
			return new BitcoinRpcFollowMetrics(properties.getFollow().getName().trim(), lifecycle::follower);
		}

	}

}
