package org.bitcoinrpc.client.internal;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bitcoinrpc.client.RpcRequestRejectedException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls awaiting a reply, by id, with a bound on how many there may be and a timeout each.
 * Completing a call takes no lock: any thread registers, the reader completes, the timer times
 * out, and {@code ConcurrentHashMap.remove} decides which of them wins.
 * <p>
 * Timeouts use one task on the timer, armed for the earliest deadline, rather than one task per
 * call. When it runs it looks at every pending request once, fails those whose deadline has
 * passed, and arms itself again for the earliest deadline left; with nothing pending it is not
 * armed. A registration re-arms it only for a deadline earlier than the armed one, so when every
 * call has the same timeout a registration never touches the timer, and a completion never does.
 * <p>
 * A call that was never written has an earlier due time, its queue deadline
 * ({@code ClientOptions.queueTimeout}): past it, still unwritten, it fails with a connection error
 * that says it was not sent, rather than a timeout that says it may have run. The same holds for
 * a call that reaches its own deadline without ever having been written.
 * <p>
 * Precision: a call never times out before its deadline, and normally within
 * {@value #MIN_INTERVAL_MILLIS} ms after it (later only when the timer thread is busy). The task
 * runs at most once every {@value #MIN_INTERVAL_MILLIS} ms, so a flood of short timeouts cannot
 * make it spin; each run costs a pass over the pending requests, and with one timeout for every
 * call there is about one run per timeout period.
 * <p>
 * Threads: {@link #armedAt} is read without locking on every registration; it, {@link #armed},
 * {@link #generation} and {@link #lastRun} are written only under {@link #lock}, which is held
 * only to arm the timer, never while completing a future.
 */
public final class PendingRequests {

	private static final Logger logger = LoggerFactory.getLogger(PendingRequests.class);

	/** The shortest time between two runs of the timeout task. */
	static final long MIN_INTERVAL_MILLIS = 10;

	private static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MILLIS);

	/** {@link #armedAt} when the task is not armed: any deadline is earlier. */
	private static final long NOT_ARMED = Long.MAX_VALUE;

	/** {@link #armedAt} once the timer refused a task (it was shut down): no deadline is earlier. */
	private static final long TIMER_GONE = Long.MIN_VALUE;

	private final ConcurrentHashMap<Long, PendingRequest<?>> requests = new ConcurrentHashMap<>();

	/** Counts registered and not yet removed requests; it, not the map's size, enforces the bound. */
	private final AtomicInteger count = new AtomicInteger();

	private final int maxPending;

	private final ScheduledExecutorService timer;

	private final String endpoint;

	/**
	 * {@code System.nanoTime()} when this was made. Times below are kept relative to it, so they
	 * compare with {@code <} and leave {@link #NOT_ARMED} and {@link #TIMER_GONE} free as markers.
	 */
	private final long origin = System.nanoTime();

	private final Object lock = new Object();

	/** When the armed task will run (relative to {@link #origin}), or a marker. Written under {@link #lock}. */
	private volatile long armedAt = NOT_ARMED;

	/** The armed task, cancelled when re-armed earlier or by {@link #failAll}. Guarded by {@link #lock}. */
	private @Nullable ScheduledFuture<?> armed;

	/** Counts armings; a task that finds it changed was replaced and leaves the work to its successor. Guarded by {@link #lock}. */
	private long generation;

	/** When the task last started (relative to {@link #origin}). Guarded by {@link #lock}. */
	private long lastRun = -MIN_INTERVAL_NANOS;

	private final Supplier<String> connectionStatus;

	public PendingRequests(int maxPending, ScheduledExecutorService timer, String endpoint) {
		this(maxPending, timer, endpoint, () -> "");
	}

	/**
	 * @param connectionStatus says, for the error of a call that was never sent, why there is no
	 * connection (empty if nothing is known); called on the timer thread
	 */
	public PendingRequests(int maxPending, ScheduledExecutorService timer, String endpoint,
			Supplier<String> connectionStatus) {
		this.maxPending = maxPending;
		this.timer = timer;
		this.endpoint = endpoint;
		this.connectionStatus = connectionStatus;
	}

	/**
	 * Tracks a request and makes sure the timer will look at it by its deadline. Fails fast,
	 * tracking nothing, when the bound is reached.
	 */
	public void register(PendingRequest<?> request) {
		if (this.count.incrementAndGet() > this.maxPending) {
			this.count.decrementAndGet();
			throw new RpcRequestRejectedException("Too many pending requests to " + this.endpoint + ": "
					+ this.maxPending + " pending (maxPendingRequests=" + this.maxPending + "); " + request.method()
					+ " was not sent");
		}
		this.requests.put(request.id(), request);
		// Pairs with the fence in sweep() and disarm(): either they see this request in the map, or
		// this sees armedAt as they left it and arms the timer itself.
		VarHandle.fullFence();
		long due = due(request);
		if (due < this.armedAt) {
			armFor(due);
		}
	}

	/** Removes and returns the request with this id, or {@code null} if none is pending (late or unknown reply). */
	public @Nullable PendingRequest<?> remove(long id) {
		PendingRequest<?> request = this.requests.remove(id);
		if (request != null) {
			this.count.decrementAndGet();
		}
		return request;
	}

	/** The request with this id if it is pending, leaving it pending. */
	public @Nullable PendingRequest<?> peek(long id) {
		return this.requests.get(id);
	}

	/** Fails a request that {@link #remove} returned. */
	public static void fail(PendingRequest<?> request, Throwable error) {
		request.fail(error);
	}

	/** Removes and fails one request, if it is still pending. */
	public boolean fail(long id, Throwable error) {
		PendingRequest<?> request = remove(id);
		if (request == null) {
			return false;
		}
		request.fail(error);
		return true;
	}

	/**
	 * Fails every pending request with the error the function makes for it, and disarms the timer
	 * unless requests were registered meanwhile. Safe to run twice.
	 */
	public int failAll(Function<PendingRequest<?>, Throwable> error) {
		List<PendingRequest<?>> failed = new ArrayList<>();
		for (Long id : this.requests.keySet()) {
			PendingRequest<?> request = remove(id);
			if (request != null) {
				failed.add(request);
			}
		}
		disarm();
		// Futures are completed outside the iteration: their callbacks may register new requests.
		failed.forEach((request) -> request.fail(error.apply(request)));
		return failed.size();
	}

	/** A snapshot of the pending requests, in no particular order. */
	public List<PendingRequest<?>> snapshot() {
		return new ArrayList<>(this.requests.values());
	}

	/** The number of requests awaiting a reply. */
	public int size() {
		return this.count.get();
	}

	/** Arms the task for {@code due}, or for the earliest time it may run again, unless it is armed earlier. */
	private void armFor(long due) {
		synchronized (this.lock) {
			long wake = Math.max(due, this.lastRun + MIN_INTERVAL_NANOS);
			if (wake >= this.armedAt) {
				return;
			}
			ScheduledFuture<?> previous = this.armed;
			long generation = ++this.generation;
			try {
				this.armed = this.timer.schedule(() -> sweep(generation), wake - now(), TimeUnit.NANOSECONDS);
				this.armedAt = wake;
			}
			catch (RejectedExecutionException ex) {
				// The client is shutting down; failAll() fails whatever is pending.
				logger.debug("Timer for {} refused the timeout task; timeouts are off", this.endpoint);
				this.armed = null;
				this.armedAt = TIMER_GONE;
			}
			if (previous != null) {
				previous.cancel(false);
			}
		}
	}

	/** Cancels the armed task; arms it again if requests are pending (registered during failAll). */
	private void disarm() {
		synchronized (this.lock) {
			ScheduledFuture<?> previous = this.armed;
			if (previous != null) {
				previous.cancel(false);
			}
			this.armed = null;
			this.armedAt = NOT_ARMED;
			this.generation++;
		}
		VarHandle.fullFence();
		if (!this.requests.isEmpty()) {
			armFor(Long.MIN_VALUE);
		}
	}

	/** The timeout task: fails the requests past their deadline and arms itself for the next one. */
	private void sweep(long generation) {
		long started;
		synchronized (this.lock) {
			if (generation != this.generation) {
				return;
			}
			started = now();
			this.armed = null;
			this.armedAt = NOT_ARMED;
			this.lastRun = started;
		}
		// Pairs with the fence in register(): a request this pass does not see arms the task itself.
		VarHandle.fullFence();
		List<PendingRequest<?>> expired = null;
		List<PendingRequest<?>> notSent = null;
		long earliest = NOT_ARMED;
		for (PendingRequest<?> request : this.requests.values()) {
			long due = due(request);
			if (due > started) {
				earliest = Math.min(earliest, due);
				continue;
			}
			// Claiming the write of a request never sent settles the race with a connection that is
			// writing it right now: either the claim wins and it is failed as never sent, or the
			// writer won and it is judged by its call deadline like any written request.
			boolean neverSent = !request.wasSentBefore() && request.claimWrite();
			if (!neverSent) {
				due = request.deadlineNanos() - this.origin;
				if (due > started) {
					earliest = Math.min(earliest, due);
					continue;
				}
			}
			if (this.requests.remove(request.id(), request)) {
				this.count.decrementAndGet();
				if (neverSent) {
					notSent = (notSent != null) ? notSent : new ArrayList<>();
					notSent.add(request);
				}
				else {
					expired = (expired != null) ? expired : new ArrayList<>();
					expired.add(request);
				}
			}
		}
		if (earliest != NOT_ARMED) {
			armFor(earliest);
		}
		// Completed last, and outside the lock: callbacks may register new requests.
		if (expired != null) {
			expired.forEach(this::timeOut);
		}
		if (notSent != null) {
			notSent.forEach(this::failNotSent);
		}
	}

	private void timeOut(PendingRequest<?> request) {
		request.fail(new RpcTimeoutException(request.method() + " (id " + request.id() + ") to " + this.endpoint
				+ " timed out after " + request.timeout().toMillis() + " ms; it may or may not have run on the node"));
	}

	/** A request that waited for a connection and was never written: it did not run, and the error says so. */
	private void failNotSent(PendingRequest<?> request) {
		String status = this.connectionStatus.get();
		request.fail(new RpcConnectionException(request.method() + " (id " + request.id() + ") was not sent to "
				+ this.endpoint + ": no connection within " + request.ageMillis() + " ms"
				+ (status.isEmpty() ? "" : " (" + status + ")")));
	}

	private long due(PendingRequest<?> request) {
		return request.dueNanos() - this.origin;
	}

	private long now() {
		return System.nanoTime() - this.origin;
	}

}
