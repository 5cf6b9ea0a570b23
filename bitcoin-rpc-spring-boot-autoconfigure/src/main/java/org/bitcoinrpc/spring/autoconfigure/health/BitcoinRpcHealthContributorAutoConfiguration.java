package org.bitcoinrpc.spring.autoconfigure.health;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcClientLifecycle;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqLifecycle;
import org.bitcoinrpc.spring.health.BitcoinRpcHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link BitcoinRpcHealthIndicator}: the
 * {@code bitcoinRpc} health contributor, with a {@code zmq} detail when ZMQ notifications are
 * configured. Off with {@code management.health.bitcoinrpc.enabled=false}.
 */
@AutoConfiguration(after = { BitcoinRpcAutoConfiguration.class, BitcoinRpcZmqAutoConfiguration.class })
@ConditionalOnClass({ BitcoinRpcClient.class, AbstractHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
public final class BitcoinRpcHealthContributorAutoConfiguration {

	/**
	 * Nested so that the class check above is made before this condition, whose own condition
	 * class lives in spring-boot-health, is even loaded.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(BitcoinRpcClient.class)
	@ConditionalOnEnabledHealthIndicator("bitcoinrpc")
	static class BitcoinRpcHealthIndicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = { "bitcoinRpcHealthIndicator", "bitcoinRpcHealthContributor" })
		BitcoinRpcHealthIndicator bitcoinRpcHealthIndicator(BitcoinRpcClient client,
				ObjectProvider<BitcoinRpcClientLifecycle> lifecycle, ObjectProvider<BitcoinRpcZmqLifecycle> zmqLifecycle) {
			// The lifecycle knows why the client is not connected (an authentication failure, say);
			// a client without our lifecycle is reported by its state alone.
			BitcoinRpcClientLifecycle connectionTracker = lifecycle.getIfUnique();
			BitcoinRpcZmqLifecycle zmq = zmqLifecycle.getIfUnique();
			return new BitcoinRpcHealthIndicator(client,
					() -> (connectionTracker != null) ? connectionTracker.lastConnectionFailure() : null,
					BitcoinRpcHealthIndicator.DEFAULT_TIMEOUT, (zmq != null) ? zmq::stats : null);
		}

	}

}
