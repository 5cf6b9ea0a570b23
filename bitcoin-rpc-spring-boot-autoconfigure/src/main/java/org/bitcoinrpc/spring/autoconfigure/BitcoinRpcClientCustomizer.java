package org.bitcoinrpc.spring.autoconfigure;

import org.bitcoinrpc.client.ClientOptions;

/**
 * Callback to change the auto-configured client's {@link ClientOptions} before the client is
 * created, for options that have no property (resend policy, disconnected behaviour, buffer
 * sizes...). Customizers run after the properties are applied, in
 * {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface BitcoinRpcClientCustomizer {

	/**
	 * Customize the options.
	 * @param builder the builder, with the properties already applied
	 */
	void customize(ClientOptions.Builder builder);

}
