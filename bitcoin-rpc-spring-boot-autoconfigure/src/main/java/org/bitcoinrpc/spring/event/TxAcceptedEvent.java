package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A transaction entered the mempool: id and amount ({@code txaccepted}).
 */
public class TxAcceptedEvent extends BitcoinRpcNotificationEvent<Notification.TxAccepted> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public TxAcceptedEvent(BitcoinRpcClient client, Notification.TxAccepted notification) {
		super(client, notification);
	}

}
