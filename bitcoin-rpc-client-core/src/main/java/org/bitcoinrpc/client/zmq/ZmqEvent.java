package org.bitcoinrpc.client.zmq;

import org.bitcoinrpc.client.BitcoinEvent;

/**
 * What a {@link ZmqSubscriber} reports: one event per message Bitcoin Core published, and the
 * messages it lost ({@link NotificationGap}). These are the client's events too: hand them to
 * {@link org.bitcoinrpc.client.BitcoinRpcClient#dispatchEvent} and they reach its listeners in
 * order with the rest.
 * <p>
 * ZMQ promises nothing: a message may be lost (a full queue, a reconnect), and after a reconnect
 * the subscriber does not know what it missed. So block messages are hints
 * ({@link BlockAnnounced}, {@link BlockRetracted}), never the chain itself: to get every block
 * exactly once, in order, with reorgs unwound, run a {@link org.bitcoinrpc.client.follow.ChainFollower}
 * woken by the subscriber ({@code .wakeSources(subscriber)}), which reads the chain over RPC.
 * <p>
 * Deliberately free of ZMQ library types, so the records can travel anywhere without jeromq.
 */
public sealed interface ZmqEvent extends BitcoinEvent {

	/** The topic the event came from. */
	ZmqTopic topic();

	/**
	 * Block announcements and retractions, and gaps on the topics that carry only blocks
	 * ({@code hashblock}, {@code rawblock}), which hide a block: never dropped by the client's queue,
	 * like every block event; they are rare. Mempool and transaction events may be dropped, and so
	 * may a gap on {@code sequence}: under a mempool flood those come as often as the messages
	 * themselves (the followers do not need the event: the subscriber wakes them directly).
	 */
	@Override
	default boolean mustBeDelivered() {
		if (this instanceof NotificationGap gap) {
			return gap.topic() == ZmqTopic.HASHBLOCK || gap.topic() == ZmqTopic.RAWBLOCK;
		}
		return this instanceof BlockAnnounced || this instanceof BlockRetracted;
	}

	/**
	 * Core announced a new tip: a {@code sequence} message labelled {@code C}, or a
	 * {@code hashblock} message. A hint only: such messages may be lost, repeated, or arrive after
	 * the block has left the best chain, and neither gives the height. A
	 * {@link org.bitcoinrpc.client.follow.ChainFollower} woken by the subscriber is what gives every
	 * block exactly once, in order.
	 *
	 * @param topic {@link ZmqTopic#SEQUENCE} or {@link ZmqTopic#HASHBLOCK}
	 * @param blockHash the block hash, RPC order
	 */
	record BlockAnnounced(ZmqTopic topic, String blockHash) implements ZmqEvent {
	}

	/**
	 * Core disconnected a block from the tip (a reorg, {@code invalidateblock}): a {@code sequence}
	 * message labelled {@code D}. A hint only, as {@link BlockAnnounced}: it may be lost or
	 * repeated, and {@code hashblock} has no such message at all. A
	 * {@link org.bitcoinrpc.client.follow.ChainFollower} woken by the subscriber unwinds every
	 * block that left the chain, exactly once.
	 *
	 * @param blockHash the block hash, RPC order
	 */
	record BlockRetracted(String blockHash) implements ZmqEvent {

		@Override
		public ZmqTopic topic() {
			return ZmqTopic.SEQUENCE;
		}

	}

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
	 * 2^32) never arrived. Nothing is recovered by the subscriber: on the block topic it wakes its
	 * followers, which find lost blocks over RPC; a listener that mirrors the mempool should
	 * resynchronise ({@code getrawmempool [false, true]}).
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
	 * A {@code rawblock} message: a new tip, serialized. A hint as {@link BlockAnnounced} is: it
	 * never wakes a follower (only the block topic, {@link ZmqOptions#blockTopic()}, does).
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

}
