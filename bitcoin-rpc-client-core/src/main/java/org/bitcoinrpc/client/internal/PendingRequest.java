package org.bitcoinrpc.client.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.transport.Exchange;
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
 * <p>
 * Its timeout is not a task of its own: {@link PendingRequests} keeps one timer for all the
 * pending requests and compares each one's deadline with the clock.
 * <p>
 * It is its own {@link Exchange}: the transport it is written to gets it back with its outcome,
 * and a call costs no object more for that.
 *
 * @param <T> the result type
 */
public final class PendingRequest<T> implements JsonRpcCodec.BatchEntry, Exchange {

	/** Longer timeouts count as this one: about 100 years, as good as none. */
	private static final Duration LONGEST_TIMEOUT = Duration.ofDays(36_500);

	private static final VarHandle WRITTEN;

	private static final VarHandle RETRIES;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			WRITTEN = lookup.findVarHandle(PendingRequest.class, "written", boolean.class);
			RETRIES = lookup.findVarHandle(PendingRequest.class, "retries", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final long id;

	private final String method;

	private final List<?> params;

	private final ObjectReader resultReader;

	private final Duration timeout;

	private final long deadlineNanos;

	/** The {@code System.nanoTime()} by which the request must have been written once; at most {@link #deadlineNanos}. */
	private final long queueDeadlineNanos;

	private final @Nullable Runnable onSuccess;

	private final @Nullable String wallet;

	private final CompletableFuture<T> future = new CompletableFuture<>();

	/**
	 * Whether the request was written to the current connection. Any thread: claimed with a
	 * compare-and-set through {@link #WRITTEN} by the one thread that writes the request, cleared
	 * with a volatile write when the connection is lost; read with a volatile read. This and
	 * {@link #retries} are primitive fields behind a {@code VarHandle} rather than atomic objects,
	 * to save two objects per call; they are declared volatile so that no access can be a plain one.
	 */
	private volatile boolean written;

	/**
	 * HTTP retries so far. Updated only through {@link #RETRIES} with an atomic add, by the thread
	 * handling the latest attempt's outcome; successive attempts may run on different threads.
	 */
	private volatile int retries;

	/**
	 * Whether the request was written to a connection that is now lost ({@link #releaseAfterLoss()}):
	 * from then on it may have run on the node even while it waits to be sent again. Set by the
	 * thread that sorts a lost connection's requests, read by any thread.
	 */
	private volatile boolean sentBefore;

	public PendingRequest(long id, String method, List<?> params, ObjectReader resultReader, Duration timeout,
			@Nullable Runnable onSuccess) {
		this(id, method, params, resultReader, timeout, onSuccess, null);
	}

	public PendingRequest(long id, String method, List<?> params, ObjectReader resultReader, Duration timeout,
			@Nullable Runnable onSuccess, @Nullable String wallet) {
		this(id, method, params, resultReader, timeout, timeout, onSuccess, wallet);
	}

	/**
	 * @param queueTimeout how long the request may wait to be written the first time (no longer
	 * than {@code timeout} counts)
	 */
	public PendingRequest(long id, String method, List<?> params, ObjectReader resultReader, Duration timeout,
			Duration queueTimeout, @Nullable Runnable onSuccess, @Nullable String wallet) {
		this.id = id;
		this.method = method;
		this.params = params;
		this.resultReader = resultReader;
		this.timeout = timeout;
		long now = System.nanoTime();
		this.deadlineNanos = now + saturatedNanos(timeout);
		this.queueDeadlineNanos = now + Math.min(saturatedNanos(timeout), saturatedNanos(queueTimeout));
		this.onSuccess = onSuccess;
		this.wallet = wallet;
	}

	/** The Bitcoin Core wallet the call is for ({@code /wallet/<name>}), or {@code null} for the node's root. */
	@Override
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

	/** A single call, never a batch: a batch is an exchange of its own ({@link Batch}). */
	@Override
	public boolean isBatch() {
		return false;
	}

	public ObjectReader resultReader() {
		return this.resultReader;
	}

	/** How long the call may take, from when it was registered. */
	@Override
	public Duration timeout() {
		return this.timeout;
	}

	/** Time left before the call times out; zero or negative once it has. */
	public long remainingNanos() {
		return this.deadlineNanos - System.nanoTime();
	}

	/** The {@code System.nanoTime()} at which the call times out. */
	long deadlineNanos() {
		return this.deadlineNanos;
	}

	/**
	 * When the timer must look at the request: its queue deadline while it was never written (a
	 * request that waits for a connection fails sooner), else its deadline.
	 */
	long dueNanos() {
		return (isWritten() || this.sentBefore) ? this.deadlineNanos : this.queueDeadlineNanos;
	}

	/** Milliseconds since the request was made. */
	public long ageMillis() {
		return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - (this.deadlineNanos - saturatedNanos(this.timeout)));
	}

	/** Whether the request may have reached the node: it is written now, or was written to a lost connection. */
	public boolean wasSentBefore() {
		return this.sentBefore;
	}

	/** The timeout in nanoseconds, at most {@link #LONGEST_TIMEOUT}, so that deadlines compare without overflow. */
	private static long saturatedNanos(Duration timeout) {
		return (timeout.compareTo(LONGEST_TIMEOUT) < 0) ? timeout.toNanos() : LONGEST_TIMEOUT.toNanos();
	}

	public CompletableFuture<T> future() {
		return this.future;
	}

	/** True for exactly one caller per connection: the one that must write the request. */
	public boolean claimWrite() {
		return WRITTEN.compareAndSet(this, false, true);
	}

	/** Whether the request was written to the current (or the lost) connection. */
	public boolean isWritten() {
		return (boolean) WRITTEN.getVolatile(this);
	}

	/** Undoes a {@link #claimWrite()} whose write did not happen: the request was not sent. */
	public void releaseWrite() {
		WRITTEN.setVolatile(this, false);
	}

	/**
	 * Lets the next connection write the request again after the connection it was written to was
	 * lost: it may have run on the node, which its errors from now on say.
	 */
	public void releaseAfterLoss() {
		this.sentBefore = true;
		WRITTEN.setVolatile(this, false);
	}

	/** Counts an HTTP retry and returns the attempt number it starts (2 for the first retry). */
	public int nextAttempt() {
		return (int) RETRIES.getAndAdd(this, 1) + 2;
	}

	@SuppressWarnings("unchecked")
	void complete(@Nullable Object value) {
		if (this.onSuccess != null) {
			this.onSuccess.run();
		}
		this.future.complete((T) value);
	}

	void fail(Throwable error) {
		this.future.completeExceptionally(error);
	}

	@Override
	public String toString() {
		return "PendingRequest[id=" + this.id + ", method=" + this.method + "]";
	}

}
