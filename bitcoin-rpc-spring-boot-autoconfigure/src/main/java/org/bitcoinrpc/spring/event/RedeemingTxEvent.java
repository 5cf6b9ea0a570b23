package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A transaction spending a watched outpoint ({@code redeemingtx}).
 */
public class RedeemingTxEvent extends BitcoinRpcNotificationEvent<Notification.RedeemingTx> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public RedeemingTxEvent(BitcoinRpcClient client, Notification.RedeemingTx notification) {
		super(client, notification);
	}

}
