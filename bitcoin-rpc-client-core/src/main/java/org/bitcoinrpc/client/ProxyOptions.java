package org.bitcoinrpc.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A SOCKS5 proxy for one client, for example Tor. The node's host name is handed to the proxy
 * unresolved, so a {@code .onion} name, or any name, is never looked up locally.
 * <p>
 * With a user name and password the proxy is asked for username/password authentication only;
 * Tor uses distinct credentials to isolate circuits per client.
 *
 * @param host the proxy's host
 * @param port the proxy's port, 1 to 65535
 * @param user the user name, or {@code null} for no authentication
 * @param password the password, or {@code null} for no authentication
 */
public record ProxyOptions(String host, int port, @Nullable String user, @Nullable String password) {

	public ProxyOptions {
		Objects.requireNonNull(host, "proxy host must not be null");
		if (host.isBlank()) {
			throw new IllegalArgumentException("proxy host must not be blank");
		}
		if (host.indexOf('@') >= 0) {
			// The host would be printed by toString and in connection errors: never echo it here.
			throw new IllegalArgumentException(
					"proxy host must be a host name or address without user info; set the proxy user and password instead");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("proxy port must be between 1 and 65535, was " + port);
		}
		if ((user == null) != (password == null)) {
			throw new IllegalArgumentException("proxy user and password must be given together");
		}
	}

	/** A SOCKS5 proxy without authentication. */
	public static ProxyOptions socks5(String host, int port) {
		return new ProxyOptions(host, port, null, null);
	}

	/** The same proxy with username/password authentication. */
	public ProxyOptions withCredentials(String user, String password) {
		return new ProxyOptions(this.host, this.port, Objects.requireNonNull(user, "proxy user must not be null"),
				Objects.requireNonNull(password, "proxy password must not be null"));
	}

	/** Whether the proxy is given a user name and password. */
	public boolean hasCredentials() {
		return this.user != null;
	}

	@Override
	public String toString() {
		return "ProxyOptions[socks5://" + this.host + ":" + this.port + (hasCredentials() ? ", user=" + this.user + ", password=******" : "") + "]";
	}

}
