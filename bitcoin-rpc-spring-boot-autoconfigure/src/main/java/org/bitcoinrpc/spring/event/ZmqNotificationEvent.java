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
 * Listen for {@code ZmqNotificationEvent<?>} to receive every ZMQ event, or for one type with
 * {@code BitcoinRpcEvent<ZmqEvent.MempoolAdded>} (or {@code ZmqNotificationEvent<ZmqEvent.MempoolAdded>}).
 * Listening for this class works without jeromq on the class path: {@link ZmqEvent} has no ZMQ
 * library types.
 *
 * @param <Z> the type of the ZMQ event
 */
public class ZmqNotificationEvent<Z extends ZmqEvent> extends BitcoinRpcEvent<Z> {

	private static final long serialVersionUID = 1L;

	/**
	 * An event.
	 * @param client the client the ZMQ subscriber handed the event to
	 * @param event the ZMQ event
	 */
	public ZmqNotificationEvent(BitcoinRpcClient client, Z event) {
		super(client, event);
	}

	/**
	 * The ZMQ event.
	 * @return the event record, such as {@link ZmqEvent.MempoolAdded}
	 */
	public Z event() {
		return getPayload();
	}

}
