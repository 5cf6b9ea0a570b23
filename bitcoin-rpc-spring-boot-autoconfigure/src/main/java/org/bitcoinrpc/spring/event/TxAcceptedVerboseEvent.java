package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A transaction entered the mempool, decoded ({@code txacceptedverbose}).
 */
public class TxAcceptedVerboseEvent extends BitcoinRpcNotificationEvent<Notification.TxAcceptedVerbose> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public TxAcceptedVerboseEvent(BitcoinRpcClient client, Notification.TxAcceptedVerbose notification) {
		super(client, notification);
	}

}
