package org.bitcoinrpc.spring.autoconfigure;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Adapts {@link BitcoinRpcProperties} to {@link BitcoinRpcConnectionDetails}.
 */
class PropertiesBitcoinRpcConnectionDetails implements BitcoinRpcConnectionDetails {

	private final BitcoinRpcProperties properties;

	PropertiesBitcoinRpcConnectionDetails(BitcoinRpcProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getUrl() {
		String url = this.properties.getUrl();
		if (!StringUtils.hasText(url)) {
			throw new InvalidConfigurationPropertyValueException("bitcoin.rpc.url", url,
					"The node's URL must be set, for example wss://127.0.0.1:8334/ws for btcd or"
							+ " http://127.0.0.1:8332/ for Bitcoin Core");
		}
		return url;
	}

	@Override
	public @Nullable String getUser() {
		return this.properties.getUser();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public @Nullable Path getCookieFile() {
		return this.properties.getCookieFile();
	}

	@Override
	public String toString() {
		// Never the password: this object may end up in a log or a debugger's view.
		return "PropertiesBitcoinRpcConnectionDetails[url=" + this.properties.getUrl() + "]";
	}

}
