package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;

/**
 * The client reconnected; its subscriptions are registered again.
 */
public class ReconnectedEvent extends BitcoinRpcConnectionEvent<ConnectionEvent.Reconnected> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client whose connection it is about
	 * @param event the connection event
	 */
	public ReconnectedEvent(BitcoinRpcClient client, ConnectionEvent.Reconnected event) {
		super(client, event);
	}

}
