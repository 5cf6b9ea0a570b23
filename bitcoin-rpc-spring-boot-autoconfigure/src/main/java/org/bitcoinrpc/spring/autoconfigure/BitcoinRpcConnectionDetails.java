package org.bitcoinrpc.spring.autoconfigure;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Where the node is and how to log in. The auto-configuration provides one built from
 * {@code bitcoin.rpc.*}; define a bean of this type to point the client elsewhere (a test
 * container, a node started by the application itself, a secret store).
 */
public interface BitcoinRpcConnectionDetails extends ConnectionDetails {

	/**
	 * The node's URL: {@code ws://}/{@code wss://} for btcd's websocket, {@code http://}/
	 * {@code https://} for HTTP POST. Never with credentials in it.
	 * @return the URL
	 */
	String getUrl();

	/**
	 * The RPC user, or {@code null} when the node takes a cookie file or no credentials.
	 * @return the user or {@code null}
	 */
	default @Nullable String getUser() {
		return null;
	}

	/**
	 * The RPC password, or {@code null}.
	 * @return the password or {@code null}
	 */
	default @Nullable String getPassword() {
		return null;
	}

	/**
	 * Bitcoin Core's cookie file, used instead of user and password, or {@code null}.
	 * @return the cookie file or {@code null}
	 */
	default @Nullable Path getCookieFile() {
		return null;
	}

	/**
	 * The SSL bundle whose trust material, client key and options the client uses over
	 * {@code wss://} and {@code https://}, or {@code null} for the system's certificate
	 * authorities (or {@code bitcoin.rpc.tls.certificates}, which cannot be combined with a
	 * bundle).
	 * @return the SSL bundle or {@code null}
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}

}
