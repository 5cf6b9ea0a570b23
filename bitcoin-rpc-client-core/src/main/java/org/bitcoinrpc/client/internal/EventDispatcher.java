package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Hands events to listeners on one thread of its own, in the order they happened, so a slow
 * listener never stalls the connection's reader (and with it the replies to calls).
 * Notifications are decoded on that thread too, keeping the reader's work to a queue insert.
 * <p>
 * Policy when listeners fall behind: the queue holds {@code queueSize} events; past that, new
 * events are dropped, counted in {@link #dropped()}, and logged at WARN.
 */
public final class EventDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(EventDispatcher.class);

	/** Added and removed from any thread; iterated by the event thread. */
	private final List<BitcoinEventListener> listeners = new CopyOnWriteArrayList<>();

	private final ThreadPoolExecutor executor;

	private final NotificationDecoder decoder = new NotificationDecoder();

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong notifications = new AtomicLong();

	public EventDispatcher(int queueSize, String threadName) {
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueSize),
				(runnable) -> {
					Thread thread = new Thread(runnable, threadName);
					thread.setDaemon(true);
					return thread;
				}, (runnable, executor) -> {
					if (executor.isShutdown()) {
						return;
					}
					long count = this.dropped.incrementAndGet();
					logger.warn("Event listeners are {} events behind; dropped one ({} dropped in all)", queueSize, count);
				});
	}

	public void addListener(BitcoinEventListener listener) {
		this.listeners.add(listener);
	}

	public void removeListener(BitcoinEventListener listener) {
		this.listeners.remove(listener);
	}

	/** Queues a raw notification from the node; never blocks the caller (the reader). */
	public void dispatchNotification(String method, JsonNode params) {
		this.notifications.incrementAndGet();
		this.executor.execute(() -> deliver(this.decoder.decode(method, params)));
	}

	/** Queues an event; never blocks the caller. */
	public void dispatch(BitcoinEvent event) {
		this.executor.execute(() -> deliver(event));
	}

	private void deliver(BitcoinEvent event) {
		for (BitcoinEventListener listener : this.listeners) {
			try {
				listener.onEvent(event);
			}
			catch (RuntimeException | LinkageError | AssertionError ex) {
				logger.warn("Event listener {} failed on {}", listener, event, ex);
			}
		}
	}

	/** Events dropped because the queue was full. */
	public long dropped() {
		return this.dropped.get();
	}

	/** Notifications received from the node. */
	public long notificationsReceived() {
		return this.notifications.get();
	}

	/** Stops taking events; those queued are still delivered. */
	public void shutdown() {
		this.executor.shutdown();
	}

	public boolean awaitTermination(Duration timeout) throws InterruptedException {
		return this.executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

}
