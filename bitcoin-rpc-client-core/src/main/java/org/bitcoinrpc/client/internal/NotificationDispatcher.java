package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bitcoinrpc.client.RawNotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Hands notifications to listeners on one thread of its own, so a slow listener never stalls the
 * connection's reader (and with it the replies to calls).
 * <p>
 * Policy when listeners fall behind: the queue holds {@code queueSize} notifications; past that,
 * new notifications are dropped, counted in {@link #dropped()}, and logged at WARN.
 */
public final class NotificationDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDispatcher.class);

	/** Added and removed from any thread; iterated by the dispatch thread. */
	private final List<RawNotificationListener> listeners = new CopyOnWriteArrayList<>();

	private final ThreadPoolExecutor executor;

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong delivered = new AtomicLong();

	public NotificationDispatcher(int queueSize, String threadName) {
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueSize),
				(runnable) -> {
					Thread thread = new Thread(runnable, threadName);
					thread.setDaemon(true);
					return thread;
				}, (runnable, executor) -> {
					long count = this.dropped.incrementAndGet();
					if (!executor.isShutdown()) {
						logger.warn("Notification listeners are {} notifications behind; dropped one ({} dropped in all)",
								queueSize, count);
					}
				});
	}

	public void addListener(RawNotificationListener listener) {
		this.listeners.add(listener);
	}

	public void removeListener(RawNotificationListener listener) {
		this.listeners.remove(listener);
	}

	/** Queues a notification for the listeners; never blocks the caller (the reader). */
	public void dispatch(String method, JsonNode params) {
		if (this.listeners.isEmpty()) {
			return;
		}
		this.executor.execute(() -> deliver(method, params));
	}

	private void deliver(String method, JsonNode params) {
		for (RawNotificationListener listener : this.listeners) {
			try {
				listener.onNotification(method, params);
			}
			catch (RuntimeException | Error ex) {
				if (ex instanceof VirtualMachineError) {
					throw ex;
				}
				logger.warn("Notification listener {} failed on {}", listener, method, ex);
			}
		}
		this.delivered.incrementAndGet();
	}

	/** Notifications dropped because the queue was full. */
	public long dropped() {
		return this.dropped.get();
	}

	/** Notifications handed to every listener. */
	public long delivered() {
		return this.delivered.get();
	}

	/** Stops taking notifications; those queued are still delivered. */
	public void shutdown() {
		this.executor.shutdown();
	}

	public boolean awaitTermination(Duration timeout) throws InterruptedException {
		return this.executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

}
