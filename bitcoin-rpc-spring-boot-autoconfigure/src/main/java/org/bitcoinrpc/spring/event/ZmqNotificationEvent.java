package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.zmq.ZmqEvent;

/**
 * A Bitcoin Core ZMQ notification ({@link #event()}): a block announced or retracted, a mempool
 * addition or removal, a raw transaction or block, or a gap in ZMQ's sequence numbers. Block
 * messages are hints, which ZMQ may lose or repeat: for every block exactly once, turn the chain
 * follower on ({@code bitcoin.rpc.follow.*}, or {@code bitcoin.rpc.notifications.blocks=true}),
 * which ZMQ wakes and which publishes {@link BlockConnectedEvent} and {@link BlockDisconnectedEvent}.
 * <p>
 * Listening for this class works without jeromq on the class path: {@link ZmqEvent} has no ZMQ
 * library types.
 */
public class ZmqNotificationEvent extends BitcoinRpcEvent<ZmqEvent> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client the ZMQ subscriber handed the event to
	 * @param event the ZMQ event
	 */
	public ZmqNotificationEvent(BitcoinRpcClient client, ZmqEvent event) {
		super(client, event);
	}

	/**
	 * The ZMQ event.
	 * @return the event record, such as {@link ZmqEvent.MempoolAdded}
	 */
	public ZmqEvent event() {
		return getPayload();
	}

}
