package org.bitcoinrpc.spring.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.metrics.BitcoinRpcMetrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link BitcoinRpcMetrics}: active when
 * Micrometer is on the class path and a {@link MeterRegistry} bean exists. The metrics are a
 * {@link MeterBinder}, which Spring Boot's metrics auto-configuration binds to the registry.
 */
@AutoConfiguration(after = BitcoinRpcAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ BitcoinRpcClient.class, MeterRegistry.class, MeterBinder.class })
@ConditionalOnSingleCandidate(BitcoinRpcClient.class)
@ConditionalOnBean(MeterRegistry.class)
public final class BitcoinRpcMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BitcoinRpcMetrics bitcoinRpcMetrics(BitcoinRpcClient client) {
		return new BitcoinRpcMetrics(client);
	}

}
