package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A block joined the main chain, with the transactions matching the loaded filter ({@code filteredblockconnected}).
 */
public class FilteredBlockConnectedEvent extends BitcoinRpcNotificationEvent<Notification.FilteredBlockConnected> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public FilteredBlockConnectedEvent(BitcoinRpcClient client, Notification.FilteredBlockConnected notification) {
		super(client, notification);
	}

}
