package org.bitcoinrpc.client;

/**
 * The client's connection state.
 */
public enum ConnectionState {

	/** Not connected; calls fail fast with {@link RpcConnectionException}. */
	DISCONNECTED,

	/** A connection attempt is in progress. */
	CONNECTING,

	/**
	 * The connection was lost (or the first attempt failed) and the client is reconnecting; calls
	 * wait or fail fast according to {@link DisconnectedBehavior}.
	 */
	RECONNECTING,

	/** Connected: calls are sent. In HTTP mode, ready to send (each call opens or reuses a connection). */
	CONNECTED,

	/** {@link BitcoinRpcClient#shutdown()} has begun or finished; the client takes no more calls. */
	SHUT_DOWN

}
