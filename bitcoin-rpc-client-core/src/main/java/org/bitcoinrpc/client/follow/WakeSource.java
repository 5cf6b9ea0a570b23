package org.bitcoinrpc.client.follow;

/**
 * What tells a {@link ChainFollower} that the node's best chain may have changed. A source only
 * wakes the follower, which then reads the chain over RPC from its cursor: so a source may lose,
 * repeat or reorder its signals without a block being lost or delivered twice, and a source is
 * judged only on how soon it wakes the follower and what it costs the node.
 * <p>
 * The built-in ones: {@link #blockNotifications()} (btcd's websocket {@code notifyblocks}),
 * {@link #waitForNewBlock()} (Bitcoin Core's long-poll over HTTP), and a ZMQ subscriber
 * ({@code org.bitcoinrpc.client.zmq.ZmqSubscriber}). Without any, or when none is listening, the
 * follower polls {@code getbestblockhash} at its poll interval; while one is listening, polling is
 * only a safety net (see {@link ChainFollower.Builder#pollInterval}).
 */
@FunctionalInterface
public interface WakeSource {

	/**
	 * Starts waking {@code follower} ({@link ChainFollower#wake()}, from any thread, as often as
	 * it likes) until the subscription is closed. Called once, by the follower as it starts.
	 * @param follower the follower to wake
	 * @return what the follower tells of its progress, and closes when it stops
	 */
	Subscription subscribe(ChainFollower follower);

	/**
	 * Block notifications over the client's websocket: subscribes with {@code notifyblocks} (the
	 * client subscribes again after each reconnect) and wakes the follower on each block
	 * notification and on every connect and reconnect. The automatic choice over a websocket.
	 */
	static WakeSource blockNotifications() {
		return BlockNotifications::new;
	}

	/**
	 * Bitcoin Core's {@code waitfornewblock}: one call held open at the node that answers as soon
	 * as the tip moves. It holds one of the node's RPC threads ({@code -rpcthreads}) while it
	 * waits. A node without the call (btcd) answers {@code -32601} once, and the follower polls.
	 * The automatic choice over HTTP.
	 */
	static WakeSource waitForNewBlock() {
		return (follower) -> new LongPoll(follower.client(), follower.name(), follower::wake);
	}

	/** A running source, for one follower. */
	interface Subscription extends AutoCloseable {

		/**
		 * The follower has walked to the node's tip: a source that waits for the block after a
		 * given one (a long-poll) may ask for it now. Called on the follower's thread; must not block.
		 * @param tip the block the follower handled last, the node's tip as it saw it
		 */
		default void caughtUp(Cursor tip) {
		}

		/**
		 * Whether the source is now sure to wake the follower when the next block arrives (its
		 * connection is up and subscribed), so that the follower may poll seldom.
		 * @return true while listening
		 */
		default boolean isListening() {
			return false;
		}

		/** Stops waking the follower. Idempotent; never throws. */
		@Override
		void close();

	}

}
