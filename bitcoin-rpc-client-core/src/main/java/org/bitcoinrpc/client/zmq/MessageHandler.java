package org.bitcoinrpc.client.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the receive thread does with a message, apart from reading it off a socket: decode,
 * count, check the sequence number, and map it to events (see {@link ZmqSubscriber} for the table).
 * Free of ZMQ library types, so tests drive it with frames directly. Only used by the receive thread.
 */
final class MessageHandler {

	private static final Logger logger = LoggerFactory.getLogger(MessageHandler.class);

	private final EventSinks sinks;

	private final ZmqCounters counters;

	private final SequenceTracker sequences = new SequenceTracker();

	/** Follows blocks on {@link ZmqOptions#blockTopic()}; {@code null} when neither sequence nor hashblock is subscribed. */
	private final @Nullable ChainFollower follower;

	MessageHandler(EventSinks sinks, ZmqCounters counters, @Nullable ChainFollower follower) {
		this.sinks = sinks;
		this.counters = counters;
		this.follower = follower;
	}

	/** Runs the first catch-up, which sets where block events start. */
	void start() {
		idle(System.nanoTime());
	}

	/** One multipart message as read from a socket; a malformed one is counted and logged, never thrown. */
	void onFrames(List<byte[]> frames) {
		Instant now = Instant.now();
		ZmqMessage message;
		try {
			message = ZmqMessage.decode(frames);
		}
		catch (ZmqDecodeException ex) {
			this.counters.decodeError();
			this.counters.received(now);
			String topic = frames.isEmpty() ? "" : new String(frames.get(0), StandardCharsets.US_ASCII);
			logger.warn("Skipping a malformed ZMQ message on '{}': {}", topic, ex.getMessage());
			// Its sequence number is not trusted, so the next message shows the loss as a gap; for the
			// block topic, catch up now rather than wait for that next message.
			if (this.follower != null && this.follower.topic().wireName().equals(topic)) {
				this.follower.requestCatchUp();
			}
			return;
		}
		onMessage(message, now);
	}

	void onMessage(ZmqMessage message, Instant now) {
		ZmqTopic topic = message.topic();
		this.counters.message(topic, now);
		SequenceTracker.Check check = this.sequences.track(topic, message.sequence());
		boolean blockTopic = this.follower != null && this.follower.topic() == topic;
		switch (check.outcome()) {
			case GAP -> {
				this.counters.gap(check.missed());
				logger.warn("Lost {} ZMQ messages on '{}' (sequence {} expected, {} received)", check.missed(),
						topic.wireName(), check.expected(), check.received());
				this.sinks.event(new ZmqEvent.NotificationGap(topic, check.expected(), check.received()));
				if (blockTopic) {
					this.follower.requestCatchUp();
				}
			}
			case RESET -> {
				this.counters.sequenceReset();
				logger.info("The sequence of '{}' went back from {} to {}: the node restarted", topic.wireName(),
						check.expected(), check.received());
				if (blockTopic) {
					this.follower.requestCatchUp();
				}
			}
			case FIRST, IN_ORDER -> {
			}
		}
		dispatch(message);
	}

	private void dispatch(ZmqMessage message) {
		if (message instanceof ZmqMessage.Sequence sequence) {
			switch (sequence.label()) {
				case BLOCK_CONNECTED -> {
					if (followsBlocksOn(ZmqTopic.SEQUENCE)) {
						this.follower.connected(sequence.hash());
					}
				}
				case BLOCK_DISCONNECTED -> {
					if (followsBlocksOn(ZmqTopic.SEQUENCE)) {
						this.follower.disconnected(sequence.hash());
					}
				}
				case MEMPOOL_ADDED -> this.sinks.event(new ZmqEvent.MempoolAdded(sequence.hash(), mempool(sequence)));
				case MEMPOOL_REMOVED -> this.sinks.event(new ZmqEvent.MempoolRemoved(sequence.hash(), mempool(sequence)));
			}
		}
		else if (message instanceof ZmqMessage.HashBlock hashBlock) {
			if (followsBlocksOn(ZmqTopic.HASHBLOCK)) {
				this.follower.connected(hashBlock.blockHash());
			}
		}
		else if (message instanceof ZmqMessage.RawTx rawTx) {
			this.sinks.event(new ZmqEvent.RawTransaction(rawTx.txid(), rawTx.hex()));
		}
		else if (message instanceof ZmqMessage.HashTx hashTx) {
			this.sinks.event(new ZmqEvent.TransactionAnnounced(hashTx.txid()));
		}
		else if (message instanceof ZmqMessage.RawBlock rawBlock) {
			this.sinks.event(new ZmqEvent.RawBlock(rawBlock.blockHash(), rawBlock.hex()));
		}
	}

	private boolean followsBlocksOn(ZmqTopic topic) {
		return this.follower != null && this.follower.topic() == topic;
	}

	private static long mempool(ZmqMessage.Sequence sequence) {
		Long value = sequence.mempoolSequence();
		return (value != null) ? value : -1;
	}

	/** A socket connected (again): what it published meanwhile is lost, so catch up on blocks. */
	void onConnected(String endpoint, boolean reconnect) {
		if (reconnect) {
			this.counters.reconnect();
			logger.info("Reconnected to ZMQ endpoint {}", endpoint);
		}
		if (this.follower != null) {
			this.follower.requestCatchUp();
		}
	}

	/** Called when the receive loop has nothing to read: runs a catch-up that is due. */
	void idle(long nanoTime) {
		if (this.follower != null) {
			this.follower.retryIfDue(nanoTime);
		}
	}

}
