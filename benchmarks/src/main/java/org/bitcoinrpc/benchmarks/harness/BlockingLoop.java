package org.bitcoinrpc.benchmarks.harness;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The blocking counterpart of {@link ClosedLoop}: {@code callers} threads, each making one blocking
 * call after another, as an application's request threads do. After a warm-up, the calls that end
 * in the measured window are counted with their latencies; {@link ClosedLoop.Window} is told when
 * the window opens and closes. Bounded by time and calls; gives up after 5 s without a completion
 * (every caller's call must time out by itself before that matters).
 */
final class BlockingLoop {

	/** One blocking call; true when it succeeded. */
	@FunctionalInterface
	interface Call {

		boolean call() throws Exception;

	}

	private BlockingLoop() {
	}

	static ClosedLoop.Result run(String name, Call call, int callers, Duration warmup, Duration measure, long maxCalls,
			ClosedLoop.Window window) throws InterruptedException {
		LatencyHistogram latencies = new LatencyHistogram();
		AtomicLong measured = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicLong started = new AtomicLong();
		AtomicLong lastCompletion = new AtomicLong(System.nanoTime());
		State state = new State();
		Thread[] threads = new Thread[callers];
		for (int i = 0; i < callers; i++) {
			threads[i] = new Thread(() -> {
				while (!state.stop && started.incrementAndGet() <= maxCalls) {
					long start = System.nanoTime();
					boolean ok;
					try {
						ok = call.call();
					}
					catch (Exception ex) {
						ok = false;
						if (failed.get() == 0) {
							System.err.println(name + ": " + ex);
						}
					}
					long end = System.nanoTime();
					lastCompletion.set(end);
					if (!ok) {
						failed.incrementAndGet();
					}
					if (state.measuring) {
						latencies.record(end - start);
						measured.incrementAndGet();
					}
				}
			}, "caller-" + name + "-" + i);
			threads[i].setDaemon(true);
		}
		long begin = System.nanoTime();
		for (Thread thread : threads) {
			thread.start();
		}
		sleepUntil(begin + warmup.toNanos(), lastCompletion, name);
		latencies.reset();
		measured.set(0);
		window.opened();
		long measureStart = System.nanoTime();
		state.measuring = true;
		long endNanos = measureStart + measure.toNanos();
		while (System.nanoTime() < endNanos && started.get() < maxCalls) {
			if (!sleepUntil(Math.min(endNanos, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100)), lastCompletion, name)) {
				break;
			}
		}
		state.measuring = false;
		long measureEnd = System.nanoTime();
		window.closed();
		state.stop = true;
		long calls = measured.get();
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(10));
			if (thread.isAlive()) {
				System.err.println(name + ": " + thread.getName() + " still in a call after the run");
			}
		}
		return new ClosedLoop.Result(name, callers, calls, (measureEnd - measureStart) / 1e9, failed.get(),
				latencies.percentile(0.50), latencies.percentile(0.99));
	}

	/** Sleeps until {@code deadline}; false when nothing completed for 5 s. */
	private static boolean sleepUntil(long deadline, AtomicLong lastCompletion, String name) throws InterruptedException {
		long now;
		while ((now = System.nanoTime()) < deadline) {
			if (now - lastCompletion.get() > TimeUnit.SECONDS.toNanos(5)) {
				System.err.println(name + ": no call completed for 5 s; stopping this run");
				return false;
			}
			Thread.sleep(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(deadline - now))));
		}
		return true;
	}

	/** Written by the driver, read by the callers. */
	private static final class State {

		volatile boolean measuring;

		volatile boolean stop;

	}

}
