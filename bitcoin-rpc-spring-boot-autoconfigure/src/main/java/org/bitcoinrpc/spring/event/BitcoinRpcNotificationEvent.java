package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A notification the node pushed (btcd's websocket), as an application event. Listen for this
 * type to receive every notification, or for a subclass such as {@link BlockConnectedEvent}.
 *
 * @param <N> the type of the notification
 */
public abstract class BitcoinRpcNotificationEvent<N extends Notification> extends BitcoinRpcEvent<N> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	protected BitcoinRpcNotificationEvent(BitcoinRpcClient client, N notification) {
		super(client, notification);
	}

	/**
	 * The notification.
	 * @return the notification record
	 */
	public N notification() {
		return getPayload();
	}

	/**
	 * The application event for a notification.
	 * @param client the client
	 * @param notification the notification
	 * @return the matching subclass of this class
	 */
	public static BitcoinRpcNotificationEvent<?> of(BitcoinRpcClient client, Notification notification) {
		if (notification instanceof Notification.BlockConnected value) {
			return new BlockConnectedEvent(client, value);
		}
		if (notification instanceof Notification.BlockDisconnected value) {
			return new BlockDisconnectedEvent(client, value);
		}
		if (notification instanceof Notification.FilteredBlockConnected value) {
			return new FilteredBlockConnectedEvent(client, value);
		}
		if (notification instanceof Notification.FilteredBlockDisconnected value) {
			return new FilteredBlockDisconnectedEvent(client, value);
		}
		if (notification instanceof Notification.TxAccepted value) {
			return new TxAcceptedEvent(client, value);
		}
		if (notification instanceof Notification.TxAcceptedVerbose value) {
			return new TxAcceptedVerboseEvent(client, value);
		}
		if (notification instanceof Notification.RelevantTxAccepted value) {
			return new RelevantTxAcceptedEvent(client, value);
		}
		if (notification instanceof Notification.RecvTx value) {
			return new RecvTxEvent(client, value);
		}
		if (notification instanceof Notification.RedeemingTx value) {
			return new RedeemingTxEvent(client, value);
		}
		if (notification instanceof Notification.RescanProgress value) {
			return new RescanProgressEvent(client, value);
		}
		if (notification instanceof Notification.RescanFinished value) {
			return new RescanFinishedEvent(client, value);
		}
		if (notification instanceof Notification.Unknown value) {
			return new UnknownNotificationEvent(client, value);
		}
		throw new IllegalArgumentException("Unknown notification type " + notification.getClass().getName());
	}

}
