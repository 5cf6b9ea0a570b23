package org.bitcoinrpc.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcoinrpc.benchmarks.stub.StubProcess;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.client.follow.FollowerEvent;
import org.bitcoinrpc.client.follow.StartPoint;
import org.bitcoinrpc.client.model.BlockHeader;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.test.SimulatedNode;

/**
 * Issue 13: catching up {@value #DEFAULT_BLOCKS} blocks. A {@link ChainFollower} started at height 1
 * walks to the node's tip (headers only; and with a handler that fetches each full block, which is
 * what a user does until the follower has a full-block mode), against the same number of plain
 * calls made one at a time, following {@code nextblockhash} as a user would: {@code getblockheader}
 * and {@code getblock <hash> 2}. Over the websocket, over HTTP with a connection per call (btcd
 * closes the connection after each reply) and over HTTP with keep-alive (as Bitcoin Core).
 * <p>
 * The server is a {@link SimulatedNode} in a JVM of its own ({@link StubProcess#startNode(int)}):
 * this JVM's heap is then the client's only, and the node's CPU time is read from the child. Both
 * sides of every ratio talk to the same node. Before the timed runs, a node in this JVM with a
 * short chain counts the requests per block each mode makes.
 * <p>
 * Each mode runs once to warm up, then {@code harness.rounds} alternating rounds; the best round
 * counts. A second pass measures the heap: a thread runs {@code System.gc()} every
 * {@value #SAMPLE_MILLIS} ms during a catch-up and keeps the highest heap in use after it.
 */
final class CatchUpHarness {

	private static final int DEFAULT_BLOCKS = 10_000;

	private static final int BLOCKS = Integer.getInteger("catchup.blocks", DEFAULT_BLOCKS);

	private static final int ROUNDS = Integer.getInteger("harness.rounds", 3);

	/** Upper bound on one catch-up, whatever happens. */
	private static final Duration RUN_LIMIT = Duration.ofSeconds(120);

	private static final long SAMPLE_MILLIS = 50;

	/** The height the request-count check uses. */
	private static final int COUNT_BLOCKS = 1_000;

	/** The modes, in the order they alternate within a round. */
	private enum Mode {

		FOLLOWER("follower, headers only", "getblockheader"),

		FOLLOWER_FULL("follower + getblock 2 in the handler", "getblock"),

		FOLLOWER_BLOCKS("follower, full blocks (prefetch 4)", "getblock"),

		HEADERS("getblockheader one at a time", "getblockheader"),

		BLOCKS_2("getblock 2 one at a time", "getblock");

		final String label;

		/** The baseline of the same content: the ratio is this mode's rate over that of the plain calls. */
		final String content;

		Mode(String label, String content) {
			this.label = label;
			this.content = content;
		}

	}

	private record Result(Mode mode, String transport, long blocks, long nanos, long clientCpu, long nodeCpu) {

		double blocksPerSecond() {
			return this.blocks / (this.nanos / 1e9);
		}

	}

	private CatchUpHarness() {
	}

	static void run(List<String[]> rows) throws Exception {
		System.out.println();
		System.out.println("== 13. Catch-up of " + BLOCKS + " blocks: ChainFollower against plain calls one at a time"
				+ " (SimulatedNode in a child JVM; best of " + ROUNDS + " alternating rounds after one warm-up) ==");
		countRequests();
		Map<String, Result> best = new LinkedHashMap<>();
		Map<String, long[]> heap = new LinkedHashMap<>();
		try (StubProcess node = StubProcess.startNode(BLOCKS)) {
			String[] urls = node.url().split(" ");
			for (String[] server : new String[][] { { "ws", urls[1] }, { "http-close", urls[0] }, { "http-keepalive", urls[2] } }) {
				String transport = server[0];
				String url = server[1];
				try (BitcoinRpcClient client = client(url)) {
					for (int round = 0; round <= ROUNDS; round++) {
						for (Mode mode : Mode.values()) {
							Result result = timed(client, mode, transport, node);
							print(result, (round == 0) ? " (warm-up)" : "");
							if (round > 0) {
								best.merge(transport + mode, result,
										(a, b) -> (b.blocksPerSecond() > a.blocksPerSecond()) ? b : a);
							}
						}
					}
					for (Mode mode : Mode.values()) {
						long[] held = heapDuring(client, mode);
						heap.put(transport + mode, held);
						System.out.printf(Locale.ROOT, "  %-14s %-38s heap after GC: %.1f MB before, peak %.1f MB during"
								+ " (%d samples): %+.2f MB held%n", transport, mode.label, held[0] / 1e6, held[1] / 1e6,
								held[2], (held[1] - held[0]) / 1e6);
					}
				}
			}
		}
		System.out.println();
		System.out.println("| Transport | Mode | Blocks/s (best of " + ROUNDS + ") | Ratio to the plain calls | "
				+ "CPU per block, client / node | Heap held (peak after GC - before) |");
		System.out.println("|---|---|---|---|---|---|");
		for (String transport : new String[] { "ws", "http-close", "http-keepalive" }) {
			for (Mode mode : Mode.values()) {
				Result result = best.get(transport + mode);
				Result plain = best.get(transport + ((mode.content.equals("getblock")) ? Mode.BLOCKS_2 : Mode.HEADERS));
				long[] held = heap.get(transport + mode);
				String line = String.format(Locale.ROOT, "| %s | %s | %s | %.2f of %s | %.0f / %.0f µs | %+.2f MB |",
						transport, mode.label, CatchUpHarness.rate(result.blocksPerSecond()),
						result.blocksPerSecond() / plain.blocksPerSecond(), plain.mode.label,
						result.clientCpu / 1e3 / result.blocks, result.nodeCpu / 1e3 / result.blocks,
						(held[1] - held[0]) / 1e6);
				System.out.println(line);
				rows.add(new String[] { "13", transport + ", " + mode.label + ": blocks/s, ratio to " + plain.mode.label,
						String.format(Locale.ROOT, "%s/s = %.2f; heap held %+.2f MB", rate(result.blocksPerSecond()),
								result.blocksPerSecond() / plain.blocksPerSecond(), (held[1] - held[0]) / 1e6),
						"(reported)", "-" });
			}
		}
	}

	private static BitcoinRpcClient client(String url) {
		BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder().url(url).user("user").password("pass")
			.reconnect(false).build());
		client.connect();
		return client;
	}

	// ------------------------------------------------------------------ the catch-ups

	/** One catch-up of every block from height 1 to the tip; returns the blocks handled. */
	private static long catchUp(BitcoinRpcClient client, Mode mode) throws Exception {
		return switch (mode) {
			case FOLLOWER -> follow(client, (change) -> {
			});
			case FOLLOWER_FULL -> follow(client, (change) -> {
				BlockWithTransactions block = client.getBlockWithTransactions(change.hash());
				if (block.transactions().isEmpty()) {
					throw new IllegalStateException("block " + change.hash() + " has no coinbase");
				}
			});
			case FOLLOWER_BLOCKS -> followBlocks(client);
			case HEADERS -> walk(client, (hash) -> client.getBlockHeader(hash).nextBlockHash());
			case BLOCKS_2 -> walk(client, (hash) -> client.getBlockWithTransactions(hash).nextBlockHash());
		};
	}

	/** The follower's own full-block mode: {@code getblock 2} fetched ahead of the handler. */
	private static long followBlocks(BitcoinRpcClient client) throws Exception {
		return follow(client, null);
	}

	/**
	 * A follower from height 1 until its first {@code CaughtUp}, with a store of its own; a null
	 * handler means the full-block mode.
	 */
	private static long follow(BitcoinRpcClient client, BlockHandler handler) throws Exception {
		AtomicLong handled = new AtomicLong();
		AtomicReference<FollowerEvent> end = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(1);
		ChainFollower.Builder builder = ChainFollower.builder(client)
			.name("bench")
			.store(CursorStore.inMemory())
			.startPoint(StartPoint.height(1))
			.pollInterval(Duration.ofSeconds(1));
		if (handler != null) {
			builder.handler((change) -> {
				handler.handle(change);
				handled.incrementAndGet();
			});
		}
		else {
			builder.fullBlocks((change, block) -> {
				if (block == null || block.transactions().isEmpty()) {
					throw new IllegalStateException("block " + change.hash() + " came without its coinbase");
				}
				handled.incrementAndGet();
			});
		}
		try (ChainFollower follower = builder
			.events((event) -> {
				if (event instanceof FollowerEvent.CaughtUp || event instanceof FollowerEvent.Stopped
						|| event instanceof FollowerEvent.HandlerFailed) {
					end.compareAndSet(null, event);
					done.countDown();
				}
			})
			.start()) {
			if (!done.await(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("the follower did not catch up in " + RUN_LIMIT + ", at " + follower.cursor());
			}
			if (!(end.get() instanceof FollowerEvent.CaughtUp caughtUp) || caughtUp.cursor().height() != BLOCKS) {
				throw new IllegalStateException("the follower ended with " + end.get());
			}
		}
		return handled.get();
	}

	/** What a user writes without the follower: one call per block, following {@code nextblockhash}. */
	private static long walk(BitcoinRpcClient client, Step step) throws Exception {
		String hash = client.getBlockHash(1);
		long blocks = 0;
		long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
		while (hash != null && blocks <= BLOCKS && System.nanoTime() < deadline) {
			hash = step.next(hash);
			blocks++;
		}
		if (hash != null) {
			throw new IllegalStateException("the walk did not reach the tip: " + blocks + " blocks");
		}
		return blocks;
	}

	@FunctionalInterface
	private interface Step {

		/** Fetches the block and returns its {@code nextblockhash}, null at the tip. */
		String next(String hash) throws Exception;

	}

	private static Result timed(BitcoinRpcClient client, Mode mode, String transport, StubProcess node) throws Exception {
		long nodeCpu = node.cpuNanos();
		long clientCpu = processCpuNanos();
		long start = System.nanoTime();
		long blocks = catchUp(client, mode);
		long nanos = System.nanoTime() - start;
		clientCpu = processCpuNanos() - clientCpu;
		nodeCpu = node.cpuNanos() - nodeCpu;
		if (blocks != BLOCKS) {
			throw new IllegalStateException(mode.label + " handled " + blocks + " blocks, not " + BLOCKS);
		}
		return new Result(mode, transport, blocks, nanos, clientCpu, nodeCpu);
	}

	/**
	 * {heap after GC before, highest heap after GC during, samples}: a thread runs a full GC every
	 * {@value #SAMPLE_MILLIS} ms while the catch-up runs.
	 */
	private static long[] heapDuring(BitcoinRpcClient client, Mode mode) throws Exception {
		long before = heapAfterGc();
		AtomicLong peak = new AtomicLong();
		AtomicLong samples = new AtomicLong();
		CountDownLatch stop = new CountDownLatch(1);
		Thread sampler = new Thread(() -> {
			try {
				do {
					System.gc();
					peak.accumulateAndGet(usedHeap(), Math::max);
					samples.incrementAndGet();
				}
				while (!stop.await(SAMPLE_MILLIS, TimeUnit.MILLISECONDS));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "catchup-heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		try {
			catchUp(client, mode);
		}
		finally {
			stop.countDown();
			sampler.join(TimeUnit.SECONDS.toMillis(10));
		}
		return new long[] { before, peak.get(), samples.get() };
	}

	// ------------------------------------------------------------------ requests per block

	/**
	 * Counts, on a node in this JVM with {@value #COUNT_BLOCKS} blocks, the requests each mode makes
	 * by method: evidence for "one call per block", taken apart from the timed runs.
	 */
	private static void countRequests() throws Exception {
		System.out.println("  requests per catch-up of " + COUNT_BLOCKS + " blocks (node in this JVM, websocket):");
		try (SimulatedNode node = SimulatedNode.builder().initialHeight(COUNT_BLOCKS).build().start();
				BitcoinRpcClient client = client(node.wsUrl())) {
			for (Mode mode : new Mode[] { Mode.FOLLOWER, Mode.HEADERS }) {
				Map<String, Long> before = counts(node);
				long blocks = catchUpCounted(client, mode);
				Map<String, Long> after = counts(node);
				StringBuilder line = new StringBuilder();
				after.forEach((method, count) -> {
					long delta = count - before.get(method);
					if (delta > 0) {
						line.append(String.format(Locale.ROOT, " %s %d (%.3f per block);", method, delta,
								delta / (double) blocks));
					}
				});
				System.out.printf(Locale.ROOT, "    %-38s %d blocks:%s%n", mode.label, blocks, line);
			}
		}
	}

	private static long catchUpCounted(BitcoinRpcClient client, Mode mode) throws Exception {
		return switch (mode) {
			case FOLLOWER -> {
				AtomicLong handled = new AtomicLong();
				CountDownLatch done = new CountDownLatch(1);
				try (ChainFollower follower = ChainFollower.builder(client).name("count").startPoint(StartPoint.height(1))
					.handler((change) -> handled.incrementAndGet())
					.events((event) -> {
						if (event instanceof FollowerEvent.CaughtUp) {
							done.countDown();
						}
					})
					.start()) {
					if (!done.await(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
						throw new IllegalStateException("the follower did not catch up, at " + follower.cursor());
					}
				}
				yield handled.get();
			}
			case HEADERS -> {
				String hash = client.getBlockHash(1);
				long blocks = 0;
				while (hash != null && blocks <= COUNT_BLOCKS) {
					BlockHeader header = client.getBlockHeader(hash);
					hash = header.nextBlockHash();
					blocks++;
				}
				yield blocks;
			}
			default -> throw new IllegalArgumentException(mode.name());
		};
	}

	private static Map<String, Long> counts(SimulatedNode node) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String method : List.of("getbestblockhash", "getblockhash", "getblockheader", "getblock", "notifyblocks")) {
			counts.put(method, node.requestCount(method));
		}
		return counts;
	}

	// ------------------------------------------------------------------ measuring

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long heapAfterGc() throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 4; i++) {
			System.gc();
			Thread.sleep(200);
			used = Math.min(used, usedHeap());
		}
		return used;
	}

	private static void print(Result result, String note) {
		System.out.printf(Locale.ROOT, "  %-14s %-38s %9s blocks/s  (%d blocks in %.2fs; CPU per block client %.0f µs,"
				+ " node %.0f µs)%s%n", result.transport, result.mode.label, rate(result.blocksPerSecond()), result.blocks,
				result.nanos / 1e9, result.clientCpu / 1e3 / result.blocks, result.nodeCpu / 1e3 / result.blocks, note);
	}

	private static String rate(double perSecond) {
		return (perSecond >= 1000) ? String.format(Locale.ROOT, "%.2fk", perSecond / 1000)
				: String.format(Locale.ROOT, "%.0f", perSecond);
	}

}
