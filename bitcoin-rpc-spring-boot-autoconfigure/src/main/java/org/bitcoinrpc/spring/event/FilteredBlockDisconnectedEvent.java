package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A block left the main chain ({@code filteredblockdisconnected}).
 */
public class FilteredBlockDisconnectedEvent extends BitcoinRpcNotificationEvent<Notification.FilteredBlockDisconnected> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public FilteredBlockDisconnectedEvent(BitcoinRpcClient client, Notification.FilteredBlockDisconnected notification) {
		super(client, notification);
	}

}
