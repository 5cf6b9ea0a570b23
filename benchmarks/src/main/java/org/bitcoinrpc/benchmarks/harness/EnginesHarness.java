package org.bitcoinrpc.benchmarks.harness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.bitcoinrpc.benchmarks.engines.Completion;
import org.bitcoinrpc.benchmarks.engines.JettyHttpClient;
import org.bitcoinrpc.benchmarks.engines.NettyHttpClient;
import org.bitcoinrpc.benchmarks.engines.NettyTransport;
import org.bitcoinrpc.benchmarks.engines.NettyWebSocketClient;
import org.bitcoinrpc.benchmarks.engines.UrlConnectionClient;
import org.bitcoinrpc.benchmarks.engines.Waiter;
import org.bitcoinrpc.benchmarks.stub.NettyStubServer;
import org.bitcoinrpc.benchmarks.stub.StubProcess;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;

import wf.bitcoin.javabitcoindrpcclient.BitcoinJSONRPCClient;

/**
 * Issue 14: engine ceilings. The client, the Java peer (wf.bitcoin's {@code BitcoinJSONRPCClient}
 * 1.2.4, over {@code HttpURLConnection}) and a raw ceiling client per engine make the same small
 * call ({@code getblockcount}, answered {@code 123}) against the same stub, which runs in a child
 * JVM ({@link StubProcess}) so that this JVM's CPU time and allocation are the callers' alone. The
 * stubs are those of the other sections (Jetty) unless {@code -Dengines.stub=netty} asks for
 * {@link NettyStubServer}, which flushes its replies once per read and so costs less than the
 * clients per call.
 * <ul>
 * <li>Websocket, 1, 16 and 256 calls in flight on one connection (closed loop): the client, raw Jetty
 * ({@link RawWebSocketClient}, one write per frame), raw Netty NIO and raw Netty epoll
 * ({@link NettyWebSocketClient}, one flush per batch of replies).</li>
 * <li>HTTP POST with keep-alive, 1 and 16 blocking caller threads: the client, wf.bitcoin, raw Jetty
 * {@code HttpClient}, raw Netty ({@code HttpClientCodec}, 16 pooled connections) and raw
 * {@code HttpURLConnection}; and 256 calls in flight over 16 connections for the engines that can
 * send without a thread per call (the client, raw Jetty, raw Netty).</li>
 * </ul>
 * Within a load, the contenders take turns, {@code harness.rounds} rounds; the median round counts,
 * and the lowest and highest are printed beside it. The first load of each transport has one more
 * round before those, not counted, to warm up both JVMs. For each round: calls per second, the p50
 * latency, this JVM's process CPU time per call, the bytes allocated per call by this JVM's threads
 * ({@link ResourceMeter}) and the stub's CPU time per call, all over the measured window only.
 * <p>
 * {@code HttpURLConnection} keeps at most {@code http.maxConnections} idle connections per
 * destination (5 by default), so 16 callers would open a connection for most calls: the harness
 * sets it to 16 unless it is given, for wf.bitcoin and the raw JDK client alike.
 */
final class EnginesHarness {

	private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("harness.warmup", 2));

	private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("harness.measure", 4));

	private static final int ROUNDS = Integer.getInteger("harness.rounds", 3);

	/** Which stubs answer: "jetty" (the stubs of every other section) or "netty" ({@link NettyStubServer}). */
	private static final String STUB = System.getProperty("engines.stub", "jetty");

	/** Whether the HTTP loads run too; {@code -Dengines.http=false} measures the websocket alone, in a third of the time. */
	private static final boolean HTTP = Boolean.parseBoolean(System.getProperty("engines.http", "true"));

	private static final long MAX_CALLS = 50_000_000;

	private static final int[] WS_IN_FLIGHT = Arrays.stream(System.getProperty("harness.inflight", "1,16,256").split(","))
		.mapToInt(Integer::parseInt).toArray();

	private static final int[] HTTP_CALLERS = { 1, 16 };

	private static final int HTTP_ASYNC_IN_FLIGHT = 256;

	private static final int HTTP_CONNECTIONS = 16;

	/** Event loops of the raw Netty HTTP client: one per core of the machine this was written for. */
	private static final int NETTY_HTTP_THREADS = 2;

	private static final long BLOCKING_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

	private static final String USER = "user";

	private static final String PASSWORD = "pass";

	private static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.US_ASCII));

	/** What the raw HTTP clients post: the bytes the client writes for {@code getblockcount}, id 1. */
	private static final byte[] BODY = RawWebSocketClient.REQUEST.getBytes(StandardCharsets.US_ASCII);

	private static final int BODY_ID = 1;

	private static final String CLIENT = "this client";

	private static final String WF = "wf.bitcoin 1.2.4";

	private static final String RAW_JETTY = "raw Jetty";

	private static final String RAW_JDK = "raw JDK HttpURLConnection";

	/** One contender at one load: runs one round with the meter as its window. */
	@FunctionalInterface
	private interface Contender {

		ClosedLoop.Result run(ClosedLoop.Window window) throws Exception;

	}

	/** A raw client's asynchronous send. */
	@FunctionalInterface
	private interface AsyncSend {

		void send(long startNanos, Completion completion);

	}

	private record Key(String transport, String load, String engine) {

	}

	private record Round(ClosedLoop.Result result, ResourceMeter.Usage usage) {

		double callsPerSecond() {
			return this.result.callsPerSecond();
		}

		double cpuMicrosPerCall() {
			return perCall(this.usage.cpuNanos()) / 1e3;
		}

		double bytesPerCall() {
			return perCall(this.usage.allocatedBytes());
		}

		double stubCpuMicrosPerCall() {
			return (this.usage.stubCpuNanos() < 0) ? Double.NaN : perCall(this.usage.stubCpuNanos()) / 1e3;
		}

		double p50Micros() {
			return this.result.p50Nanos() / 1e3;
		}

		private double perCall(long total) {
			return (this.result.calls() > 0) ? (double) total / this.result.calls() : Double.NaN;
		}

	}

	private final Map<Key, List<Round>> rounds = new LinkedHashMap<>();

	private EnginesHarness() {
	}

	static void run(List<String[]> rows) throws Exception {
		if (System.getProperty("http.maxConnections") == null) {
			System.setProperty("http.maxConnections", Integer.toString(HTTP_CONNECTIONS));
		}
		System.out.println();
		System.out.println("== 14. Engine ceilings: the client, wf.bitcoin and raw clients per engine against the same "
				+ STUB + " stub (child JVM); median of " + ROUNDS + " interleaved rounds, " + WARMUP.toSeconds() + " s warm-up + "
				+ MEASURE.toSeconds() + " s measured each ==");
		System.out.println("  Netty epoll available: " + NettyTransport.EPOLL.available() + "; http.maxConnections="
				+ System.getProperty("http.maxConnections") + "; CPU and allocation: this JVM only, per call");
		EnginesHarness harness = new EnginesHarness();
		harness.webSocket();
		if (HTTP) {
			harness.http();
		}
		harness.table(rows);
	}

	// ------------------------------------------------------------------ websocket

	private void webSocket() throws Exception {
		System.out.println();
		System.out.println("  -- websocket, one connection, closed loop of N calls in flight --");
		NettyTransport epollOrNull = NettyTransport.EPOLL.available() ? NettyTransport.EPOLL : null;
		try (StubProcess stub = StubProcess.start(stubKind("ws"));
				BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder().url(stub.url()).reconnect(false).build());
				RawWebSocketClient jetty = new RawWebSocketClient(stub.url());
				NettyWebSocketClient nio = new NettyWebSocketClient(stub.url(), NettyTransport.NIO);
				NettyWebSocketClient epoll = (epollOrNull != null) ? new NettyWebSocketClient(stub.url(), epollOrNull) : null) {
			client.connect();
			ResourceMeter meter = new ResourceMeter(stub);
			ClosedLoop loop = new ClosedLoop();
			ClosedLoop.Sender clientSender = (l, start) -> client.getBlockCountAsync()
				.whenComplete((value, failure) -> l.completed(start, failure == null && value == 123L));
			for (int inFlight : WS_IN_FLIGHT) {
				Map<String, Contender> contenders = new LinkedHashMap<>();
				contenders.put(CLIENT, (window) -> loop.run("client", clientSender, inFlight, WARMUP, MEASURE, MAX_CALLS, window));
				contenders.put(RAW_JETTY, (window) -> {
					try {
						return loop.run("raw-jetty", jetty.sender(inFlight), inFlight, WARMUP, MEASURE, MAX_CALLS, window);
					}
					finally {
						jetty.detach();
					}
				});
				contenders.put("raw " + NettyTransport.NIO.label(), nettyWebSocket(loop, nio, inFlight, "raw-netty-nio"));
				Map<String, Supplier<String>> notes = new LinkedHashMap<>();
				notes.put("raw " + NettyTransport.NIO.label(), () -> batchNote(nio));
				if (epoll != null) {
					contenders.put("raw " + NettyTransport.EPOLL.label(), nettyWebSocket(loop, epoll, inFlight, "raw-netty-epoll"));
					notes.put("raw " + NettyTransport.EPOLL.label(), () -> batchNote(epoll));
				}
				measure("websocket", inFlight + " in flight", contenders, notes, meter, inFlight == WS_IN_FLIGHT[0]);
			}
		}
	}

	private static String batchNote(NettyWebSocketClient raw) {
		return String.format(Locale.ROOT, "  %.1f replies per read batch", raw.repliesPerReadBatch());
	}

	private static String stubKind(String protocol) {
		return switch (STUB) {
			case "jetty" -> protocol;
			case "netty" -> "netty-" + protocol;
			default -> throw new IllegalArgumentException("engines.stub is jetty or netty, not " + STUB);
		};
	}

	private static Contender nettyWebSocket(ClosedLoop loop, NettyWebSocketClient raw, int inFlight, String name) {
		return (window) -> {
			raw.prepare(inFlight);
			Completion done = loop::completed;
			return loop.run(name, (l, start) -> raw.send(start, done), inFlight, WARMUP, MEASURE, MAX_CALLS, window);
		};
	}

	// ------------------------------------------------------------------ HTTP

	private void http() throws Exception {
		System.out.println();
		System.out.println("  -- HTTP POST, keep-alive: C blocking caller threads, and " + HTTP_ASYNC_IN_FLIGHT
				+ " calls in flight over " + HTTP_CONNECTIONS + " connections --");
		try (StubProcess stub = StubProcess.start(stubKind("http"));
				BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder().url(stub.url()).user(USER)
					.password(PASSWORD).maxConnections(HTTP_CONNECTIONS).build());
				JettyHttpClient jetty = new JettyHttpClient(stub.url(), AUTHORIZATION, BODY, BODY_ID, HTTP_CONNECTIONS);
				NettyHttpClient netty = new NettyHttpClient(stub.url(), AUTHORIZATION, BODY, BODY_ID, NettyTransport.NIO,
						HTTP_CONNECTIONS, NETTY_HTTP_THREADS)) {
			client.connect();
			String wfUrl = stub.url().replace("http://", "http://" + USER + ":" + PASSWORD + "@");
			BitcoinJSONRPCClient wf = new BitcoinJSONRPCClient(wfUrl);
			UrlConnectionClient jdk = new UrlConnectionClient(stub.url(), AUTHORIZATION, BODY, BODY_ID);
			ResourceMeter meter = new ResourceMeter(stub);
			BlockingLoop.Call clientCall = () -> client.getBlockCount() == 123L;
			BlockingLoop.Call wfCall = () -> wf.getBlockCount() == 123;
			BlockingLoop.Call jettyCall = blocking(jetty::send);
			BlockingLoop.Call nettyCall = blocking(netty::send);
			BlockingLoop.Call jdkCall = jdk::call;
			netty.prepare();
			// Each contender once before any run: a stub reply one of them cannot read must stop the harness here.
			check(CLIENT, clientCall);
			check(WF, wfCall);
			check(RAW_JETTY, jettyCall);
			check("raw " + NettyTransport.NIO.label(), nettyCall);
			check(RAW_JDK, jdkCall);
			for (int callers : HTTP_CALLERS) {
				Map<String, Contender> contenders = new LinkedHashMap<>();
				contenders.put(CLIENT, (window) -> BlockingLoop.run("client", clientCall, callers, WARMUP, MEASURE, MAX_CALLS, window));
				contenders.put(WF, (window) -> BlockingLoop.run("wf", wfCall, callers, WARMUP, MEASURE, MAX_CALLS, window));
				contenders.put(RAW_JETTY, (window) -> BlockingLoop.run("raw-jetty", jettyCall, callers, WARMUP, MEASURE, MAX_CALLS, window));
				contenders.put("raw " + NettyTransport.NIO.label(), (window) -> {
					netty.prepare();
					return BlockingLoop.run("raw-netty", nettyCall, callers, WARMUP, MEASURE, MAX_CALLS, window);
				});
				contenders.put(RAW_JDK, (window) -> BlockingLoop.run("raw-jdk", jdkCall, callers, WARMUP, MEASURE, MAX_CALLS, window));
				measure("HTTP", callers + " blocking caller" + ((callers == 1) ? "" : "s"), contenders, Map.of(), meter,
						callers == HTTP_CALLERS[0]);
			}
			ClosedLoop loop = new ClosedLoop();
			ClosedLoop.Sender clientSender = (l, start) -> client.getBlockCountAsync()
				.whenComplete((value, failure) -> l.completed(start, failure == null && value == 123L));
			Map<String, Contender> contenders = new LinkedHashMap<>();
			int inFlight = HTTP_ASYNC_IN_FLIGHT;
			contenders.put(CLIENT, (window) -> loop.run("client", clientSender, inFlight, WARMUP, MEASURE, MAX_CALLS, window));
			contenders.put(RAW_JETTY, (window) -> {
				Completion done = loop::completed;
				return loop.run("raw-jetty", (l, start) -> jetty.send(start, done), inFlight, WARMUP, MEASURE, MAX_CALLS, window);
			});
			contenders.put("raw " + NettyTransport.NIO.label(), (window) -> {
				netty.prepare();
				Completion done = loop::completed;
				return loop.run("raw-netty", (l, start) -> netty.send(start, done), inFlight, WARMUP, MEASURE, MAX_CALLS, window);
			});
			measure("HTTP", inFlight + " async over " + HTTP_CONNECTIONS + " conns", contenders, Map.of(), meter, false);
		}
	}

	/** A blocking call over an asynchronous raw client: each caller thread waits on its own reused {@link Waiter}. */
	private static BlockingLoop.Call blocking(AsyncSend raw) {
		ThreadLocal<Waiter> waiters = ThreadLocal.withInitial(Waiter::new);
		return () -> {
			Waiter waiter = waiters.get();
			waiter.reset();
			raw.send(0, waiter);
			boolean ok = waiter.await(BLOCKING_TIMEOUT_NANOS);
			if (!waiter.ended()) {
				// Its late completion must not end this thread's next call.
				waiters.remove();
			}
			return ok;
		};
	}

	private static void check(String engine, BlockingLoop.Call call) throws Exception {
		if (!call.call()) {
			throw new IllegalStateException(engine + " could not make a call to the stub");
		}
	}

	// ------------------------------------------------------------------ rounds and the table

	/**
	 * Runs the contenders of one load in turn, {@link #ROUNDS} times; first one round more, not
	 * counted, when {@code warmUpRound}: the first load of a transport also warms the JIT of the
	 * stub's JVM and of this one, whose compiler threads count in this JVM's CPU time.
	 */
	private void measure(String transport, String load, Map<String, Contender> contenders, Map<String, Supplier<String>> notes,
			ResourceMeter meter, boolean warmUpRound) throws Exception {
		for (int round = warmUpRound ? 0 : 1; round <= ROUNDS; round++) {
			for (Map.Entry<String, Contender> contender : contenders.entrySet()) {
				ClosedLoop.Result result = contender.getValue().run(meter);
				Round measured = new Round(result, meter.usage());
				if (round > 0) {
					this.rounds.computeIfAbsent(new Key(transport, load, contender.getKey()), (key) -> new ArrayList<>()).add(measured);
				}
				Supplier<String> note = notes.get(contender.getKey());
				System.out.printf(Locale.ROOT,
						"  %-9s %-26s %-26s %-8s %9s calls/s  p50 %9s  CPU %6.2f µs/call  alloc %7.0f B/call"
								+ "  stub CPU %6.2f µs/call%s%s%n",
						transport, load, contender.getKey(), (round == 0) ? "warm-up:" : "round " + round + ":",
						rate(measured.callsPerSecond()), micros(result.p50Nanos()), measured.cpuMicrosPerCall(),
						measured.bytesPerCall(), measured.stubCpuMicrosPerCall(),
						(result.failed() > 0) ? "  (" + result.failed() + " failed)" : "", (note != null) ? note.get() : "");
			}
		}
	}

	private void table(List<String[]> rows) {
		System.out.println();
		System.out.println("| Transport | Load | Engine | Calls/s, median (min–max) | p50 | Client CPU µs/call | Alloc B/call "
				+ "| Stub CPU µs/call | Failed |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		Map<String, StringBuilder> summaries = new LinkedHashMap<>();
		for (Map.Entry<Key, List<Round>> entry : this.rounds.entrySet()) {
			Key key = entry.getKey();
			List<Round> list = entry.getValue();
			double[] rates = sorted(list, Round::callsPerSecond);
			long failed = list.stream().mapToLong((round) -> round.result().failed()).sum();
			System.out.printf(Locale.ROOT, "| %s | %s | %s | **%s** (%s–%s) | %s | %.2f | %.0f | %.2f | %d |%n", key.transport(),
					key.load(), key.engine(), rate(median(rates)), rate(rates[0]), rate(rates[rates.length - 1]),
					micros((long) (median(sorted(list, Round::p50Micros)) * 1e3)), median(sorted(list, Round::cpuMicrosPerCall)),
					median(sorted(list, Round::bytesPerCall)), median(sorted(list, Round::stubCpuMicrosPerCall)), failed);
			StringBuilder summary = summaries.computeIfAbsent(key.transport() + ", " + key.load(), (load) -> new StringBuilder());
			summary.append((summary.length() > 0) ? "; " : "").append(key.engine()).append(' ').append(rate(median(rates)));
		}
		System.out.println();
		System.out.println("Ratios of medians, each engine against raw Jetty of the same load:");
		Map<String, Double> jettyRates = new LinkedHashMap<>();
		this.rounds.forEach((key, list) -> {
			if (key.engine().equals(RAW_JETTY)) {
				jettyRates.put(key.transport() + key.load(), median(sorted(list, Round::callsPerSecond)));
			}
		});
		this.rounds.forEach((key, list) -> {
			Double jetty = jettyRates.get(key.transport() + key.load());
			if (jetty != null && !key.engine().equals(RAW_JETTY)) {
				System.out.printf(Locale.ROOT, "  %-9s %-26s %-26s %.2f x raw Jetty%n", key.transport(), key.load(), key.engine(),
						median(sorted(list, Round::callsPerSecond)) / jetty);
			}
		});
		summaries.forEach((load, summary) -> rows.add(new String[] { "14", "engines, " + load + ": calls/s (median of " + ROUNDS + ")",
				summary.toString(), "(reported)", "-" }));
	}

	private static double[] sorted(List<Round> rounds, ToDoubleFunction<Round> value) {
		return rounds.stream().mapToDouble(value).sorted().toArray();
	}

	/** The middle value (the mean of the two middle ones for an even count). */
	private static double median(double[] sorted) {
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static String rate(double perSecond) {
		if (perSecond >= 1_000_000) {
			return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
		}
		if (perSecond >= 1000) {
			return String.format(Locale.ROOT, "%.1fk", perSecond / 1000);
		}
		return String.format(Locale.ROOT, "%.0f", perSecond);
	}

	private static String micros(long nanos) {
		if (nanos >= 10_000_000) {
			return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
		}
		if (nanos < 10_000) {
			return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
		}
		return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
	}

}
