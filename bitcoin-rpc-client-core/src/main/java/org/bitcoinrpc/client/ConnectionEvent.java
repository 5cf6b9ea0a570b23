package org.bitcoinrpc.client;

import java.time.Duration;

/**
 * What happened to the connection to the node.
 */
public sealed interface ConnectionEvent extends BitcoinEvent {

	/** The first connection is open. */
	record Connected(String url) implements ConnectionEvent {
	}

	/** The connection is gone; {@code cause} says why (no credentials in it). */
	record Disconnected(String url, String cause) implements ConnectionEvent {
	}

	/** The client will try to reconnect after {@code delay}; {@code attempt} counts from 1. */
	record Reconnecting(String url, int attempt, Duration delay) implements ConnectionEvent {
	}

	/** Reconnected after {@code attempts} attempts; subscriptions are registered again. */
	record Reconnected(String url, int attempts) implements ConnectionEvent {
	}

	/** A reconnect attempt failed; another follows unless the client is shut down. */
	record ReconnectFailed(String url, int attempt, String cause) implements ConnectionEvent {
	}

}
