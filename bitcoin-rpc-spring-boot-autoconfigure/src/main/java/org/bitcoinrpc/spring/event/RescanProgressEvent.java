package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * Progress of a rescan ({@code rescanprogress}).
 */
public class RescanProgressEvent extends BitcoinRpcNotificationEvent<Notification.RescanProgress> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public RescanProgressEvent(BitcoinRpcClient client, Notification.RescanProgress notification) {
		super(client, notification);
	}

}
