package org.bitcoinrpc.client;

/**
 * What a call made while the client is reconnecting does.
 */
public enum DisconnectedBehavior {

	/** Waits for the connection (bounded by its timeout) and is sent once the client reconnects. */
	WAIT_FOR_RECONNECT,

	/** Fails at once with an {@link RpcConnectionException}. */
	REJECT

}
