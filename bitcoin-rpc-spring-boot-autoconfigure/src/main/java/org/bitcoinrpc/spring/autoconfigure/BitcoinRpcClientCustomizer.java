package org.bitcoinrpc.spring.autoconfigure;

import org.bitcoinrpc.client.ClientOptions;

/**
 * Callback to change the auto-configured client's {@link ClientOptions} before the client is
 * created, for what a property cannot express: a {@link org.bitcoinrpc.client.Delay} or a
 * {@link org.bitcoinrpc.client.ResendPolicy} of one's own, PEM certificates held in memory, a
 * {@link org.bitcoinrpc.client.ProxyOptions} built in code. Customizers run after the properties
 * are applied, in {@link org.springframework.core.Ordered order}, and may override any of them.
 * For example a bean returning
 * {@code (builder) -> builder.reconnectDelay((attempt) -> Duration.ofSeconds(attempt * attempt))}.
 */
@FunctionalInterface
public interface BitcoinRpcClientCustomizer {

	/**
	 * Customize the options.
	 * @param builder the builder, with the properties already applied
	 */
	void customize(ClientOptions.Builder builder);

}
