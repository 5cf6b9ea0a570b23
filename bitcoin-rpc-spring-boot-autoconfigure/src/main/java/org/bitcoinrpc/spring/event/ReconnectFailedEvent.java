package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;

/**
 * A reconnect attempt failed; another follows unless the client is shut down.
 */
public class ReconnectFailedEvent extends BitcoinRpcConnectionEvent<ConnectionEvent.ReconnectFailed> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client whose connection it is about
	 * @param event the connection event
	 */
	public ReconnectFailedEvent(BitcoinRpcClient client, ConnectionEvent.ReconnectFailed event) {
		super(client, event);
	}

}
