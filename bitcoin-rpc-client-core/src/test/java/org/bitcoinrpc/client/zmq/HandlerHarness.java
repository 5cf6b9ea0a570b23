package org.bitcoinrpc.client.zmq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The subscriber's message handling without sockets: frames built the way Core builds them (with
 * per-topic sequence numbers the test can skip) are fed to a {@link MessageHandler} on the test
 * thread, so every step is deterministic. Records the events and counts the wake-ups.
 */
final class HandlerHarness {

	private static final HexFormat HEX = HexFormat.of();

	final List<ZmqEvent> events = new CopyOnWriteArrayList<>();

	final AtomicInteger wakeUps = new AtomicInteger();

	final ZmqCounters counters;

	final MessageHandler handler;

	private final Map<ZmqTopic, Long> sequences = new EnumMap<>(ZmqTopic.class);

	HandlerHarness(ZmqTopic... topics) {
		this(null, topics);
	}

	/** With a consumer of its own, instead of the recording one. */
	HandlerHarness(@Nullable Consumer<ZmqEvent> consumer, ZmqTopic... topics) {
		ZmqOptions.Builder builder = ZmqOptions.builder();
		int port = 28332;
		for (ZmqTopic topic : topics) {
			builder.endpoint(topic, "tcp://127.0.0.1:" + port++);
		}
		ZmqOptions options = builder.build();
		this.counters = new ZmqCounters(options.endpoints().keySet(), options.distinctEndpoints().size());
		this.handler = new MessageHandler(options.blockTopic(), (consumer != null) ? consumer : this.events::add,
				this.counters, this.wakeUps::incrementAndGet);
		for (ZmqTopic topic : ZmqTopic.values()) {
			this.sequences.put(topic, 0L);
		}
	}

	void hashblock(String hash) {
		send(ZmqTopic.HASHBLOCK, HEX.parseHex(hash));
	}

	void hashtx(String txid) {
		send(ZmqTopic.HASHTX, HEX.parseHex(txid));
	}

	void connected(String hash) {
		sequence(hash, 'C', null);
	}

	void disconnected(String hash) {
		sequence(hash, 'D', null);
	}

	void sequence(String hash, char label, @Nullable Long mempool) {
		byte[] body = Arrays.copyOf(HEX.parseHex(hash), (mempool != null) ? 41 : 33);
		body[32] = (byte) label;
		if (mempool != null) {
			for (int i = 0; i < 8; i++) {
				body[33 + i] = (byte) (mempool >>> (8 * i));
			}
		}
		send(ZmqTopic.SEQUENCE, body);
	}

	/** Uses {@code n} sequence numbers of a topic without delivering: lost messages. */
	void lose(ZmqTopic topic, int n) {
		this.sequences.merge(topic, (long) n, Long::sum);
	}

	/** Starts the topic's numbers again at 0: a restarted node. */
	void restartNumbering(ZmqTopic topic) {
		this.sequences.put(topic, 0L);
	}

	void send(ZmqTopic topic, byte[] body) {
		long seq = this.sequences.get(topic);
		this.sequences.put(topic, (seq + 1) & 0xFFFF_FFFFL);
		this.handler.onFrames(List.of(topic.wireName().getBytes(StandardCharsets.US_ASCII), body,
				new byte[] { (byte) seq, (byte) (seq >>> 8), (byte) (seq >>> 16), (byte) (seq >>> 24) }));
	}

	void frames(byte[]... frames) {
		this.handler.onFrames(List.of(frames));
	}

	ZmqStats stats() {
		return this.counters.snapshot();
	}

}
