package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A block left the main chain in a reorganisation ({@code blockdisconnected}).
 */
public class BlockDisconnectedEvent extends BitcoinRpcNotificationEvent<Notification.BlockDisconnected> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public BlockDisconnectedEvent(BitcoinRpcClient client, Notification.BlockDisconnected notification) {
		super(client, notification);
	}

}
