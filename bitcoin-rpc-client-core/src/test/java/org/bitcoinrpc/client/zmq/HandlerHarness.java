package org.bitcoinrpc.client.zmq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The subscriber's message handling without sockets: frames built the way Core builds them (with
 * per-topic sequence numbers the test can skip) are fed to a {@link MessageHandler} on the test
 * thread, so every step is deterministic.
 */
final class HandlerHarness {

	private static final HexFormat HEX = HexFormat.of();

	final FakeChain chain;

	final EventRecorder recorder = new EventRecorder();

	final ZmqCounters counters;

	final MessageHandler handler;

	final CompletableFuture<Void> closed = new CompletableFuture<>();

	private final Map<ZmqTopic, Long> sequences = new EnumMap<>(ZmqTopic.class);

	HandlerHarness(FakeChain chain, ZmqOptions options, @Nullable String resumeAfter) {
		this.chain = chain;
		this.counters = new ZmqCounters(options.endpoints().keySet(), options.distinctEndpoints().size());
		EventSinks sinks = new EventSinks(this.recorder::block, this.recorder::event);
		ZmqTopic blockTopic = options.blockTopic();
		ChainFollower follower = (blockTopic != null) ? new ChainFollower(blockTopic, chain,
				new RpcWaiter(options.rpcTimeout(), this.closed), sinks, this.counters, options, resumeAfter) : null;
		this.handler = new MessageHandler(sinks, this.counters, follower);
		for (ZmqTopic topic : ZmqTopic.values()) {
			this.sequences.put(topic, 0L);
		}
	}

	static ZmqOptions options(ZmqTopic... topics) {
		ZmqOptions.Builder builder = ZmqOptions.builder().rpcTimeout(Duration.ofSeconds(5));
		int port = 28332;
		for (ZmqTopic topic : topics) {
			builder.endpoint(topic, "tcp://127.0.0.1:" + port++);
		}
		return builder.build();
	}

	HandlerHarness start() {
		this.handler.start();
		return this;
	}

	void hashblock(String hash) {
		send(ZmqTopic.HASHBLOCK, HEX.parseHex(hash));
	}

	void hashtx(String txid) {
		send(ZmqTopic.HASHTX, HEX.parseHex(txid));
	}

	void rawtx(byte[] tx) {
		send(ZmqTopic.RAWTX, tx);
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
