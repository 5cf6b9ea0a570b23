package org.bitcoinrpc.spring.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcClientCustomizer;
import org.bitcoinrpc.spring.observation.BitcoinRpcObservationConvention;
import org.bitcoinrpc.spring.observation.ObservationCallTracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that makes every call of the auto-configured
 * client a Micrometer observation, as Spring Boot's {@code LettuceObservationAutoConfiguration}
 * does for Redis: it runs before {@link BitcoinRpcAutoConfiguration} and contributes a
 * {@link BitcoinRpcClientCustomizer} that sets an {@link ObservationCallTracer} on the client's
 * options. With tracing on, each call is a span; with metrics, its timer is
 * {@code bitcoin.rpc.requests}, which the metrics then no longer record themselves. Active when
 * micrometer-observation is on the class path and there is an {@link ObservationRegistry} bean; a
 * {@link BitcoinRpcObservationConvention} bean replaces the default convention.
 */
@AutoConfiguration(before = BitcoinRpcAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ BitcoinRpcClient.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class BitcoinRpcObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationCallTracer bitcoinRpcObservationCallTracer(ObservationRegistry observationRegistry,
			ObjectProvider<BitcoinRpcObservationConvention> convention) {
		return new ObservationCallTracer(observationRegistry, convention.getIfUnique());
	}

	@Bean
	BitcoinRpcClientCustomizer bitcoinRpcObservationCustomizer(ObservationCallTracer callTracer) {
		return (builder) -> builder.callTracer(callTracer);
	}

}
