package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A mempool transaction matching the loaded filter ({@code relevanttxaccepted}).
 */
public class RelevantTxAcceptedEvent extends BitcoinRpcNotificationEvent<Notification.RelevantTxAccepted> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public RelevantTxAcceptedEvent(BitcoinRpcClient client, Notification.RelevantTxAccepted notification) {
		super(client, notification);
	}

}
