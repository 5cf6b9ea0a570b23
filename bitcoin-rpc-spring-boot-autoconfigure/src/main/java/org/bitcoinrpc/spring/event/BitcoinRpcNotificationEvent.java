package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A notification the node pushed (btcd's websocket), as an application event. Listen for
 * {@code BitcoinRpcNotificationEvent<?>} to receive every notification, for
 * {@code BitcoinRpcEvent<Notification.RescanFinished>} (or {@code BitcoinRpcNotificationEvent<...>})
 * to receive one type, or for a named subclass such as {@link BlockConnectedEvent}. A notification
 * without a named subclass is published as this class, typed by its record
 * ({@link #getResolvableType()}), including notifications the client learns later.
 *
 * @param <N> the type of the notification
 */
public class BitcoinRpcNotificationEvent<N extends Notification> extends BitcoinRpcEvent<N> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public BitcoinRpcNotificationEvent(BitcoinRpcClient client, N notification) {
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
	 * The application event for a notification: its named class ({@link BlockConnectedEvent},
	 * {@link BlockDisconnectedEvent}, {@link TxAcceptedEvent}) or this class.
	 * @param client the client
	 * @param notification the notification
	 * @return the application event
	 */
	public static BitcoinRpcNotificationEvent<?> of(BitcoinRpcClient client, Notification notification) {
		return (BitcoinRpcNotificationEvent<?>) BitcoinRpcEvent.of(client, notification);
	}

}
