package org.bitcoinrpc.client;

/**
 * Everything a {@link BitcoinEventListener} is told, in one ordered stream: what the node pushed
 * ({@link Notification}), what happened to the connection ({@link ConnectionEvent}), and what other
 * sources hand the client with {@link BitcoinRpcClient#dispatchEvent} (Bitcoin Core's ZMQ
 * notifications, {@code org.bitcoinrpc.client.zmq.ZmqEvent}). Open, so that a source can bring
 * its own events without this package knowing it.
 */
public interface BitcoinEvent {

	/**
	 * Whether listeners must get this event even when they fall behind: the client queues it past
	 * its bound rather than drop it. True for block events, whatever their source, and for reports
	 * of missed blocks: they are rare, and a listener that follows the chain needs every one. The
	 * event says so itself, so that the client's queue knows no source. False by default.
	 * @return whether the event is never dropped
	 */
	default boolean mustBeDelivered() {
		return false;
	}

}
