package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.jspecify.annotations.Nullable;

/**
 * A block left the main chain in a reorganisation ({@code blockdisconnected}, or from the chain
 * follower).
 */
public class BlockDisconnectedEvent extends BitcoinRpcNotificationEvent<Notification.BlockDisconnected> {

	private static final long serialVersionUID = 1L;

	private final @Nullable BlockWithTransactions block;

	/**
	 * An event without the block's transactions.
	 * @param client the client that received the notification
	 * @param notification the notification
	 */
	public BlockDisconnectedEvent(BitcoinRpcClient client, Notification.BlockDisconnected notification) {
		this(client, notification, null);
	}

	/**
	 * An event with the block, as the chain follower fetched it in its full-block mode.
	 * @param client the client the follower uses
	 * @param notification the notification
	 * @param block the block with its transactions, or {@code null}
	 */
	public BlockDisconnectedEvent(BitcoinRpcClient client, Notification.BlockDisconnected notification,
			@Nullable BlockWithTransactions block) {
		super(client, notification);
		this.block = block;
	}

	/**
	 * The block with its transactions, when the chain follower fetches whole blocks
	 * ({@code bitcoin.rpc.follow.with-transactions}, a {@code FullBlockHandler} bean, or a
	 * {@code @BlockListener} method taking the block): the block to undo.
	 * @return the block, or {@code null} when the follower does not fetch whole blocks, the event
	 * is the client's own notification, or the node cannot give the block (Core with pruned data)
	 */
	public @Nullable BlockWithTransactions getBlock() {
		return this.block;
	}

}
