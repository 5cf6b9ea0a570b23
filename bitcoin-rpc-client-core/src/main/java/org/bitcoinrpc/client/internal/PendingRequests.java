package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.bitcoinrpc.client.RpcRequestRejectedException;
import org.bitcoinrpc.client.RpcTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The calls awaiting a reply, by id, with a bound on how many there may be and a timeout each.
 * Thread-safe without locks: any thread registers, the reader completes, the timer times out,
 * and {@code ConcurrentHashMap.remove} decides which of them wins.
 */
public final class PendingRequests {

	private final ConcurrentHashMap<Long, PendingRequest<?>> requests = new ConcurrentHashMap<>();

	/** Counts registered and not yet removed requests; it, not the map's size, enforces the bound. */
	private final AtomicInteger count = new AtomicInteger();

	private final int maxPending;

	private final ScheduledExecutorService timer;

	private final String endpoint;

	public PendingRequests(int maxPending, ScheduledExecutorService timer, String endpoint) {
		this.maxPending = maxPending;
		this.timer = timer;
		this.endpoint = endpoint;
	}

	/**
	 * Tracks a request and arms its timeout. Fails fast, tracking nothing, when the bound is reached.
	 */
	public void register(PendingRequest<?> request) {
		Duration timeout = request.timeout();
		if (this.count.incrementAndGet() > this.maxPending) {
			this.count.decrementAndGet();
			throw new RpcRequestRejectedException("Too many pending requests to " + this.endpoint + ": "
					+ this.maxPending + " pending (maxPendingRequests=" + this.maxPending + "); " + request.method()
					+ " was not sent");
		}
		this.requests.put(request.id(), request);
		request.timeoutTask(this.timer.schedule(() -> timeOut(request, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS));
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

	/** Fails every pending request with the error the function makes for it. Safe to run twice. */
	public int failAll(Function<PendingRequest<?>, Throwable> error) {
		List<PendingRequest<?>> failed = new ArrayList<>();
		for (Long id : this.requests.keySet()) {
			PendingRequest<?> request = remove(id);
			if (request != null) {
				failed.add(request);
			}
		}
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

	private void timeOut(PendingRequest<?> request, Duration timeout) {
		if (this.requests.remove(request.id(), request)) {
			this.count.decrementAndGet();
			request.fail(new RpcTimeoutException(request.method() + " (id " + request.id() + ") to " + this.endpoint
					+ " timed out after " + timeout.toMillis() + " ms; it may or may not have run on the node"));
		}
	}

}
