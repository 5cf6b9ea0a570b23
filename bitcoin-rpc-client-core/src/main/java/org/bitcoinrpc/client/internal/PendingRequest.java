package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

/**
 * One call, from registration until its future completes.
 * <p>
 * Whoever removes it from {@link PendingRequests} completes it: the reply, its timeout, a
 * connection failure or shutdown. Removal is atomic, so exactly one of them does.
 * <p>
 * A request is written to a connection at most once per connection: senders must
 * {@link #claimWrite()} first. After a connection is lost, a request that is safe to resend is
 * {@link #releaseWrite() released} so that the next connection sends it again.
 *
 * @param <T> the result type
 */
public final class PendingRequest<T> implements org.bitcoinrpc.client.protocol.JsonRpcCodec.BatchEntry {

	private final long id;

	private final String method;

	private final List<?> params;

	private final ObjectReader resultReader;

	private final Duration timeout;

	private final long deadlineNanos;

	private final @Nullable Runnable onSuccess;

	private final @Nullable String wallet;

	private final CompletableFuture<T> future = new CompletableFuture<>();

	/** Claimed by the one thread that writes the request to the current connection. */
	private final AtomicBoolean written = new AtomicBoolean();

	/** HTTP retries so far; touched only by the thread handling the latest attempt's outcome. */
	private final AtomicInteger retries = new AtomicInteger();

	/** Set once by the registering thread before the request is sent; read by whoever completes it. */
	private volatile @Nullable ScheduledFuture<?> timeoutTask;

	public PendingRequest(long id, String method, List<?> params, ObjectReader resultReader, Duration timeout,
			@Nullable Runnable onSuccess) {
		this(id, method, params, resultReader, timeout, onSuccess, null);
	}

	public PendingRequest(long id, String method, List<?> params, ObjectReader resultReader, Duration timeout,
			@Nullable Runnable onSuccess, @Nullable String wallet) {
		this.id = id;
		this.method = method;
		this.params = params;
		this.resultReader = resultReader;
		this.timeout = timeout;
		this.deadlineNanos = System.nanoTime() + timeout.toNanos();
		this.onSuccess = onSuccess;
		this.wallet = wallet;
	}

	/** The Bitcoin Core wallet the call is for ({@code /wallet/<name>}), or {@code null} for the node's root. */
	public @Nullable String wallet() {
		return this.wallet;
	}

	@Override
	public long id() {
		return this.id;
	}

	@Override
	public String method() {
		return this.method;
	}

	@Override
	public List<?> params() {
		return this.params;
	}

	public ObjectReader resultReader() {
		return this.resultReader;
	}

	/** How long the call may take, from when it was registered. */
	public Duration timeout() {
		return this.timeout;
	}

	/** Time left before the call times out; zero or negative once it has. */
	public long remainingNanos() {
		return this.deadlineNanos - System.nanoTime();
	}

	public CompletableFuture<T> future() {
		return this.future;
	}

	/** True for exactly one caller per connection: the one that must write the request. */
	public boolean claimWrite() {
		return this.written.compareAndSet(false, true);
	}

	/** Whether the request was written to the current (or the lost) connection. */
	public boolean isWritten() {
		return this.written.get();
	}

	/** Lets the next connection write the request again. */
	public void releaseWrite() {
		this.written.set(false);
	}

	/** Counts an HTTP retry and returns the attempt number it starts (2 for the first retry). */
	public int nextAttempt() {
		return this.retries.incrementAndGet() + 1;
	}

	void timeoutTask(ScheduledFuture<?> timeoutTask) {
		this.timeoutTask = timeoutTask;
	}

	@SuppressWarnings("unchecked")
	void complete(@Nullable Object value) {
		cancelTimeout();
		if (this.onSuccess != null) {
			this.onSuccess.run();
		}
		this.future.complete((T) value);
	}

	void fail(Throwable error) {
		cancelTimeout();
		this.future.completeExceptionally(error);
	}

	private void cancelTimeout() {
		ScheduledFuture<?> task = this.timeoutTask;
		if (task != null) {
			task.cancel(false);
		}
	}

	@Override
	public String toString() {
		return "PendingRequest[id=" + this.id + ", method=" + this.method + "]";
	}

}
