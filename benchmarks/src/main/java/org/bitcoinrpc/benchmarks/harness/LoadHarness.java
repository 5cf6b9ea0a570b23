package org.bitcoinrpc.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import org.bitcoinrpc.benchmarks.stub.StubHttpServer;
import org.bitcoinrpc.benchmarks.stub.StubReplies;
import org.bitcoinrpc.benchmarks.stub.StubWebSocketServer;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.Notification;

/**
 * The load harness for what JMH cannot measure well: websocket pipelining against a raw ceiling
 * client (1), HTTP keep-alive against a connection per call (2), notification dispatch (5) and
 * memory per pending request (6). Everything runs in this JVM against stub servers on 127.0.0.1.
 * Section {@code spring} is 5 again with a Spring Boot application's {@code @EventListener}; it is
 * left out of the default run so that the other sections' JVM holds no Spring context. Section
 * {@code catchup} (issue 13, {@link CatchUpHarness}) is left out too: it runs a simulated node in a
 * child JVM and measures this JVM's heap. So is section {@code engines} (issue 14,
 * {@link EnginesHarness}): the client, wf.bitcoin's client and a raw ceiling client per engine (Jetty,
 * Netty NIO and epoll, {@code HttpURLConnection}) against stubs in a child JVM, about 9 minutes.
 * So is section {@code large} ({@link LargeReplyHarness}): 6 MB {@code getblock} replies through the
 * client from a stub in a child JVM, about 3 minutes; its stub builds the large reply only then.
 * <p>
 * Usage: {@code java -Xms2g -Xmx2g -cp benchmarks.jar org.bitcoinrpc.benchmarks.harness.LoadHarness [ws] [http] [notify] [spring] [memory] [catchup] [engines] [large]}
 * (no argument: ws, http, notify and memory). Prints each result as it comes, then a Markdown table.
 */
public final class LoadHarness {

	private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("harness.warmup", 2));

	private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("harness.measure", 4));

	/** Upper bound on calls per run, whatever the time. */
	private static final long MAX_CALLS = 20_000_000;

	/** Upper bound on calls per run over HTTP with a connection per call (ports, TIME_WAIT). */
	private static final long MAX_CONNECTIONS = 60_000;

	private static final int[] IN_FLIGHT = java.util.Arrays.stream(System.getProperty("harness.inflight", "1,16,256").split(","))
		.mapToInt(Integer::parseInt).toArray();

	private static final int[] HTTP_IN_FLIGHT = { 1, 16 };

	/** Each measurement is repeated, alternating with its yardstick; the best round counts (the machine may be shared). */
	private static final int ROUNDS = Integer.getInteger("harness.rounds", 3);

	private static final int NOTIFICATIONS = Integer.getInteger("harness.notifications", 300_000);

	private static final int PENDING = 100_000;

	private final List<String[]> rows = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		Set<String> sections = new LinkedHashSet<>(List.of(args));
		if (sections.isEmpty()) {
			sections.addAll(List.of("ws", "http", "notify", "memory"));
		}
		LoadHarness harness = new LoadHarness();
		System.out.printf(Locale.ROOT, "LoadHarness: %d cores, max heap %d MB, %s %s, warmup %ds, measure %ds%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.vm.name"), System.getProperty("java.version"), WARMUP.toSeconds(), MEASURE.toSeconds());
		for (String section : sections) {
			switch (section) {
				case "ws" -> harness.webSocket();
				case "http" -> harness.http();
				case "notify" -> harness.notifications();
				case "spring" -> harness.springNotifications();
				case "memory" -> harness.pendingMemory();
				case "catchup" -> CatchUpHarness.run(harness.rows);
				case "engines" -> EnginesHarness.run(harness.rows);
				case "large" -> LargeReplyHarness.run(harness.rows);
				default -> throw new IllegalArgumentException(
						"unknown section " + section + " (ws, http, notify, spring, memory, catchup, engines, large)");
			}
		}
		System.out.println();
		System.out.println("| # | measurement | result | goal | verdict |");
		System.out.println("|---|---|---|---|---|");
		harness.rows.forEach((row) -> System.out.println("| " + String.join(" | ", row) + " |"));
		System.exit(0);
	}

	// ------------------------------------------------------------------ 1. websocket

	private void webSocket() throws Exception {
		System.out.println();
		System.out.println("== 1. Websocket pipelined getblockcount, closed loop, client vs raw Jetty ceiling (best of "
				+ ROUNDS + " alternating rounds) ==");
		Map<String, ClosedLoop.Result> best = new HashMap<>();
		try (StubWebSocketServer stub = StubWebSocketServer.start(StubWebSocketServer.Mode.ANSWER);
				RawWebSocketClient raw = new RawWebSocketClient(stub.url());
				BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder().url(stub.url()).reconnect(false).build())) {
			client.connect();
			ClosedLoop loop = new ClosedLoop();
			ClosedLoop.Sender clientSender = (l, start) -> client.getBlockCountAsync()
				.whenComplete((value, failure) -> l.completed(start, failure == null && value == 123L));
			for (int inFlight : IN_FLIGHT) {
				for (int round = 0; round < ROUNDS; round++) {
					keepBest(best, loop.run("ceiling", raw.sender(inFlight), inFlight, WARMUP, MEASURE, MAX_CALLS));
					raw.detach();
					keepBest(best, loop.run("client", clientSender, inFlight, WARMUP, MEASURE, MAX_CALLS));
				}
			}
		}
		for (int inFlight : IN_FLIGHT) {
			ClosedLoop.Result ours = best.get("client" + inFlight);
			ClosedLoop.Result ceiling = best.get("ceiling" + inFlight);
			double ratio = ours.callsPerSecond() / ceiling.callsPerSecond();
			String goal = (inFlight == 256) ? ">= 0.80 of ceiling" : "(reported)";
			String verdict = (inFlight == 256) ? ((ratio >= 0.8) ? "met" : "MISSED") : "-";
			this.rows.add(new String[] { "1", "websocket, " + inFlight + " in flight: client / ceiling calls/s",
					String.format(Locale.ROOT, "%s / %s = **%.2f**; p50 %s / %s, p99 %s / %s%s", rate(ours.callsPerSecond()),
							rate(ceiling.callsPerSecond()), ratio, micros(ours.p50Nanos()), micros(ceiling.p50Nanos()),
							micros(ours.p99Nanos()), micros(ceiling.p99Nanos()), failures(ours)),
					goal, verdict });
		}
	}

	// ------------------------------------------------------------------ 2. HTTP

	private void http() throws Exception {
		System.out.println();
		System.out.println("== 2. HTTP POST getblockcount: keep-alive vs a new connection per call (stub answers Connection: close),"
				+ " best of " + ROUNDS + " alternating rounds ==");
		Map<String, ClosedLoop.Result> best = new HashMap<>();
		try (StubHttpServer keepStub = StubHttpServer.start(false);
				StubHttpServer closeStub = StubHttpServer.start(true);
				BitcoinRpcClient keepClient = BitcoinRpcClient.create(ClientOptions.builder().url(keepStub.url()).build());
				BitcoinRpcClient closeClient = BitcoinRpcClient.create(ClientOptions.builder().url(closeStub.url()).build())) {
			keepClient.connect();
			closeClient.connect();
			ClosedLoop loop = new ClosedLoop();
			ClosedLoop.Sender keep = (l, start) -> keepClient.getBlockCountAsync()
				.whenComplete((value, failure) -> l.completed(start, failure == null && value == 123L));
			ClosedLoop.Sender close = (l, start) -> closeClient.getBlockCountAsync()
				.whenComplete((value, failure) -> l.completed(start, failure == null && value == 123L));
			for (int inFlight : HTTP_IN_FLIGHT) {
				for (int round = 0; round < ROUNDS; round++) {
					keepBest(best, loop.run("http-keepalive", keep, inFlight, WARMUP, MEASURE, MAX_CALLS));
					keepBest(best, loop.run("http-close", close, inFlight, WARMUP, MEASURE, MAX_CONNECTIONS));
				}
			}
		}
		for (int inFlight : HTTP_IN_FLIGHT) {
			ClosedLoop.Result keep = best.get("http-keepalive" + inFlight);
			ClosedLoop.Result close = best.get("http-close" + inFlight);
			double ratio = keep.callsPerSecond() / close.callsPerSecond();
			this.rows.add(new String[] { "2", "HTTP, " + inFlight + " in flight: keep-alive / connection per call",
					String.format(Locale.ROOT, "%s / %s = **%.1fx**; p50 %s / %s%s%s", rate(keep.callsPerSecond()),
							rate(close.callsPerSecond()), ratio, micros(keep.p50Nanos()), micros(close.p50Nanos()),
							failures(keep), failures(close)),
					">= 3x", (ratio >= 3) ? "met" : "MISSED" });
		}
	}

	/** Prints a run and keeps it if it is the fastest of its name and load so far. */
	private static void keepBest(Map<String, ClosedLoop.Result> best, ClosedLoop.Result result) {
		print(result);
		best.merge(result.name() + result.inFlight(), result,
				(a, b) -> (b.callsPerSecond() > a.callsPerSecond()) ? b : a);
	}

	// ------------------------------------------------------------------ 5. notifications

	private void notifications() throws Exception {
		System.out.println();
		System.out.println("== 5. Notifications from the socket to a BitcoinEventListener (" + NOTIFICATIONS
				+ " each, best of " + ROUNDS + " alternating rounds) ==");
		try (StubWebSocketServer stub = StubWebSocketServer.start(StubWebSocketServer.Mode.ANSWER);
				RawWebSocketClient raw = new RawWebSocketClient(stub.url());
				NotificationCounter big = new NotificationCounter(stub.url(), NOTIFICATIONS + 16);
				NotificationCounter small = new NotificationCounter(stub.url(), ClientOptions.DEFAULT_NOTIFICATION_QUEUE_SIZE)) {
			for (String kind : new String[] { "tx", "block" }) {
				double ceiling = 0;
				double measured = 0;
				for (int round = 0; round < ROUNDS; round++) {
					double rawRate = rawNotifications(raw, kind);
					System.out.printf(Locale.ROOT, "  %-16s %12s notifications/s (raw Jetty client counting frames)%n",
							kind + " ceiling", rate(rawRate));
					ceiling = Math.max(ceiling, rawRate);
					long[] run = big.run(kind);
					double rate = run[0] / (run[2] / 1e9);
					System.out.printf(Locale.ROOT, "  %-16s %12s notifications/s delivered, %d of %d, %d dropped (queue %d)%n",
							kind + " client", rate(rate), run[0], NOTIFICATIONS, run[1], NOTIFICATIONS + 16);
					measured = Math.max(measured, rate);
				}
				long[] run = small.run(kind);
				double smallRate = run[0] / (run[2] / 1e9);
				System.out.printf(Locale.ROOT, "  %-16s %12s notifications/s delivered, %d of %d, %d dropped (queue %d)%n",
						kind + " client", rate(smallRate), run[0], NOTIFICATIONS, run[1], ClientOptions.DEFAULT_NOTIFICATION_QUEUE_SIZE);
				String name = kind.equals("tx") ? "txaccepted" : "blockconnected";
				this.rows.add(new String[] { "5", name + " to a plain listener (queue holds all)",
						String.format(Locale.ROOT, "**%s/s** (%.2f of the raw socket's %s/s)", rate(measured),
								measured / ceiling, rate(ceiling)),
						">= 100k/s", (measured >= 100_000) ? "met" : "MISSED" });
				this.rows.add(new String[] { "5", name + ", default queue (" + ClientOptions.DEFAULT_NOTIFICATION_QUEUE_SIZE + ")",
						String.format(Locale.ROOT, "%s/s delivered, %d of %d dropped", rate(smallRate), run[1], NOTIFICATIONS),
						"(reported)", "-" });
			}
		}
	}

	/** Frames per second the raw client receives when the stub pushes the notifications. */
	private static double rawNotifications(RawWebSocketClient raw, String kind) throws InterruptedException {
		String trigger = "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"" + StubReplies.NOTIFY_METHOD + "\",\"params\":["
				+ NOTIFICATIONS + ",\"" + kind + "\"]}";
		long before = raw.messages();
		long start = System.nanoTime();
		raw.sendRaw(trigger);
		long target = before + NOTIFICATIONS + 1;
		long deadline = start + TimeUnit.SECONDS.toNanos(60);
		while (raw.messages() < target && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		return (raw.messages() - before) / ((System.nanoTime() - start) / 1e9);
	}

	/** A client with one plain listener counting notifications. */
	private static final class NotificationCounter implements AutoCloseable {

		private final BitcoinRpcClient client;

		private final NotificationRun run = new NotificationRun();

		NotificationCounter(String url, int queueSize) {
			this.client = BitcoinRpcClient.create(ClientOptions.builder().url(url).reconnect(false)
				.notificationQueueSize(queueSize).build());
			this.client.connect();
			this.client.addListener((event) -> {
				if (event instanceof Notification) {
					this.run.record();
				}
			});
		}

		/** {delivered, dropped, nanoseconds from the trigger to the last delivery}. */
		long[] run(String kind) throws Exception {
			return this.run.run(this.client, kind, NOTIFICATIONS);
		}

		@Override
		public void close() {
			this.client.close();
		}

	}

	// ------------------------------------------------------------------ 5. notifications, Spring

	/**
	 * The same bursts to an {@code @EventListener} of a Spring Boot application using the starter,
	 * alternating with the plain listener so that both figures come from the same conditions.
	 */
	private void springNotifications() throws Exception {
		System.out.println();
		System.out.println("== 5. Notifications to a Spring @EventListener (starter auto-configuration) and to a plain"
				+ " BitcoinEventListener (" + NOTIFICATIONS + " each, best of " + ROUNDS + " alternating rounds) ==");
		int bigQueue = NOTIFICATIONS + 16;
		int defaultQueue = ClientOptions.DEFAULT_NOTIFICATION_QUEUE_SIZE;
		try (StubWebSocketServer stub = StubWebSocketServer.start(StubWebSocketServer.Mode.ANSWER);
				NotificationCounter plain = new NotificationCounter(stub.url(), bigQueue);
				SpringEventCounter spring = new SpringEventCounter(stub.url(), bigQueue);
				SpringEventCounter springSmall = new SpringEventCounter(stub.url(), defaultQueue)) {
			for (String kind : new String[] { "tx", "block" }) {
				double plainBest = 0;
				double springBest = 0;
				long springDropped = 0;
				for (int round = 0; round < ROUNDS; round++) {
					plainBest = Math.max(plainBest, printRun(kind + " plain", plain.run(kind), bigQueue));
					long[] run = spring.run(kind, NOTIFICATIONS);
					springBest = Math.max(springBest, printRun(kind + " spring", run, bigQueue));
					springDropped += run[1];
				}
				long[] run = springSmall.run(kind, NOTIFICATIONS);
				double smallRate = printRun(kind + " spring", run, defaultQueue);
				String name = kind.equals("tx") ? "txaccepted" : "blockconnected";
				this.rows.add(new String[] { "5", name + " to a Spring @EventListener (queue holds all)",
						String.format(Locale.ROOT, "**%s/s** (%.2f of the plain listener's %s/s, same run)%s", rate(springBest),
								springBest / plainBest, rate(plainBest), (springDropped > 0) ? ", " + springDropped + " dropped" : ""),
						"(reported)", "-" });
				this.rows.add(new String[] { "5", name + " to a plain listener (queue holds all), same run",
						String.format(Locale.ROOT, "%s/s", rate(plainBest)), ">= 100k/s", (plainBest >= 100_000) ? "met" : "MISSED" });
				this.rows.add(new String[] { "5", name + " to a Spring @EventListener, default queue (" + defaultQueue + ")",
						String.format(Locale.ROOT, "%s/s delivered, %d of %d dropped", rate(smallRate), run[1], NOTIFICATIONS),
						"(reported)", "-" });
			}
		}
	}

	/** Prints a notification run and returns its rate: deliveries per second. */
	private static double printRun(String name, long[] run, int queueSize) {
		double rate = run[0] / (run[2] / 1e9);
		System.out.printf(Locale.ROOT, "  %-16s %12s notifications/s delivered, %d of %d, %d dropped (queue %d)%n", name,
				rate(rate), run[0], NOTIFICATIONS, run[1], queueSize);
		return rate;
	}

	// ------------------------------------------------------------------ 6. memory

	private void pendingMemory() throws Exception {
		System.out.println();
		System.out.println("== 6. Heap held by " + PENDING + " pending calls (stub never answers) ==");
		try (StubWebSocketServer stub = StubWebSocketServer.start(StubWebSocketServer.Mode.SILENT);
				BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder().url(stub.url())
					.reconnect(false).maxPendingRequests(200_000).requestTimeout(Duration.ofMinutes(10)).build())) {
			client.connect();
			// Warm the path (and the reader cache) with a few calls that stay pending too, then measure.
			for (int i = 0; i < 100; i++) {
				client.getBlockCountAsync();
			}
			awaitReceived(stub, 100);
			Map<String, long[]> before = histogram();
			long heapBefore = heapAfterGc();
			for (int i = 0; i < PENDING; i++) {
				client.getBlockCountAsync();
			}
			awaitReceived(stub, PENDING + 100);
			long heapAfter = heapAfterGc();
			Map<String, long[]> after = histogram();
			long delta = heapAfter - heapBefore;
			System.out.printf(Locale.ROOT, "  pending now %d; heap after GC %.1f MB -> %.1f MB: %.1f MB, %d bytes per pending call%n",
					client.pendingRequests(), heapBefore / 1e6, heapAfter / 1e6, delta / 1e6, delta / PENDING);
			System.out.println("  largest growth by class (instances, bytes):");
			after.entrySet().stream()
				.map((entry) -> Map.entry(entry.getKey(), new long[] { entry.getValue()[0] - before.getOrDefault(entry.getKey(), new long[2])[0],
						entry.getValue()[1] - before.getOrDefault(entry.getKey(), new long[2])[1] }))
				.filter((entry) -> entry.getValue()[1] > 100_000)
				.sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
				.limit(16)
				.forEach((entry) -> System.out.printf(Locale.ROOT, "    %9d %11d  %5.1f B/call  %s%n", entry.getValue()[0],
						entry.getValue()[1], entry.getValue()[1] / (double) PENDING, entry.getKey()));
			this.rows.add(new String[] { "6", PENDING + " pending calls: heap growth after GC",
					String.format(Locale.ROOT, "**%.1f MB** (%d B per call)", delta / 1e6, delta / PENDING), "< 64 MB",
					(delta < 64_000_000) ? "met" : "MISSED" });
		}
	}

	private static void awaitReceived(StubWebSocketServer stub, long count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (stub.received() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		if (stub.received() < count) {
			throw new IllegalStateException("the stub received " + stub.received() + " of " + count + " requests");
		}
	}

	private static long heapAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			Thread.sleep(200);
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

	/** The live-object histogram (it runs a full GC first), class name to {instances, bytes}. */
	private static Map<String, long[]> histogram() throws Exception {
		String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
				new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
				new Object[] { new String[0] }, new String[] { String[].class.getName() });
		Map<String, long[]> classes = new HashMap<>();
		for (String line : text.split("\n")) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length >= 4 && parts[0].endsWith(":")) {
				classes.put(parts[3], new long[] { Long.parseLong(parts[1]), Long.parseLong(parts[2]) });
			}
		}
		return classes;
	}

	// ------------------------------------------------------------------ printing

	private static void print(ClosedLoop.Result result) {
		System.out.printf(Locale.ROOT, "  %-16s in flight %4d: %12s calls/s  p50 %9s  p99 %9s  (%d calls in %.1fs, %d failed)%n",
				result.name(), result.inFlight(), rate(result.callsPerSecond()), micros(result.p50Nanos()),
				micros(result.p99Nanos()), result.calls(), result.seconds(), result.failed());
	}

	private static String failures(ClosedLoop.Result result) {
		return (result.failed() > 0) ? " (" + result.failed() + " failed)" : "";
	}

	private static String rate(double perSecond) {
		if (perSecond >= 1000) {
			return String.format(Locale.ROOT, "%.1fk", perSecond / 1000);
		}
		return String.format(Locale.ROOT, "%.0f", perSecond);
	}

	private static String micros(long nanos) {
		if (nanos >= 10_000_000) {
			return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
		}
		return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
	}

}
