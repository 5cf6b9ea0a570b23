package org.bitcoinrpc.client.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1,000 create / connect / call / close cycles against one node: threads, websocket sessions,
 * file descriptors and heap come back to where they started.
 */
class LeakTests {

	private static final int CYCLES = 1_000;

	private static final Duration TIME_BUDGET = Duration.ofSeconds(75);

	private static final int WORKERS = 4;

	private SimulatedNode node;

	@AfterEach
	void tearDown() {
		if (this.node != null) {
			this.node.close();
		}
	}

	@Test
	@Timeout(value = 150, unit = TimeUnit.SECONDS)
	void aThousandConnectCallCloseCyclesLeaveNothingBehind() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(7).build().start();
		ClientOptions options = ClientOptions.builder().url(this.node.wsUrl()).credentials("user", "pass")
			.requestTimeout(Duration.ofSeconds(10)).build();
		ClientOptions httpOptions = options.mutate().url(this.node.httpUrl()).build();
		Set<Thread> baseline = Reliability.clientThreads();
		// Warm up (class loading, JIT, Jetty's static pools), then take the other baselines.
		for (int i = 0; i < 20; i++) {
			cycle(i % 2 == 0 ? options : httpOptions);
		}
		Reliability.awaitNoNewClientThreads(baseline, Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.node.openWebSocketSessions() == 0);
		long fdBaseline = openFileDescriptors();
		long heapBaseline = usedHeapAfterGc();
		long threadsBaseline = Thread.activeCount();

		long started = System.nanoTime();
		long deadline = started + TIME_BUDGET.toNanos();
		AtomicInteger cycleCounter = new AtomicInteger();
		AtomicInteger maxSessionsSeen = new AtomicInteger();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		long heapAtTenth;
		try (LogCapture quiet = new LogCapture(Level.INFO, false, (line) -> {
		})) {
			// 1,000 "Connected"/"Shutting down" lines would drown the output.
			quiet.level("org.bitcoinrpc.client", Level.WARN);
			quiet.level("org.bitcoinrpc.test", Level.WARN);
			// Cycles run on a few workers at once, which also overlaps the clients' start and stop.
			heapAtTenth = runCycles(CYCLES / 10, cycleCounter, deadline, options, httpOptions, maxSessionsSeen, failures);
			runCycles(CYCLES, cycleCounter, deadline, options, httpOptions, maxSessionsSeen, failures);
		}
		int cycles = cycleCounter.get();
		long cycleMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(failures).as("failed cycles").isEmpty();
		Reliability.awaitNoNewClientThreads(baseline, Duration.ofSeconds(15));
		await("websocket sessions back to 0").atMost(Duration.ofSeconds(15)).until(() -> this.node.openWebSocketSessions() == 0);
		long fdAfter = awaitFileDescriptorsBelow(fdBaseline + 20);
		long heapAfter = usedHeapAfterGc();

		System.out.printf("[reliability] leaks: %d cycles in %d ms (%.1f ms each); client threads after: %s; websocket"
				+ " sessions now %d (at most %d seen right after a close); file descriptors %d -> %d; heap after GC %d KiB"
				+ " -> %d KiB at cycle %d -> %d KiB at the end; JVM threads %d -> %d%n", cycles, cycleMillis,
				(double) cycleMillis / Math.max(1, cycles), Reliability.newClientThreads(baseline),
				this.node.openWebSocketSessions(), maxSessionsSeen.get(), fdBaseline, fdAfter, heapBaseline / 1024,
				heapAtTenth / 1024, CYCLES / 10, heapAfter / 1024, threadsBaseline, Thread.activeCount());
		assertThat(cycles).as("cycles done within " + TIME_BUDGET).isEqualTo(CYCLES);
		assertThat(fdAfter).as(() -> "open file descriptors (baseline " + fdBaseline + "), now by kind: " + fileDescriptorKinds())
			.isLessThanOrEqualTo(fdBaseline + 20);
		// A leak of even 50 KiB per cycle would show as 50 MB here.
		assertThat(heapAfter - heapBaseline).as("heap growth over " + cycles + " cycles, bytes").isLessThan(32L * 1024 * 1024);
	}

	/** Runs cycles on {@link #WORKERS} threads until {@code upTo} were done; returns the heap used after a GC. */
	private long runCycles(int upTo, AtomicInteger counter, long deadline, ClientOptions options, ClientOptions httpOptions,
			AtomicInteger maxSessionsSeen, List<Throwable> failures) {
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < WORKERS; w++) {
			Thread worker = new Thread(() -> {
				int n;
				while (failures.isEmpty() && System.nanoTime() < deadline && (n = counter.incrementAndGet()) <= upTo) {
					try {
						// Every tenth cycle over HTTP POST, the rest over the websocket.
						cycle((n % 10 == 0) ? httpOptions : options);
					}
					catch (RuntimeException | AssertionError ex) {
						failures.add(ex);
					}
					maxSessionsSeen.accumulateAndGet(this.node.openWebSocketSessions(), Math::max);
				}
				counter.accumulateAndGet(upTo, Math::min);
			}, "leak-cycler-" + w);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			try {
				worker.join(TimeUnit.NANOSECONDS.toMillis(Math.max(1, deadline - System.nanoTime())) + 30_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return usedHeapAfterGc();
	}

	/** Create, connect, one call, close; close() waits for the client's threads. */
	private void cycle(ClientOptions options) {
		try (BitcoinRpcClient client = BitcoinRpcClient.create(options)) {
			client.connect();
			assertThat(client.getBlockCount()).isEqualTo(7);
		}
	}

	private static long openFileDescriptors() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
			return unix.getOpenFileDescriptorCount();
		}
		return 0;
	}

	/** What the open file descriptors are, counted by kind (socket, pipe, eventpoll, file), for a failure's message. */
	private static java.util.Map<String, Long> fileDescriptorKinds() {
		try (java.util.stream.Stream<java.nio.file.Path> fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
			return fds.map((fd) -> {
				try {
					String target = java.nio.file.Files.readSymbolicLink(fd).toString();
					return target.startsWith("/") ? "file" : target.replaceAll("[:\\[].*", "") + target.replaceAll("^[^:]*:\\[?([a-z_]*).*", ":$1");
				}
				catch (java.io.IOException ex) {
					return "gone";
				}
			}).collect(java.util.stream.Collectors.groupingBy((kind) -> kind, java.util.TreeMap::new,
					java.util.stream.Collectors.counting()));
		}
		catch (java.io.IOException ex) {
			return java.util.Map.of("unreadable: " + ex.getMessage(), 0L);
		}
	}

	private static long awaitFileDescriptorsBelow(long limit) {
		long[] last = new long[1];
		try {
			await("file descriptors back near the baseline").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
				.until(() -> {
					last[0] = openFileDescriptors();
					return last[0] <= limit;
				});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// Reported by the caller's assertion with the numbers.
		}
		return last[0];
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
