package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

/**
 * One call sent (or about to be sent) and not yet answered.
 * <p>
 * Whoever removes it from {@link PendingRequests} completes it: the reply, its timeout, a
 * connection failure or shutdown. Removal is atomic, so exactly one of them does.
 *
 * @param <T> the result type
 */
public final class PendingRequest<T> {

	private final long id;

	private final String method;

	private final ObjectReader resultReader;

	private final Duration timeout;

	private final CompletableFuture<T> future = new CompletableFuture<>();

	/** Set once by the registering thread before the request is sent; read by whoever completes it. */
	private volatile @Nullable ScheduledFuture<?> timeoutTask;

	public PendingRequest(long id, String method, ObjectReader resultReader, Duration timeout) {
		this.id = id;
		this.method = method;
		this.resultReader = resultReader;
		this.timeout = timeout;
	}

	/** How long the call may take, from when it was registered. */
	public Duration timeout() {
		return this.timeout;
	}

	public long id() {
		return this.id;
	}

	public String method() {
		return this.method;
	}

	public ObjectReader resultReader() {
		return this.resultReader;
	}

	public CompletableFuture<T> future() {
		return this.future;
	}

	void timeoutTask(ScheduledFuture<?> timeoutTask) {
		this.timeoutTask = timeoutTask;
	}

	@SuppressWarnings("unchecked")
	void complete(@Nullable Object value) {
		cancelTimeout();
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
