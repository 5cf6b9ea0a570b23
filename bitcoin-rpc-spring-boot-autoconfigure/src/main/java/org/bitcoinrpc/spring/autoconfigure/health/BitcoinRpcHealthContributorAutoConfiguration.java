package org.bitcoinrpc.spring.autoconfigure.health;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcClientLifecycle;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowLifecycle;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqLifecycle;
import org.bitcoinrpc.spring.health.BitcoinRpcFollowHealth;
import org.bitcoinrpc.spring.health.BitcoinRpcHealthIndicator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link BitcoinRpcHealthIndicator}: the
 * {@code bitcoinRpc} health contributor, with a {@code zmq} detail when ZMQ notifications are
 * configured and a {@code follow} detail when the chain follower is on
 * ({@code management.health.bitcoinrpc.follow.max-lag} sets how far behind it may be). Off with
 * {@code management.health.bitcoinrpc.enabled=false}.
 */
@AutoConfiguration(after = { BitcoinRpcAutoConfiguration.class, BitcoinRpcZmqAutoConfiguration.class,
		BitcoinRpcFollowAutoConfiguration.class })
@ConditionalOnClass({ BitcoinRpcClient.class, AbstractHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
public final class BitcoinRpcHealthContributorAutoConfiguration {

	/**
	 * Nested so that the class check above is made before this condition, whose own condition
	 * class lives in spring-boot-health, is even loaded.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(BitcoinRpcClient.class)
	@ConditionalOnEnabledHealthIndicator("bitcoinrpc")
	@EnableConfigurationProperties(BitcoinRpcHealthIndicatorProperties.class)
	static class BitcoinRpcHealthIndicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = { "bitcoinRpcHealthIndicator", "bitcoinRpcHealthContributor" })
		BitcoinRpcHealthIndicator bitcoinRpcHealthIndicator(BitcoinRpcClient client,
				ObjectProvider<BitcoinRpcClientLifecycle> lifecycle, ObjectProvider<BitcoinRpcZmqLifecycle> zmqLifecycle,
				ObjectProvider<BitcoinRpcFollowLifecycle> followLifecycle, ObjectProvider<BitcoinRpcProperties> properties,
				BitcoinRpcHealthIndicatorProperties healthProperties) {
			// The lifecycle knows why the client is not connected (an authentication failure, say);
			// a client without our lifecycle is reported by its state alone.
			BitcoinRpcClientLifecycle connectionTracker = lifecycle.getIfUnique();
			BitcoinRpcZmqLifecycle zmq = zmqLifecycle.getIfUnique();
			return new BitcoinRpcHealthIndicator(client,
					() -> (connectionTracker != null) ? connectionTracker.lastConnectionFailure() : null,
					BitcoinRpcHealthIndicator.DEFAULT_TIMEOUT, (zmq != null) ? zmq::stats : null,
					followHealth(followLifecycle.getIfUnique(), properties.getIfUnique(), healthProperties));
		}

		private static @Nullable BitcoinRpcFollowHealth followHealth(@Nullable BitcoinRpcFollowLifecycle lifecycle,
				@Nullable BitcoinRpcProperties properties, BitcoinRpcHealthIndicatorProperties healthProperties) {
			if (lifecycle == null) {
				return null;
			}
			Long maxLag = healthProperties.getFollow().getMaxLag();
			if (maxLag != null && maxLag < 0) {
				throw new InvalidConfigurationPropertyValueException("management.health.bitcoinrpc.follow.max-lag",
						maxLag, "Must be 0 or more blocks (leave it unset for no limit)");
			}
			String name = (properties != null) ? properties.getFollow().getName().trim()
					: ChainFollower.DEFAULT_NAME;
			// The lifecycle builds a new follower at each start: the indicator asks it at each check.
			return new BitcoinRpcFollowHealth(name, lifecycle::follower, maxLag);
		}

	}

}
