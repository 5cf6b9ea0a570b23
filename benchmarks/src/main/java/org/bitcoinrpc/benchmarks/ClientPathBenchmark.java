package org.bitcoinrpc.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.benchmarks.stub.StubReplies;
import org.bitcoinrpc.client.internal.EventDispatcher;
import org.bitcoinrpc.client.internal.PendingRequest;
import org.bitcoinrpc.client.internal.PendingRequests;
import org.bitcoinrpc.client.internal.ReplyRouter;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * (3, breakdown) The client's own per-call work with no transport, from the same classes the
 * client wires together ({@code PendingRequests} on a timer, {@code JsonRpcCodec},
 * {@code ReplyRouter}): what part of a call's cost is ours rather than Jetty's or Spring's.
 * Replies are pre-built per id (no stub allocation); the reply is copied into a reused char
 * buffer the way the websocket transport's assembler does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class ClientPathBenchmark {

	private static final int IDS = 1024;

	private final JsonRpcCodec codec = new JsonRpcCodec(JsonRpcCodec.defaultMapper(), "1.0");

	private final ObjectReader longReader = this.codec.mapper().readerFor(Long.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final byte[][] replies = new byte[IDS][];

	/** The websocket reader's reused buffer, which a reply is copied into as it arrives. */
	private final byte[] buffer = new byte[8192];

	private final Duration timeout = Duration.ofSeconds(30);

	private ScheduledThreadPoolExecutor timer;

	private PendingRequests pending;

	private EventDispatcher events;

	private ReplyRouter router;

	private long next;

	@Setup(Level.Trial)
	public void start() {
		this.timer = new ScheduledThreadPoolExecutor(1);
		this.timer.setRemoveOnCancelPolicy(true);
		this.pending = new PendingRequests(10_000, this.timer, "bench");
		this.events = new EventDispatcher(10_000, "bench-events");
		this.router = new ReplyRouter(this.pending, this.events, this.codec.mapper(), "bench");
		for (int i = 0; i < IDS; i++) {
			this.replies[i] = StubReplies.reply(Integer.toString(i)).getBytes(StandardCharsets.UTF_8);
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.timer.shutdownNow();
		this.events.shutdown();
	}

	/** Request object, pending entry and timeout, encoding, decoding the reply, routing, completion. */
	@Benchmark
	public Object fullCall() {
		int id = (int) (this.next++ & (IDS - 1));
		PendingRequest<Long> request = new PendingRequest<>(id, "getblockcount", List.of(), this.longReader, this.timeout, null);
		this.pending.register(request);
		byte[] json = this.codec.encodeRequest(id, request.method(), request.params());
		JsonText reply = receive(id);
		this.router.route(this.codec.decode(reply, this.router));
		return (json.length > 0) ? request.future().join() : null;
	}

	/** Only the request's JSON. */
	@Benchmark
	public byte[] encode() {
		return this.codec.encodeRequest(this.next++ & (IDS - 1), "getblockcount", List.of());
	}

	/** Only classifying the reply and decoding its result. */
	@Benchmark
	public Object decode() {
		JsonText reply = receive((int) (this.next++ & (IDS - 1)));
		InboundMessage.Response response = (InboundMessage.Response) this.codec.decode(reply, (id) -> this.longReader);
		return response.result().decode(this.codec.mapper(), this.longReader);
	}

	/** Only the bookkeeping: request object, pending entry with its timeout, removal and completion. */
	@Benchmark
	public Object registerAndComplete() {
		int id = (int) (this.next++ & (IDS - 1));
		PendingRequest<Long> request = new PendingRequest<>(id, "getblockcount", List.of(), this.longReader, this.timeout, null);
		this.pending.register(request);
		PendingRequest<?> removed = this.pending.remove(id);
		PendingRequests.fail(removed, CANCELLED);
		return request.future();
	}

	private static final RuntimeException CANCELLED = new RuntimeException("bench", null, false, false) {

		private static final long serialVersionUID = 1L;

	};

	private JsonText receive(int id) {
		byte[] reply = this.replies[id];
		System.arraycopy(reply, 0, this.buffer, 0, reply.length);
		return JsonText.of(this.buffer, reply.length);
	}

}
