package org.bitcoinrpc.client.zmq;

/**
 * What the ZMQ subscriber reports besides block connects and disconnects (which it delivers as the
 * client's own {@link org.bitcoinrpc.client.Notification.BlockConnected} and
 * {@link org.bitcoinrpc.client.Notification.BlockDisconnected}). These facts have no counterpart in
 * btcd's websocket notifications, so they are not {@code Notification}s.
 * <p>
 * Deliberately free of ZMQ library types, so the records can travel anywhere without jeromq.
 */
public sealed interface ZmqEvent {

	/**
	 * Whether this event reports lost or abandoned blocks, which must reach the listeners even when
	 * they fall behind: a gap on a block topic, or a catch-up given up. The client's event queue
	 * asks the event, so that it need not know ZMQ.
	 */
	default boolean reportsMissedBlocks() {
		return this instanceof CatchUpAbandoned || (this instanceof NotificationGap gap
				&& (gap.topic() == ZmqTopic.HASHBLOCK || gap.topic() == ZmqTopic.RAWBLOCK));
	}


	/** The topic the event came from. */
	ZmqTopic topic();

	/**
	 * A transaction entered the mempool ({@code sequence} label {@code A}). Core gives no amount, so
	 * unlike btcd's {@code txaccepted} there is none here.
	 *
	 * @param txid the txid, RPC order
	 * @param mempoolSequence the mempool sequence number Core gave this change. {@code getrawmempool
	 * [false, true]} reports as {@code mempool_sequence} the number the next change will get, so a
	 * snapshot with {@code mempool_sequence} N already reflects every event numbered below N
	 * (recorded: {@code A} with 5, then {@code mempool_sequence} 6)
	 */
	record MempoolAdded(String txid, long mempoolSequence) implements ZmqEvent {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.SEQUENCE;
		}

	}

	/**
	 * A transaction left the mempool other than by being mined: replaced, evicted, expired or
	 * conflicted ({@code sequence} label {@code R}). A mined transaction produces no such event.
	 *
	 * @param txid the txid, RPC order
	 * @param mempoolSequence the mempool sequence number Core gave this change (see {@link MempoolAdded})
	 */
	record MempoolRemoved(String txid, long mempoolSequence) implements ZmqEvent {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.SEQUENCE;
		}

	}

	/**
	 * Messages were lost on a topic: its sequence numbers jumped from {@code expectedSeq} to
	 * {@code receivedSeq}, so the messages {@code expectedSeq} to {@code receivedSeq - 1} (modulo
	 * 2^32) never arrived. Lost blocks are recovered over RPC; lost mempool or transaction messages
	 * are not, and a listener that mirrors the mempool should resynchronise
	 * ({@code getrawmempool [false, true]}).
	 *
	 * @param topic the topic that lost messages
	 * @param expectedSeq the first missing sequence number
	 * @param receivedSeq the sequence number that arrived instead
	 */
	record NotificationGap(ZmqTopic topic, long expectedSeq, long receivedSeq) implements ZmqEvent {

		/** How many messages were lost. */
		public long missed() {
			return (this.receivedSeq - this.expectedSeq) & 0xFFFF_FFFFL;
		}

	}

	/**
	 * A {@code rawtx} message: a transaction entered the mempool or was in a connected or
	 * disconnected block (Core does not say which).
	 *
	 * @param txid the txid (without witness), RPC order
	 * @param hex the serialized transaction with witness, as sent
	 */
	record RawTransaction(String txid, String hex) implements ZmqEvent {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.RAWTX;
		}

	}

	/**
	 * A {@code hashtx} message: a transaction entered the mempool or was in a connected or
	 * disconnected block.
	 *
	 * @param txid the txid, RPC order
	 */
	record TransactionAnnounced(String txid) implements ZmqEvent {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.HASHTX;
		}

	}

	/**
	 * A {@code rawblock} message: a new tip, serialized. Connects are reported separately as
	 * {@code BlockConnected} when {@code sequence} or {@code hashblock} is subscribed.
	 *
	 * @param blockHash the block hash, RPC order
	 * @param hex the serialized block
	 */
	record RawBlock(String blockHash, String hex) implements ZmqEvent {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.RAWBLOCK;
		}

	}

	/**
	 * Catch-up gave up: the node's tip was more than {@link ZmqOptions#maxCatchUpBlocks()} blocks
	 * away from the last block delivered, so the subscriber started again from the node's tip
	 * without delivering the blocks in between. A listener that needs them should re-read the chain
	 * from {@code fromHash}.
	 *
	 * @param topic the topic blocks come from ({@code sequence} or {@code hashblock})
	 * @param fromHash the last block delivered before
	 * @param fromHeight its height
	 * @param toHash the node's tip, the new starting point
	 * @param toHeight its height
	 */
	record CatchUpAbandoned(ZmqTopic topic, String fromHash, long fromHeight, String toHash, long toHeight)
			implements ZmqEvent {
	}

}
