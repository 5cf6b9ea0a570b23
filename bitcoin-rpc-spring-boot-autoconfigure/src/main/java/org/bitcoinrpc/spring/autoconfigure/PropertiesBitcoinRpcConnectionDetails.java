package org.bitcoinrpc.spring.autoconfigure;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * Adapts {@link BitcoinRpcProperties} to {@link BitcoinRpcConnectionDetails}.
 */
class PropertiesBitcoinRpcConnectionDetails implements BitcoinRpcConnectionDetails {

	private final BitcoinRpcProperties properties;

	private final @Nullable SslBundles sslBundles;

	PropertiesBitcoinRpcConnectionDetails(BitcoinRpcProperties properties, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
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

	/**
	 * The bundle {@code bitcoin.rpc.ssl.bundle} names, as Boot's own modules resolve theirs
	 * ({@code spring.data.redis.ssl.bundle}), but failing with the property's name and the
	 * bundles there are rather than with a bare {@link NoSuchSslBundleException}.
	 */
	@Override
	public @Nullable SslBundle getSslBundle() {
		String name = this.properties.getSsl().getBundle();
		if (!StringUtils.hasText(name)) {
			return null;
		}
		if (this.sslBundles == null) {
			throw new InvalidConfigurationPropertyValueException("bitcoin.rpc.ssl.bundle", name,
					"There is no SslBundles bean to look the bundle up in (Spring Boot's SslAutoConfiguration is off)");
		}
		try {
			return this.sslBundles.getBundle(name.trim());
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException("bitcoin.rpc.ssl.bundle", name,
					"No SSL bundle of that name; define it under spring.ssl.bundle.pem." + name.trim()
							+ " or spring.ssl.bundle.jks." + name.trim() + " (bundles defined: "
							+ this.sslBundles.getBundleNames() + ")");
		}
	}

	@Override
	public String toString() {
		// Never the password: this object may end up in a log or a debugger's view.
		return "PropertiesBitcoinRpcConnectionDetails[url=" + this.properties.getUrl() + "]";
	}

}
