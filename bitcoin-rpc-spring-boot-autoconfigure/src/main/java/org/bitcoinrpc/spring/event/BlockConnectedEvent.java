package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A block joined the main chain ({@code blockconnected}, after {@code notifyblocks}).
 */
public class BlockConnectedEvent extends BitcoinRpcNotificationEvent<Notification.BlockConnected> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public BlockConnectedEvent(BitcoinRpcClient client, Notification.BlockConnected notification) {
		super(client, notification);
	}

}
