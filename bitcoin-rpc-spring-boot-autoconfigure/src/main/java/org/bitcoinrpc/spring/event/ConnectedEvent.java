package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;

/**
 * The client's first connection to the node is open.
 */
public class ConnectedEvent extends BitcoinRpcConnectionEvent<ConnectionEvent.Connected> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client whose connection it is about
	 * @param event the connection event
	 */
	public ConnectedEvent(BitcoinRpcClient client, ConnectionEvent.Connected event) {
		super(client, event);
	}

}
