package org.bitcoinrpc.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.bitcoinrpc.benchmarks.stub.LargeBlockReply;
import org.bitcoinrpc.benchmarks.stub.NettyStubServer;
import org.bitcoinrpc.benchmarks.stub.StubProcess;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;

/**
 * Section 4 end to end: the ~6.29 MB {@code getblock <hash> 2} reply of {@link LargeBlockReply}
 * (btcd's, 4,147 transactions) through the whole client, socket to {@code BlockWithTransactions},
 * where {@code BlockDecodeBenchmark} measures the decoding alone. What a transport does with a
 * large reply (how it collects the frames or the body, how often it copies them, what it keeps
 * afterwards) only shows here. The stub is {@link NettyStubServer} in a child JVM, which sends the
 * reply by reference, so that this JVM's CPU time and allocation are the client's alone.
 * <p>
 * For the websocket and HTTP (keep-alive), 1 and 4 calls in flight ({@link ClosedLoop}); the first
 * load of each transport has one round more, not counted, to warm up both JVMs; then
 * {@code harness.rounds} rounds alternating the loads, each {@code harness.warmup} s of warm-up and
 * {@code harness.measure} s measured; the median round counts. Per round: blocks per second, the
 * p50 latency, MB/s of reply, this JVM's CPU time and allocation per block ({@link ResourceMeter})
 * and the stub's CPU time per block. After a transport's rounds, the heap after GC with the client
 * still open, against the heap before it was created: what the client holds on to after large
 * replies.
 * <p>
 * It uses only client API that the client on Jetty (commit eeeb554) had too, so that this file
 * builds against both it and the client on Netty, and the two can be compared on one machine.
 * {@code -Dlarge.transports=ws} or {@code http} runs one of the two alone.
 */
final class LargeReplyHarness {

	private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("harness.warmup", 3));

	private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("harness.measure", 8));

	private static final int ROUNDS = Integer.getInteger("harness.rounds", 3);

	private static final List<String> TRANSPORTS = List.of(System.getProperty("large.transports", "ws,http").split(","));

	private static final int[] IN_FLIGHT = Arrays.stream(System.getProperty("large.inflight", "1,4").split(","))
		.mapToInt(Integer::parseInt).toArray();

	/** Well above the reply, as an application expecting large blocks would set it. */
	private static final int MAX_RESPONSE_SIZE = 32 * 1024 * 1024;

	private static final long MAX_CALLS = 1_000_000;

	private static final String USER = "user";

	private static final String PASSWORD = "pass";

	private record Key(String transport, int inFlight) {

	}

	private record Round(ClosedLoop.Result result, ResourceMeter.Usage usage) {

		double blocksPerSecond() {
			return this.result.callsPerSecond();
		}

		double p50Millis() {
			return this.result.p50Nanos() / 1e6;
		}

		double cpuMillisPerBlock() {
			return perBlock(this.usage.cpuNanos()) / 1e6;
		}

		double allocatedMbPerBlock() {
			return perBlock(this.usage.allocatedBytes()) / 1e6;
		}

		double stubCpuMillisPerBlock() {
			return (this.usage.stubCpuNanos() < 0) ? Double.NaN : perBlock(this.usage.stubCpuNanos()) / 1e6;
		}

		private double perBlock(long total) {
			return (this.result.calls() > 0) ? (double) total / this.result.calls() : Double.NaN;
		}

	}

	/** Heap after GC with the client open, and before it was created. */
	private record Heap(long withClient, long before) {

	}

	private final Map<Key, List<Round>> rounds = new LinkedHashMap<>();

	private final Map<String, Heap> heaps = new LinkedHashMap<>();

	private final String hash;

	private final int transactions;

	/** Bytes of one reply, for MB/s. */
	private final int replyBytes;

	private LargeReplyHarness(LargeBlockReply reply) {
		this.hash = reply.hash();
		this.transactions = reply.transactions();
		this.replyBytes = reply.size();
	}

	static void run(List<String[]> rows) throws Exception {
		// The same reply as the stub's, built here only for its hash, size and transaction count.
		LargeReplyHarness harness = new LargeReplyHarness(LargeBlockReply.build());
		System.out.println();
		System.out.printf(Locale.ROOT, "== 4. Large replies end to end: getblock <hash> 2 answered with %.2f MB (%d transactions,"
				+ " btcd) by a Netty stub in a child JVM; median of %d rounds, %d s warm-up + %d s measured each ==%n",
				harness.replyBytes / 1e6, harness.transactions, ROUNDS, WARMUP.toSeconds(), MEASURE.toSeconds());
		System.out.println("  client classes from " + BitcoinRpcClient.class.getProtectionDomain().getCodeSource().getLocation()
				+ "; CPU and allocation: this JVM only, per block");
		for (String transport : TRANSPORTS) {
			harness.measure(transport);
		}
		harness.table(rows);
	}

	private void measure(String transport) throws Exception {
		String kind = switch (transport) {
			case "ws" -> "netty-ws";
			case "http" -> "netty-http";
			default -> throw new IllegalArgumentException("large.transports holds ws and http, not " + transport);
		};
		String label = transport.equals("ws") ? "websocket" : "HTTP";
		System.out.println();
		System.out.println("  -- " + label + " --");
		try (StubProcess stub = StubProcess.start(kind + StubProcess.LARGE)) {
			long before = heapAfterGc();
			ClientOptions.Builder options = ClientOptions.builder().url(stub.url()).maxResponseSize(MAX_RESPONSE_SIZE);
			if (transport.equals("ws")) {
				options.reconnect(false);
			}
			else {
				options.user(USER).password(PASSWORD);
			}
			try (BitcoinRpcClient client = BitcoinRpcClient.create(options.build())) {
				client.connect();
				if (client.getBlockWithTransactions(this.hash).transactions().size() != this.transactions) {
					throw new IllegalStateException("the client decoded a block of another size than the stub's");
				}
				ResourceMeter meter = new ResourceMeter(stub);
				ClosedLoop loop = new ClosedLoop();
				ClosedLoop.Sender sender = (l, start) -> client.getBlockWithTransactionsAsync(this.hash)
					.whenComplete((block, failure) -> l.completed(start,
							failure == null && block != null && block.transactions().size() == this.transactions));
				for (int round = 0; round <= ROUNDS; round++) {
					for (int inFlight : IN_FLIGHT) {
						if (round == 0 && inFlight != IN_FLIGHT[0]) {
							continue;
						}
						ClosedLoop.Result result = loop.run(transport + "-" + inFlight, sender, inFlight, WARMUP, MEASURE, MAX_CALLS,
								meter);
						Round measured = new Round(result, meter.usage());
						if (round > 0) {
							this.rounds.computeIfAbsent(new Key(label, inFlight), (key) -> new ArrayList<>()).add(measured);
						}
						print(label, inFlight, round, measured);
					}
				}
				long withClient = heapAfterGc();
				this.heaps.put(label, new Heap(withClient, before));
				System.out.printf(Locale.ROOT, "  %-9s heap after GC: %.1f MB with the client open, %.1f MB before it was created%n",
						label, withClient / 1e6, before / 1e6);
			}
		}
	}

	private void print(String label, int inFlight, int round, Round measured) {
		ClosedLoop.Result result = measured.result();
		System.out.printf(Locale.ROOT,
				"  %-9s %d in flight  %-8s %7.1f blocks/s  p50 %7.1f ms  %6.1f MB/s  CPU %6.1f ms/block  alloc %6.1f MB/block"
						+ "  stub CPU %5.2f ms/block  (%d blocks in %.1f s%s)%n",
				label, inFlight, (round == 0) ? "warm-up:" : "round " + round + ":", measured.blocksPerSecond(), measured.p50Millis(),
				megabytesPerSecond(measured.blocksPerSecond()), measured.cpuMillisPerBlock(), measured.allocatedMbPerBlock(),
				measured.stubCpuMillisPerBlock(), result.calls(), result.seconds(),
				(result.failed() > 0) ? ", " + result.failed() + " failed" : "");
	}

	private double megabytesPerSecond(double blocksPerSecond) {
		return blocksPerSecond * this.replyBytes / 1e6;
	}

	private void table(List<String[]> rows) {
		System.out.println();
		System.out.println("| Transport | In flight | Blocks/s, median (min–max) | p50 ms/block | MB/s | Client CPU ms/block "
				+ "| Alloc MB/block | Stub CPU ms/block | Failed |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		for (Map.Entry<Key, List<Round>> entry : this.rounds.entrySet()) {
			Key key = entry.getKey();
			List<Round> list = entry.getValue();
			double[] rates = sorted(list, Round::blocksPerSecond);
			double rate = median(rates);
			double p50 = median(sorted(list, Round::p50Millis));
			double cpu = median(sorted(list, Round::cpuMillisPerBlock));
			double allocated = median(sorted(list, Round::allocatedMbPerBlock));
			long failed = list.stream().mapToLong((round) -> round.result().failed()).sum();
			System.out.printf(Locale.ROOT, "| %s | %d | **%.1f** (%.1f–%.1f) | %.1f | %.0f | %.1f | %.1f | %.2f | %d |%n", key.transport(),
					key.inFlight(), rate, rates[0], rates[rates.length - 1], p50, megabytesPerSecond(rate), cpu, allocated,
					median(sorted(list, Round::stubCpuMillisPerBlock)), failed);
			rows.add(new String[] { "4", String.format(Locale.ROOT, "%.2f MB getblock 2 end to end, %s, %d in flight (median of %d)",
					this.replyBytes / 1e6, key.transport(), key.inFlight(), ROUNDS),
					String.format(Locale.ROOT, "**%.1f blocks/s** (%.0f MB/s), p50 %.1f ms; per block: CPU %.1f ms, alloc %.1f MB%s", rate,
							megabytesPerSecond(rate), p50, cpu, allocated, (failed > 0) ? " (" + failed + " failed)" : ""),
					"(reported)", "-" });
		}
		System.out.println();
		this.heaps.forEach((label, heap) -> {
			System.out.printf(Locale.ROOT, "Heap after GC, %s: %.1f MB with the client open after the runs (%.1f MB before it was created:"
					+ " %+.1f MB)%n", label, heap.withClient() / 1e6, heap.before() / 1e6, (heap.withClient() - heap.before()) / 1e6);
			rows.add(new String[] { "4", "large replies, " + label + ": heap after GC with the client open after the runs",
					String.format(Locale.ROOT, "%.1f MB (%+.1f MB over the heap before the client)", heap.withClient() / 1e6,
							(heap.withClient() - heap.before()) / 1e6),
					"(reported)", "-" });
		});
	}

	private static double[] sorted(List<Round> rounds, ToDoubleFunction<Round> value) {
		return rounds.stream().mapToDouble(value).sorted().toArray();
	}

	/** The middle value (the mean of the two middle ones for an even count). */
	private static double median(double[] sorted) {
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** The lowest heap in use over a few collections (as {@code LoadHarness}'s section 6 takes it). */
	private static long heapAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			Thread.sleep(200);
			used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
