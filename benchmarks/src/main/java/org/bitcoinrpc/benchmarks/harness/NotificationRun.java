package org.bitcoinrpc.benchmarks.harness;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bitcoinrpc.benchmarks.stub.StubReplies;
import org.bitcoinrpc.client.BitcoinRpcClient;

/**
 * Counts the notifications one listener receives, and times a burst of them: the client asks the
 * stub for {@code count} notifications, and the run ends when each one was delivered to the
 * listener or dropped by the client's full queue. Shared by the plain listener and the Spring
 * {@code @EventListener}, so both are timed the same way.
 * <p>
 * {@link #record()} runs on the client's event thread; {@link #run} on the harness thread. The
 * counters are atomics because the two threads share them.
 */
final class NotificationRun {

	private final AtomicLong delivered = new AtomicLong();

	/** {@link System#nanoTime()} of the latest delivery. */
	private final AtomicLong last = new AtomicLong();

	/** One notification reached the listener. */
	void record() {
		this.delivered.incrementAndGet();
		this.last.set(System.nanoTime());
	}

	/**
	 * Triggers a burst through {@code client} and waits (at most 60 s) until every notification is
	 * accounted for.
	 * @return {delivered, dropped, nanoseconds from the trigger to the last delivery}
	 */
	long[] run(BitcoinRpcClient client, String kind, int count) throws Exception {
		this.delivered.set(0);
		long droppedBefore = client.droppedNotifications();
		long start = System.nanoTime();
		client.callAsync(StubReplies.NOTIFY_METHOD, List.of(count, kind), Long.class).get(10, TimeUnit.SECONDS);
		long deadline = start + TimeUnit.SECONDS.toNanos(60);
		while (this.delivered.get() + client.droppedNotifications() - droppedBefore < count && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		long end = (this.delivered.get() > 0) ? this.last.get() : System.nanoTime();
		return new long[] { this.delivered.get(), client.droppedNotifications() - droppedBefore, end - start };
	}

}
