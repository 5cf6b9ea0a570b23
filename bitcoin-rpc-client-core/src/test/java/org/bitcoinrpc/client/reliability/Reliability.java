package org.bitcoinrpc.client.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinEventListener;

import static org.awaitility.Awaitility.await;

/**
 * What the reliability tests share: seeds that can be overridden and are always printed, tallies,
 * the threads a client owns, and an event recorder.
 */
final class Reliability {

	/** Every thread a client starts has this in its name ("bitcoin-rpc-N-...", "bitcoin-rpc-shutdown"). */
	static final String CLIENT_THREAD_MARK = "bitcoin-rpc";

	private Reliability() {
	}

	/**
	 * The seed for one test: {@code -Dreliability.seed=N} overrides the default for every test, so
	 * that a failure seen with a printed seed can be replayed.
	 */
	static long seed(String test, long defaultSeed) {
		String override = System.getProperty("reliability.seed");
		long seed = (override != null && !override.isBlank()) ? Long.parseLong(override.trim()) : defaultSeed;
		System.out.printf("[reliability] %s: seed=%d (replay with -Dreliability.seed=%d)%n", test, seed, seed);
		return seed;
	}

	/** The live threads that belong to a client (by name), by identity. */
	static Set<Thread> clientThreads() {
		Set<Thread> threads = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().contains(CLIENT_THREAD_MARK) && thread.isAlive()) {
				threads.add(thread);
			}
		}
		return threads;
	}

	/** Client threads alive now that were not in {@code baseline}, by name. */
	static List<String> newClientThreads(Set<Thread> baseline) {
		List<String> names = new ArrayList<>();
		for (Thread thread : clientThreads()) {
			if (!baseline.contains(thread)) {
				names.add(thread.getName());
			}
		}
		Collections.sort(names);
		return names;
	}

	/** Waits (bounded) until every client thread started since {@code baseline} has ended. */
	static void awaitNoNewClientThreads(Set<Thread> baseline, Duration atMost) {
		await("client threads back to baseline").atMost(atMost).pollInterval(Duration.ofMillis(50))
			.until(() -> newClientThreads(baseline), List::isEmpty);
	}

	/** The cause a future failed with, unwrapped; {@code null} when it succeeded. */
	static Throwable failure(CompletableFuture<?> future) {
		if (!future.isDone()) {
			throw new IllegalStateException("future is not done");
		}
		try {
			future.get();
			return null;
		}
		catch (ExecutionException | CompletionException ex) {
			Throwable cause = ex.getCause();
			while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
				cause = cause.getCause();
			}
			return cause;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.CancellationException ex) {
			return ex;
		}
	}

	/** Named counters, printed sorted. Thread-safe. */
	static final class Tally {

		private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

		void add(String key) {
			add(key, 1);
		}

		void add(String key, long n) {
			this.counts.computeIfAbsent(key, (k) -> new AtomicLong()).addAndGet(n);
		}

		long get(String key) {
			AtomicLong count = this.counts.get(key);
			return (count != null) ? count.get() : 0;
		}

		long sumStartingWith(String prefix) {
			return this.counts.entrySet().stream().filter((e) -> e.getKey().startsWith(prefix))
				.mapToLong((e) -> e.getValue().get()).sum();
		}

		Map<String, Long> snapshot() {
			Map<String, Long> sorted = new TreeMap<>();
			this.counts.forEach((key, value) -> sorted.put(key, value.get()));
			return sorted;
		}

		void print(String title) {
			StringBuilder text = new StringBuilder("[reliability] ").append(title).append(":");
			snapshot().forEach((key, value) -> text.append(System.lineSeparator()).append("    ").append(key).append(" = ").append(value));
			System.out.println(text);
		}

	}

	/** Records every event in order. */
	static final class Events implements BitcoinEventListener {

		private final List<BitcoinEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void onEvent(BitcoinEvent event) {
			this.events.add(event);
		}

		<E extends BitcoinEvent> List<E> of(Class<E> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

		int count(Class<? extends BitcoinEvent> type) {
			return (int) this.events.stream().filter(type::isInstance).count();
		}

		List<BitcoinEvent> all() {
			return List.copyOf(this.events);
		}

	}

}
