package org.bitcoinrpc.benchmarks.harness;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load keeping exactly {@code inFlight} calls outstanding: the driver starts
 * {@code inFlight} calls, and each successful completion starts the next call right away on the
 * thread that completed it (the client's or Jetty's reader), with no hand-off to another thread.
 * A failed call is restarted by the driver thread instead, so that a call failing synchronously
 * cannot recurse. After a warm-up the latencies and completions of a measured window are counted.
 * Bounded by time and by a maximum number of calls; gives up when nothing completes for 5 s.
 */
final class ClosedLoop {

	/** Starts one call; its completion must call {@link ClosedLoop#completed} exactly once. */
	interface Sender {

		void send(ClosedLoop loop, long startNanos);

	}

	/**
	 * Told when the measured window opens and closes, on the driver thread, so that resource use
	 * (CPU, allocation) can be taken over exactly the calls counted.
	 */
	interface Window {

		Window NONE = new Window() {

			@Override
			public void opened() {
			}

			@Override
			public void closed() {
			}

		};

		void opened();

		void closed();

	}

	/** What a run measured. */
	record Result(String name, int inFlight, long calls, double seconds, long failed, long p50Nanos, long p99Nanos) {

		double callsPerSecond() {
			return this.calls / this.seconds;
		}

	}

	private final LatencyHistogram latencies = new LatencyHistogram();

	private final AtomicLong measured = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong started = new AtomicLong();

	private final AtomicInteger outstanding = new AtomicInteger();

	private final AtomicLong lastCompletion = new AtomicLong();

	private volatile boolean measuring;

	private volatile long endNanos;

	private volatile long maxCalls;

	private volatile Sender sender;

	private volatile Semaphore retries = new Semaphore(0);

	/** Called by the sender's completion, on any thread: records it and starts the next call. */
	void completed(long startNanos, boolean ok) {
		long now = System.nanoTime();
		if (this.measuring) {
			this.latencies.record(now - startNanos);
			this.measured.incrementAndGet();
		}
		this.lastCompletion.set(now);
		this.outstanding.decrementAndGet();
		if (!ok) {
			this.failed.incrementAndGet();
		}
		if (now < this.endNanos && this.started.get() < this.maxCalls) {
			if (ok) {
				start();
			}
			else {
				this.retries.release();
			}
		}
	}

	private void start() {
		this.outstanding.incrementAndGet();
		this.started.incrementAndGet();
		this.sender.send(this, System.nanoTime());
	}

	Result run(String name, Sender sender, int inFlight, Duration warmup, Duration measure, long maxCalls)
			throws InterruptedException {
		return run(name, sender, inFlight, warmup, measure, maxCalls, Window.NONE);
	}

	Result run(String name, Sender sender, int inFlight, Duration warmup, Duration measure, long maxCalls, Window window)
			throws InterruptedException {
		this.sender = sender;
		this.retries = new Semaphore(0);
		this.latencies.reset();
		this.measured.set(0);
		this.failed.set(0);
		this.started.set(0);
		this.outstanding.set(0);
		this.measuring = false;
		this.maxCalls = maxCalls;
		long begin = System.nanoTime();
		long warmEnd = begin + warmup.toNanos();
		this.endNanos = warmEnd + measure.toNanos();
		this.lastCompletion.set(begin);
		for (int i = 0; i < inFlight; i++) {
			start();
		}
		long measureStart = warmEnd;
		boolean windowOpen = false;
		boolean stalled = false;
		while (true) {
			long now = System.nanoTime();
			if (!this.measuring && now >= warmEnd) {
				this.latencies.reset();
				this.measured.set(0);
				window.opened();
				windowOpen = true;
				measureStart = System.nanoTime();
				this.measuring = true;
			}
			if (now >= this.endNanos || this.started.get() >= maxCalls) {
				break;
			}
			if (now - this.lastCompletion.get() > TimeUnit.SECONDS.toNanos(5)) {
				System.err.println(name + ": no call completed for 5 s; stopping this run");
				stalled = true;
				break;
			}
			long next = this.measuring ? this.endNanos : warmEnd;
			long waitMillis = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(next - now), 100));
			if (this.retries.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
				start();
			}
		}
		long measureEnd = System.nanoTime();
		this.measuring = false;
		if (windowOpen) {
			window.closed();
		}
		this.endNanos = measureEnd;
		long calls = this.measured.get();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.outstanding.get() > 0 && System.nanoTime() < deadline && !stalled) {
			Thread.sleep(1);
		}
		if (this.outstanding.get() > 0) {
			System.err.println(name + ": " + this.outstanding.get() + " calls still outstanding after the run");
		}
		return new Result(name, inFlight, calls, (measureEnd - measureStart) / 1e9, this.failed.get(),
				this.latencies.percentile(0.50), this.latencies.percentile(0.99));
	}

}
