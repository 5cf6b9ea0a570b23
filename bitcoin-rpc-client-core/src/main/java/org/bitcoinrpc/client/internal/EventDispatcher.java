package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinEventListener;
import org.bitcoinrpc.client.ConnectionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Hands events to listeners on one thread of its own, in the order they happened, so a slow
 * listener never stalls the connection's reader (and with it the replies to calls).
 * Notifications are decoded on that thread too, keeping the reader's work to a queue insert.
 * <p>
 * Policy when listeners fall behind: {@code queueSize} events may wait; past that, new events
 * are dropped and counted in {@link #dropped()}, except block and connection events, which are
 * always queued (the queue may then hold more than {@code queueSize} events). Those are
 * {@link ConnectionEvent}s and the events that say so themselves
 * ({@link BitcoinEvent#mustBeDelivered()}): block events whatever their source, and reports of
 * missed blocks. They are rare, and a listener that follows the chain needs every
 * one. This class knows no source: ZMQ, the websocket and followers only hand it events.
 * <p>
 * Drops are logged at WARN at most once a second, on the thread that dropped the event (usually
 * the reader), with how many were dropped since the previous line and in all. Drops after the last
 * line are reported by the next drop, or when the event thread next delivers, once a second has
 * passed.
 * <p>
 * Threads: any thread dispatches (the reader, the watchdog, a ZMQ subscriber through the client);
 * one thread delivers. {@link #backlog} is incremented by dispatchers and decremented by the event
 * thread; the warning's state is written under {@link #warningLock}.
 */
public final class EventDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(EventDispatcher.class);

	/** The shortest time between two warnings about dropped events. */
	private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	/** Added and removed from any thread; iterated by the event thread. */
	private final List<BitcoinEventListener> listeners = new CopyOnWriteArrayList<>();

	private final ThreadPoolExecutor executor;

	private final NotificationDecoder decoder = new NotificationDecoder();

	private final int queueSize;

	private final LongSupplier nanoClock;

	/** Events queued and not yet taken by the event thread; the bound applies to it. */
	private final AtomicInteger backlog = new AtomicInteger();

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong notifications = new AtomicLong();

	private final Object warningLock = new Object();

	/** {@link #nanoClock} time of the last warning. Written under {@link #warningLock}, read anywhere. */
	private volatile long lastWarning;

	/** {@link #dropped} as of the last warning. Written under {@link #warningLock}, read anywhere. */
	private volatile long droppedAtWarning;

	public EventDispatcher(int queueSize, String threadName) {
		this(queueSize, threadName, System::nanoTime);
	}

	/** For tests: with a clock of their own for the warnings' rate limit. */
	EventDispatcher(int queueSize, String threadName, LongSupplier nanoClock) {
		this.queueSize = queueSize;
		this.nanoClock = nanoClock;
		this.lastWarning = nanoClock.getAsLong() - WARNING_INTERVAL_NANOS;
		// Unbounded: the bound is kept by backlog, so that exempt events can always be queued.
		// Rejected only once shut down; those events are discarded, not counted as dropped.
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
				(runnable) -> {
					Thread thread = new Thread(runnable, threadName);
					thread.setDaemon(true);
					return thread;
				}, (runnable, executor) -> this.backlog.decrementAndGet());
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
		if (admit(isBlockNotification(method))) {
			this.executor.execute(() -> {
				this.backlog.decrementAndGet();
				deliver(this.decoder.decode(method, params));
			});
		}
	}

	/** Queues an event; never blocks the caller. */
	public void dispatch(BitcoinEvent event) {
		if (admit(isExempt(event))) {
			this.executor.execute(() -> {
				this.backlog.decrementAndGet();
				deliver(event);
			});
		}
	}

	/** Whether an event may be queued; counts and reports it as dropped if not. */
	private boolean admit(boolean exempt) {
		if (this.backlog.incrementAndGet() <= this.queueSize || exempt) {
			return true;
		}
		this.backlog.decrementAndGet();
		if (!this.executor.isShutdown()) {
			this.dropped.incrementAndGet();
			warnIfDue();
		}
		return false;
	}

	/** Whether an event is queued even past the bound: block and connection events. */
	static boolean isExempt(BitcoinEvent event) {
		// The event says so itself: this queue knows no source (websocket, ZMQ, a follower).
		return event instanceof ConnectionEvent || event.mustBeDelivered();
	}

	/** Whether a raw notification is a block notification, queued even past the bound. */
	static boolean isBlockNotification(String method) {
		return switch (method) {
			case "blockconnected", "blockdisconnected", "filteredblockconnected", "filteredblockdisconnected" -> true;
			default -> false;
		};
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
		if (this.dropped.get() != this.droppedAtWarning) {
			warnIfDue();
		}
	}

	/** Logs the drops not yet reported, unless a warning was logged less than a second ago. */
	private void warnIfDue() {
		long now = this.nanoClock.getAsLong();
		if (now - this.lastWarning < WARNING_INTERVAL_NANOS) {
			return;
		}
		long total;
		long since;
		synchronized (this.warningLock) {
			total = this.dropped.get();
			since = total - this.droppedAtWarning;
			if (now - this.lastWarning < WARNING_INTERVAL_NANOS || since == 0) {
				return;
			}
			this.lastWarning = now;
			this.droppedAtWarning = total;
		}
		logger.warn("Event listeners fell more than {} events behind; events dropped since the last warning: {} "
				+ "({} in all); block and connection events are still queued", this.queueSize, since, total);
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
