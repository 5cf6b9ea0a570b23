package org.bitcoinrpc.client.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the receive thread does with a message, apart from reading it off a socket: decode,
 * count, check the sequence number, map it to an event (see {@link ZmqSubscriber} for the table),
 * and wake the followers when the block topic says the chain may have moved or that something was
 * missed. Free of ZMQ library types, so tests drive it with frames directly. Only used by the
 * receive thread.
 */
final class MessageHandler {

	private static final Logger logger = LoggerFactory.getLogger(MessageHandler.class);

	private final Consumer<? super ZmqEvent> events;

	private final ZmqCounters counters;

	private final SequenceTracker sequences = new SequenceTracker();

	/** {@link ZmqOptions#blockTopic()}: the topic that wakes followers; {@code null} when none does. */
	private final @Nullable ZmqTopic blockTopic;

	/** Wakes every follower of the subscriber; never blocks. */
	private final Runnable wake;

	MessageHandler(@Nullable ZmqTopic blockTopic, Consumer<? super ZmqEvent> events, ZmqCounters counters,
			Runnable wake) {
		this.blockTopic = blockTopic;
		this.events = events;
		this.counters = counters;
		this.wake = wake;
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
			// Its sequence number is not trusted, so the next message shows the loss as a gap; on the
			// block topic the followers look now rather than wait for that next message.
			if (this.blockTopic != null && this.blockTopic.wireName().equals(topic)) {
				this.wake.run();
			}
			return;
		}
		onMessage(message, now);
	}

	void onMessage(ZmqMessage message, Instant now) {
		ZmqTopic topic = message.topic();
		this.counters.message(topic, now);
		SequenceTracker.Check check = this.sequences.track(topic, message.sequence());
		boolean missed = false;
		switch (check.outcome()) {
			case GAP -> {
				this.counters.gap(check.missed());
				logger.warn("Lost {} ZMQ messages on '{}' (sequence {} expected, {} received)", check.missed(),
						topic.wireName(), check.expected(), check.received());
				emit(new ZmqEvent.NotificationGap(topic, check.expected(), check.received()));
				missed = true;
			}
			case RESET -> {
				this.counters.sequenceReset();
				logger.info("The sequence of '{}' went back from {} to {}: the node restarted", topic.wireName(),
						check.expected(), check.received());
				missed = true;
			}
			case FIRST, IN_ORDER -> {
			}
		}
		ZmqEvent event = eventOf(message);
		if (event != null) {
			emit(event);
		}
		// After the event, so that a listener may see the hint before the follower's own delivery.
		if (topic == this.blockTopic && (missed || isBlockMessage(event))) {
			this.wake.run();
		}
	}

	private static @Nullable ZmqEvent eventOf(ZmqMessage message) {
		if (message instanceof ZmqMessage.Sequence sequence) {
			return switch (sequence.label()) {
				case BLOCK_CONNECTED -> new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, sequence.hash());
				case BLOCK_DISCONNECTED -> new ZmqEvent.BlockRetracted(sequence.hash());
				case MEMPOOL_ADDED -> new ZmqEvent.MempoolAdded(sequence.hash(), mempool(sequence));
				case MEMPOOL_REMOVED -> new ZmqEvent.MempoolRemoved(sequence.hash(), mempool(sequence));
			};
		}
		if (message instanceof ZmqMessage.HashBlock hashBlock) {
			return new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, hashBlock.blockHash());
		}
		if (message instanceof ZmqMessage.RawTx rawTx) {
			return new ZmqEvent.RawTransaction(rawTx.txid(), rawTx.hex());
		}
		if (message instanceof ZmqMessage.HashTx hashTx) {
			return new ZmqEvent.TransactionAnnounced(hashTx.txid());
		}
		if (message instanceof ZmqMessage.RawBlock rawBlock) {
			return new ZmqEvent.RawBlock(rawBlock.blockHash(), rawBlock.hex());
		}
		return null;
	}

	private static boolean isBlockMessage(@Nullable ZmqEvent event) {
		return event instanceof ZmqEvent.BlockAnnounced || event instanceof ZmqEvent.BlockRetracted;
	}

	private static long mempool(ZmqMessage.Sequence sequence) {
		Long value = sequence.mempoolSequence();
		return (value != null) ? value : -1;
	}

	/**
	 * A socket connected (again). What was published meanwhile is lost, so when the socket carries
	 * the block topic the followers look at the chain now.
	 */
	void onConnected(String endpoint, boolean reconnect, boolean carriesBlockTopic) {
		if (reconnect) {
			this.counters.reconnect();
			logger.info("Reconnected to ZMQ endpoint {}", endpoint);
		}
		if (carriesBlockTopic) {
			this.wake.run();
		}
	}

	/** A consumer that throws is logged and the next event still delivered, as with the client's listeners. */
	private void emit(ZmqEvent event) {
		try {
			this.events.accept(event);
		}
		catch (RuntimeException | LinkageError | AssertionError ex) {
			logger.warn("ZMQ event consumer {} failed on {}", this.events, event, ex);
		}
	}

}
