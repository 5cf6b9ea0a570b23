package org.bitcoinrpc.spring.event;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.FollowerEvent;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Publishes what a {@link ChainFollower} delivers as application events: each change of the best
 * chain as a {@link BlockConnectedEvent} or {@link BlockDisconnectedEvent}, gap-free and once
 * each, and the follower's own {@link FollowerEvent}s as {@link PayloadApplicationEvent}s (so
 * {@code @EventListener void on(FollowerEvent.CaughtUp event)} receives them).
 * <p>
 * Both are published on the follower's thread, one at a time. A block event is published as part
 * of the block's handling: a listener that throws fails the handling, and the follower offers the
 * same block again (or stops, or skips it) as its failure policy says, before any later block.
 * <p>
 * While such a publisher is in the context, the client's {@link BitcoinRpcEventPublisher} leaves
 * out the client's own block notifications, which would repeat these.
 */
public class ChainFollowerEventPublisher {

	private final BitcoinRpcClient client;

	private final ApplicationEventPublisher publisher;

	/**
	 * A publisher.
	 * @param client the client the follower uses (the block events' source)
	 * @param publisher where to publish, usually the application context
	 */
	public ChainFollowerEventPublisher(BitcoinRpcClient client, ApplicationEventPublisher publisher) {
		this.client = client;
		this.publisher = publisher;
	}

	/**
	 * Publishes a change of the best chain, without its block; a listener's exception propagates
	 * to the caller.
	 * @param change the change the follower delivered
	 */
	public void publishBlockChange(Notification.BlockChange change) {
		publishBlockChange(change, null);
	}

	/**
	 * Publishes a change of the best chain with the block the follower fetched in its full-block
	 * mode ({@code getBlock()} of the event); a listener's exception propagates to the caller.
	 * @param change the change the follower delivered
	 * @param block the block with its transactions, or {@code null} outside the full-block mode or
	 * for a disconnected block the node cannot give (pruned)
	 */
	public void publishBlockChange(Notification.BlockChange change, @Nullable BlockWithTransactions block) {
		if (change instanceof Notification.BlockConnected connected) {
			this.publisher.publishEvent(new BlockConnectedEvent(this.client, connected, block));
		}
		else {
			this.publisher.publishEvent(
					new BlockDisconnectedEvent(this.client, (Notification.BlockDisconnected) change, block));
		}
	}

	/**
	 * Publishes a follower event as a {@link PayloadApplicationEvent}.
	 * @param event the follower's event
	 */
	public void publishFollowerEvent(FollowerEvent event) {
		this.publisher.publishEvent(event);
	}

}
