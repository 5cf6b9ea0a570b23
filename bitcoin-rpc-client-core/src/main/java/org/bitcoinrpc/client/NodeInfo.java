package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * Which node the client talks to, learned once per connection ({@link BitcoinRpcClient#nodeInfo()}).
 *
 * @param kind btcd or Bitcoin Core
 * @param version the node's version, e.g. {@code 0.24.2} or {@code 31.0.0}
 * @param numericVersion the version number the node reports ({@code 240200}, {@code 310000})
 * @param userAgent Core's {@code subversion} (e.g. {@code /Satoshi:31.0.0/}); {@code null} for btcd
 */
public record NodeInfo(Kind kind, String version, long numericVersion, @Nullable String userAgent) {

	/** The node implementations the client knows. */
	public enum Kind {

		/** btcd: websocket and HTTP, notifications over the websocket, no wallet. */
		BTCD,

		/** Bitcoin Core: HTTP only, wallets at {@code /wallet/<name>}, notifications over ZMQ. */
		BITCOIN_CORE

	}

	/** Whether the node is Bitcoin Core at least {@code major.minor}. */
	public boolean isCoreAtLeast(int major, int minor) {
		return this.kind == Kind.BITCOIN_CORE && this.numericVersion >= major * 10_000L + minor * 100L;
	}

}
