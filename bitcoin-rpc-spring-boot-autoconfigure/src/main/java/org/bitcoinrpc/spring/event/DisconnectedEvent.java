package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;

/**
 * The connection to the node was lost or closed.
 */
public class DisconnectedEvent extends BitcoinRpcConnectionEvent<ConnectionEvent.Disconnected> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client whose connection it is about
	 * @param event the connection event
	 */
	public DisconnectedEvent(BitcoinRpcClient client, ConnectionEvent.Disconnected event) {
		super(client, event);
	}

}
