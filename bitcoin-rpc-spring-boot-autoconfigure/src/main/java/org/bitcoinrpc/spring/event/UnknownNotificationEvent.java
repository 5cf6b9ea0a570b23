package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A notification the client does not know, with its raw params.
 */
public class UnknownNotificationEvent extends BitcoinRpcNotificationEvent<Notification.Unknown> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public UnknownNotificationEvent(BitcoinRpcClient client, Notification.Unknown notification) {
		super(client, notification);
	}

}
