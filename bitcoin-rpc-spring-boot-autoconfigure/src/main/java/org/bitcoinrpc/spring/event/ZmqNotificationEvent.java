package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;

/**
 * A Bitcoin Core ZMQ fact with no btcd counterpart: a mempool add or removal, a raw transaction
 * or block, or a gap in ZMQ's sequence numbers ({@code notification().event()}). Blocks from ZMQ
 * arrive as {@link BlockConnectedEvent} and {@link BlockDisconnectedEvent}.
 */
public class ZmqNotificationEvent extends BitcoinRpcNotificationEvent<Notification.Zmq> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public ZmqNotificationEvent(BitcoinRpcClient client, Notification.Zmq notification) {
		super(client, notification);
	}

}
