package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;

/**
 * The client will try to reconnect after a delay.
 */
public class ReconnectingEvent extends BitcoinRpcConnectionEvent<ConnectionEvent.Reconnecting> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client whose connection it is about
	 * @param event the connection event
	 */
	public ReconnectingEvent(BitcoinRpcClient client, ConnectionEvent.Reconnecting event) {
		super(client, event);
	}

}
