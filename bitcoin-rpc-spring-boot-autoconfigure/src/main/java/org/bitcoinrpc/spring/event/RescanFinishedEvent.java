package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A rescan finished ({@code rescanfinished}).
 */
public class RescanFinishedEvent extends BitcoinRpcNotificationEvent<Notification.RescanFinished> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public RescanFinishedEvent(BitcoinRpcClient client, Notification.RescanFinished notification) {
		super(client, notification);
	}

}
