package org.bitcoinrpc.spring.autoconfigure.health;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code bitcoinRpc} health indicator ({@code management.health.bitcoinrpc.*}),
 * next to Spring Boot's own indicators' settings, such as {@code management.health.diskspace.*}.
 */
@ConfigurationProperties("management.health.bitcoinrpc")
public class BitcoinRpcHealthIndicatorProperties {

	/**
	 * How the chain follower counts in the health.
	 */
	private final Follow follow = new Follow();

	public Follow getFollow() {
		return this.follow;
	}

	/**
	 * How the chain follower counts in the health.
	 */
	public static class Follow {

		/**
		 * Most blocks the active chain follower may be behind the node's best block before the
		 * health is DOWN ('follower lagging'). Unset: the lag never makes it DOWN.
		 */
		private @Nullable Long maxLag;

		public @Nullable Long getMaxLag() {
			return this.maxLag;
		}

		public void setMaxLag(@Nullable Long maxLag) {
			this.maxLag = maxLag;
		}

	}

}
