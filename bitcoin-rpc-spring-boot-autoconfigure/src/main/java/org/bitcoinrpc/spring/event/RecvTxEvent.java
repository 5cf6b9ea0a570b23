package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A transaction paying a watched address ({@code recvtx}).
 */
public class RecvTxEvent extends BitcoinRpcNotificationEvent<Notification.RecvTx> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public RecvTxEvent(BitcoinRpcClient client, Notification.RecvTx notification) {
		super(client, notification);
	}

}
