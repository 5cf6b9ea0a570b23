package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.ConnectionState;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.DisconnectedBehavior;
import org.bitcoinrpc.client.ResendPolicy;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcMaybeExecutedException;
import org.bitcoinrpc.client.RpcShutdownException;
import org.bitcoinrpc.client.transport.Transport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;

/**
 * Owns the connection's state and keeps the connection up: connects, notices loss, reconnects
 * with the configured {@link Delay}, registers the subscriptions again and then resends what is
 * safe to resend.
 * <p>
 * Threads: state changes happen under {@link #lock}, which is never held across I/O or while
 * completing futures; {@link #state} is also volatile so the call path reads it without locking.
 * At most one reconnect attempt is scheduled or running at a time ({@link #attemptActive}).
 */
public final class ConnectionWatchdog implements Transport.Listener {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionWatchdog.class);

	private final Transport transport;

	private final PendingRequests pending;

	private final EventDispatcher events;

	private final ScheduledExecutorService timer;

	private final Subscriptions subscriptions;

	private final BiFunction<String, ArrayNode, CompletableFuture<?>> registrationSender;

	private final String endpoint;

	private final boolean reconnect;

	/**
	 * Over HTTP each call is a POST of its own: a failed one says the node is gone and an answered
	 * one that it is back, but the calls in flight are settled by their own POSTs, never here.
	 */
	private final boolean http;

	private final Delay delay;

	private final ResendPolicy resendPolicy;

	private final DisconnectedBehavior disconnectedBehavior;

	private final java.util.concurrent.atomic.AtomicLong resent;

	private final Object lock = new Object();

	/** Ids of re-registration calls in flight; added by the attempt, removed on completion, any thread. */
	private final java.util.Set<Long> registrations = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** Written under {@link #lock}; read anywhere. */
	private volatile ConnectionState state = ConnectionState.DISCONNECTED;

	/** Reconnect attempts since the last good connection. Guarded by {@link #lock}. */
	private int attempt;

	/** Whether a reconnect attempt is scheduled or running. Guarded by {@link #lock}. */
	private boolean attemptActive;

	/** The scheduled attempt, cancelled by shutdown and suspend. Guarded by {@link #lock}. */
	private @Nullable ScheduledFuture<?> reconnectTask;

	/**
	 * Counts suspends and shutdowns. An attempt started before one of them is stale when it ends:
	 * what it opened is dropped and its outcome changes nothing. Guarded by {@link #lock}.
	 */
	private long epoch;

	/**
	 * Completes once the latest attempt (a connect or a reconnect) has ended and been handled. The
	 * next attempt starts only then, so that two attempts never race on the transport's one
	 * connection (a connect right after a suspend that cut an attempt short). Guarded by
	 * {@link #lock}.
	 */
	private CompletableFuture<Void> attemptDone = CompletableFuture.completedFuture(null);

	/**
	 * True while a stale attempt's connection is being dropped: the transport reports that loss
	 * synchronously, and it must not count as the loss of the connection being made now. Guarded
	 * by {@link #lock}, and only set and read by the thread holding it.
	 */
	private boolean droppingStale;

	/**
	 * Why the last attempt failed or the connection was lost; null while connected. Also keeps a
	 * failure repeating itself (a wrong URL, every few seconds for ever) at WARN once and then at
	 * DEBUG. Written by any thread, under {@link #lock} where it is compared.
	 */
	private volatile @Nullable String lastFailure;

	/**
	 * @param registrationSender sends one re-registration call at once, bypassing the state check
	 */
	public ConnectionWatchdog(Transport transport, PendingRequests pending, EventDispatcher events,
			ScheduledExecutorService timer, Subscriptions subscriptions,
			BiFunction<String, ArrayNode, CompletableFuture<?>> registrationSender, ClientOptions options,
			java.util.concurrent.atomic.AtomicLong resent) {
		this.transport = transport;
		this.pending = pending;
		this.events = events;
		this.timer = timer;
		this.subscriptions = subscriptions;
		this.registrationSender = registrationSender;
		this.endpoint = options.url().toString();
		this.reconnect = options.reconnect();
		this.http = options.mode() == org.bitcoinrpc.client.TransportMode.HTTP_POST;
		this.delay = options.reconnectDelay();
		this.resendPolicy = options.resendPolicy();
		this.disconnectedBehavior = options.disconnectedBehavior();
		this.resent = resent;
	}

	public ConnectionState state() {
		return this.state;
	}

	/** Reconnect attempts since the last good connection. */
	public int reconnectAttempts() {
		synchronized (this.lock) {
			return this.attempt;
		}
	}

	// ------------------------------------------------------------------ connecting

	/**
	 * Why there is no connection now, for the error of a call that could not be sent: the state
	 * and the last failure; empty while connected.
	 */
	public String status() {
		ConnectionState current = this.state;
		if (current == ConnectionState.CONNECTED) {
			return "";
		}
		String failure = this.lastFailure;
		return "state " + current + ((failure != null) ? ", last failure: " + failure : "");
	}

	/**
	 * Connects. The future reports this first attempt; if it fails, reconnect is on and
	 * {@code retryInBackground} is true, the watchdog keeps trying in the background as after a
	 * lost connection. The subscriptions the client holds (after {@link #suspend()}) are
	 * registered again before the connection counts as up.
	 */
	public CompletableFuture<Void> connect(boolean retryInBackground) {
		synchronized (this.lock) {
			switch (this.state) {
				case SHUT_DOWN -> {
					return CompletableFuture.failedFuture(new RpcShutdownException(
							"connect to " + this.endpoint + " failed: the client is shut down"));
				}
				case CONNECTED -> {
					return CompletableFuture.completedFuture(null);
				}
				case CONNECTING, RECONNECTING -> {
					return CompletableFuture.failedFuture(new RpcConnectionException("Already "
							+ this.state.name().toLowerCase(java.util.Locale.ROOT) + " to " + this.endpoint));
				}
				case DISCONNECTED -> this.state = ConnectionState.CONNECTING;
			}
		}
		CompletableFuture<Void> result = new CompletableFuture<>();
		Attempt attempt = beginAttempt();
		attempt.previous.whenComplete((ignored, previousFailure) -> openAndRegister().whenComplete((ignored2, failure) -> {
			try {
				if (failure == null) {
					if (connected(0, attempt.epoch)) {
						result.complete(null);
					}
					else {
						// Suspended or shut down while the attempt ran: what it opened was dropped.
						result.completeExceptionally(abandoned());
					}
				}
				else {
					Throwable cause = unwrap(failure);
					if (isCurrent(attempt.epoch)) {
						firstAttemptFailed(cause, retryInBackground);
					}
					result.completeExceptionally(cause);
				}
			}
			finally {
				attempt.done.complete(null);
			}
		}));
		return result;
	}

	/** Registers an attempt as the latest; it must start after {@link Attempt#previous} and complete {@link Attempt#done}. */
	private Attempt beginAttempt() {
		synchronized (this.lock) {
			Attempt attempt = new Attempt(this.epoch, this.attemptDone, new CompletableFuture<>());
			this.attemptDone = attempt.done;
			return attempt;
		}
	}

	private boolean isCurrent(long attemptEpoch) {
		synchronized (this.lock) {
			return attemptEpoch == this.epoch;
		}
	}

	/**
	 * Opens the transport, then registers the subscriptions again: first, because a call resent
	 * before its subscription is back could trigger a notification the node would not send yet
	 * (the order the Go client keeps too).
	 */
	private CompletableFuture<Void> openAndRegister() {
		try {
			return this.transport.connect().thenCompose((ignored) -> reRegister());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private RuntimeException abandoned() {
		return (this.state == ConnectionState.SHUT_DOWN)
				? new RpcShutdownException("connect to " + this.endpoint + " failed: the client is shut down")
				: new RpcConnectionException("Connect to " + this.endpoint
						+ " was abandoned: the client was suspended while connecting");
	}

	/**
	 * Marks the connection up; false when the attempt of {@code attemptEpoch} was cut short by a
	 * suspend or shutdown meanwhile, in which case what it opened is dropped.
	 */
	private boolean connected(int attempts, long attemptEpoch) {
		synchronized (this.lock) {
			if (attemptEpoch != this.epoch || this.state == ConnectionState.SHUT_DOWN
					|| this.state == ConnectionState.DISCONNECTED) {
				this.droppingStale = true;
				try {
					this.transport.disconnect();
				}
				finally {
					this.droppingStale = false;
				}
				return false;
			}
			if (this.state == ConnectionState.CONNECTED) {
				// Over HTTP an answered call may have brought the connection back first.
				return true;
			}
			this.state = ConnectionState.CONNECTED;
			this.attempt = 0;
			this.attemptActive = false;
			this.lastFailure = null;
			if (this.reconnectTask != null) {
				this.reconnectTask.cancel(false);
				this.reconnectTask = null;
			}
		}
		if (attempts == 0) {
			logger.info("Connected to {}", this.endpoint);
			this.events.dispatch(new ConnectionEvent.Connected(this.endpoint));
		}
		else {
			logger.info("Reconnected to {} after {} attempt(s)", this.endpoint, attempts);
			this.events.dispatch(new ConnectionEvent.Reconnected(this.endpoint, attempts));
		}
		flushUnwritten();
		return true;
	}

	private void firstAttemptFailed(Throwable cause, boolean retryInBackground) {
		this.lastFailure = String.valueOf(cause.getMessage());
		synchronized (this.lock) {
			if (this.state != ConnectionState.CONNECTING) {
				return;
			}
			if (this.reconnect && retryInBackground) {
				this.state = ConnectionState.RECONNECTING;
				logger.warn("{}; retrying in the background", cause.getMessage());
				scheduleReconnect();
				return;
			}
			this.state = ConnectionState.DISCONNECTED;
		}
		// Calls made while connecting waited for this attempt; none of them was sent.
		this.pending.failAll((request) -> notSent(request, cause.getMessage(), cause));
	}

	/**
	 * Over HTTP: a call was answered, so the node is there. Ends a reconnect at once instead of
	 * waiting for the next probe. Called for every reply, so it costs one volatile read when
	 * connected.
	 */
	public void onAnswered() {
		if (this.http && this.state == ConnectionState.RECONNECTING) {
			long current;
			int attempts;
			synchronized (this.lock) {
				current = this.epoch;
				attempts = Math.max(1, this.attempt);
			}
			connected(attempts, current);
		}
	}

	// ------------------------------------------------------------------ losing the connection

	@Override
	public void onConnectionLost(Throwable cause) {
		boolean reconnecting;
		synchronized (this.lock) {
			if (this.droppingStale || this.state == ConnectionState.SHUT_DOWN || this.state == ConnectionState.DISCONNECTED
					|| (this.http && this.state != ConnectionState.CONNECTED)) {
				// Over HTTP every failed POST reports: only the first, from a good connection, counts.
				return;
			}
			reconnecting = this.reconnect;
			this.state = reconnecting ? ConnectionState.RECONNECTING : ConnectionState.DISCONNECTED;
			this.lastFailure = String.valueOf(cause.getMessage());
		}
		logger.warn("{}", cause.getMessage());
		this.events.dispatch(new ConnectionEvent.Disconnected(this.endpoint, String.valueOf(cause.getMessage())));
		if (this.http) {
			// The calls in flight are settled by their own POSTs (and retried when safe).
			if (reconnecting) {
				synchronized (this.lock) {
					if (this.state == ConnectionState.RECONNECTING && !this.attemptActive) {
						scheduleReconnect();
					}
				}
			}
			return;
		}
		if (!reconnecting) {
			this.pending.failAll((request) -> new RpcConnectionException(request.method() + " (id " + request.id()
					+ ") failed: " + cause.getMessage() + "; it may or may not have run on the node", cause));
			return;
		}
		sweepForResend(cause);
		synchronized (this.lock) {
			if (this.state == ConnectionState.RECONNECTING && !this.attemptActive) {
				scheduleReconnect();
			}
		}
	}

	/**
	 * Sorts what was written to the lost connection: calls safe to run twice are released for the
	 * next connection; the others fail now, saying they may or may not have run.
	 */
	private void sweepForResend(Throwable cause) {
		for (PendingRequest<?> request : this.pending.snapshot()) {
			if (!request.isWritten()) {
				continue;
			}
			if (this.registrations.remove(request.id())) {
				// The next attempt registers everything again: resending this one would register twice.
				this.pending.fail(request.id(), new RpcConnectionException("Connection to " + this.endpoint
						+ " lost while registering " + request.method() + " again", cause));
				continue;
			}
			if (this.resendPolicy.isSafeToResend(request.method())) {
				request.releaseAfterLoss();
				this.resent.incrementAndGet();
			}
			else {
				this.pending.fail(request.id(), new RpcMaybeExecutedException(request.method() + " (id " + request.id()
						+ ") to " + this.endpoint + " may or may not have executed: the connection was lost before its"
						+ " reply (" + cause.getMessage() + "), and it is not safe to send twice", cause));
			}
		}
	}

	/**
	 * Marks a re-registration call: if the connection is lost while it is in flight, it fails
	 * (which ends the attempt at once) instead of being resent.
	 */
	public void trackRegistration(PendingRequest<?> request) {
		this.registrations.add(request.id());
		request.future().whenComplete((result, failure) -> this.registrations.remove(request.id()));
	}

	/** Guarded by {@link #lock}. */
	private void scheduleReconnect() {
		this.attempt++;
		Duration wait = this.delay.delay(this.attempt);
		this.attemptActive = true;
		this.events.dispatch(new ConnectionEvent.Reconnecting(this.endpoint, this.attempt, wait));
		logger.info("Reconnecting to {} in {} ms (attempt {})", this.endpoint, wait.toMillis(), this.attempt);
		this.reconnectTask = this.timer.schedule(this::attemptReconnect, wait.toNanos(), TimeUnit.NANOSECONDS);
	}

	private void attemptReconnect() {
		int number;
		synchronized (this.lock) {
			if (this.state != ConnectionState.RECONNECTING) {
				this.attemptActive = false;
				return;
			}
			number = this.attempt;
		}
		Attempt attempt = beginAttempt();
		attempt.previous.whenComplete((ignored, previousFailure) -> openAndRegister()
			.whenComplete((ignored2, failure) -> {
				try {
					afterAttempt(number, failure, attempt.epoch);
				}
				finally {
					attempt.done.complete(null);
				}
			}));
	}

	private void afterAttempt(int number, @Nullable Throwable failure, long attemptEpoch) {
		if (failure == null && this.transport.isOpen()) {
			connected(number, attemptEpoch);
			return;
		}
		if (!isCurrent(attemptEpoch)) {
			// Cut short by a suspend or shutdown: nothing to report, nothing to schedule.
			return;
		}
		String cause = (failure != null) ? String.valueOf(unwrap(failure).getMessage()) : "connection lost while re-registering";
		boolean repeated;
		synchronized (this.lock) {
			repeated = cause.equals(this.lastFailure);
			this.lastFailure = cause;
		}
		if (repeated) {
			logger.debug("Reconnect attempt {} to {} failed: {}", number, this.endpoint, cause);
		}
		else {
			logger.warn("Reconnect attempt {} to {} failed: {}", number, this.endpoint, cause);
		}
		this.events.dispatch(new ConnectionEvent.ReconnectFailed(this.endpoint, number, cause));
		synchronized (this.lock) {
			if (this.state == ConnectionState.RECONNECTING) {
				scheduleReconnect();
			}
			else {
				this.attemptActive = false;
			}
		}
	}

	private CompletableFuture<Void> reRegister() {
		List<Subscriptions.Registration> registrations = this.subscriptions.registrations();
		CompletableFuture<?>[] calls = registrations.stream().map((registration) -> this.registrationSender
			.apply(registration.method(), registration.params())
			.whenComplete((result, failure) -> {
				if (failure != null) {
					logger.warn("Could not register {} again with {}: {}", registration.method(), this.endpoint,
							unwrap(failure).getMessage());
				}
			})).toArray(CompletableFuture[]::new);
		return CompletableFuture.allOf(calls).handle((ignored, failure) -> null);
	}

	/** Writes every pending request not yet written to this connection, oldest first. */
	private void flushUnwritten() {
		List<PendingRequest<?>> waiting = this.pending.snapshot();
		waiting.sort(Comparator.comparingLong(PendingRequest::id));
		for (PendingRequest<?> request : waiting) {
			if (this.state != ConnectionState.CONNECTED) {
				return;
			}
			if (request.claimWrite() && !this.transport.send(request)) {
				request.releaseWrite();
			}
		}
	}

	// ------------------------------------------------------------------ calls

	/**
	 * Sends a registered request now, or leaves it waiting for the next connection, or fails it,
	 * as the state and {@link DisconnectedBehavior} say. The caller registered it first: a request
	 * registered before the state turns {@code CONNECTED} is seen by {@link #flushUnwritten()},
	 * one registered after sees the state here; {@link PendingRequest#claimWrite()} keeps both
	 * from writing it.
	 */
	public void dispatch(PendingRequest<?> request) {
		for (int tries = 0; tries < 3; tries++) {
			ConnectionState current = this.state;
			if (current == ConnectionState.CONNECTED) {
				if (!request.claimWrite() || this.transport.send(request)) {
					return;
				}
				request.releaseWrite();
				if (this.reconnect && this.disconnectedBehavior == DisconnectedBehavior.WAIT_FOR_RECONNECT
						&& !this.transport.isOpen()) {
					// The connection is gone but its loss is not handled yet: the request waits for the
					// next connection (flushUnwritten), unless one came up meanwhile.
					if (this.state == ConnectionState.CONNECTED && this.transport.isOpen()) {
						continue;
					}
					return;
				}
				continue;
			}
			if ((current == ConnectionState.RECONNECTING || current == ConnectionState.CONNECTING)
					&& this.disconnectedBehavior == DisconnectedBehavior.WAIT_FOR_RECONNECT) {
				// Waits, unwritten, for the connection (flushUnwritten) or its queue deadline.
				return;
			}
			break;
		}
		ConnectionState current = this.state;
		this.pending.fail(request.id(), (current == ConnectionState.SHUT_DOWN)
				? new RpcShutdownException(request.method() + " to " + this.endpoint + " failed: the client is shut down")
				: notConnected(current, request.method()));
	}

	/**
	 * Sends registered requests as one batch when connected; while reconnecting they wait and go
	 * out one by one with the others; otherwise each fails as {@link #dispatch} would fail it.
	 */
	public void dispatchBatch(List<PendingRequest<?>> requests) {
		if (this.state == ConnectionState.CONNECTED) {
			List<PendingRequest<?>> claimed = requests.stream().filter(PendingRequest::claimWrite).toList();
			if (claimed.isEmpty() || this.transport.sendBatch(claimed)) {
				return;
			}
			claimed.forEach(PendingRequest::releaseWrite);
		}
		requests.forEach(this::dispatch);
	}

	/** Whether a new call may be registered now, else the error to fail it with. */
	public @Nullable RuntimeException refusal(String method) {
		ConnectionState current = this.state;
		return switch (current) {
			case CONNECTED -> null;
			case CONNECTING, RECONNECTING -> (this.disconnectedBehavior == DisconnectedBehavior.WAIT_FOR_RECONNECT) ? null
					: notConnected(current, method);
			case SHUT_DOWN -> new RpcShutdownException(method + " to " + this.endpoint + " failed: the client is shut down");
			case DISCONNECTED -> notConnected(current, method);
		};
	}

	private RpcConnectionException notConnected(ConnectionState current, String method) {
		String failure = this.lastFailure;
		String why = switch (current) {
			case CONNECTING -> "connecting";
			case RECONNECTING -> "reconnecting";
			default -> (failure != null) ? "not connected" : "not connected (call connect() first)";
		};
		return new RpcConnectionException(method + " was not sent to " + this.endpoint + ": " + why
				+ ((failure != null) ? " (last failure: " + failure + ")" : ""));
	}

	private RpcConnectionException notSent(PendingRequest<?> request, @Nullable String why, @Nullable Throwable cause) {
		boolean mayHaveRun = request.isWritten() || request.wasSentBefore();
		return new RpcConnectionException(request.method() + " (id " + request.id() + ") "
				+ (mayHaveRun ? "to " + this.endpoint + " failed" : "was not sent to " + this.endpoint) + ": " + why
				+ (mayHaveRun ? "; it may or may not have run on the node" : ""), cause);
	}

	// ------------------------------------------------------------------ stopping

	/**
	 * Drops the connection. With reconnect on, the watchdog reconnects (and resends what is safe);
	 * with it off, every pending call fails with a connection error.
	 */
	public void disconnect() {
		synchronized (this.lock) {
			if (this.state == ConnectionState.SHUT_DOWN || this.state == ConnectionState.DISCONNECTED) {
				return;
			}
			if (!this.reconnect) {
				this.state = ConnectionState.DISCONNECTED;
			}
		}
		if (!this.reconnect) {
			this.pending.failAll((request) -> new RpcConnectionException(request.method() + " (id " + request.id()
					+ ") to " + this.endpoint + " failed: the client disconnected; it may or may not have run on the node"));
			this.events.dispatch(new ConnectionEvent.Disconnected(this.endpoint, "disconnected by the client"));
		}
		this.transport.disconnect();
	}

	/**
	 * Drops the connection and stays disconnected, without reconnecting, until {@link #connect}:
	 * every pending call fails (saying whether it may have run), the subscriptions are kept for the
	 * next connection. Returns false if there was nothing to suspend (disconnected or shut down).
	 */
	public boolean suspend() {
		synchronized (this.lock) {
			if (this.state == ConnectionState.SHUT_DOWN || this.state == ConnectionState.DISCONNECTED) {
				return false;
			}
			this.state = ConnectionState.DISCONNECTED;
			this.lastFailure = null;
			this.attempt = 0;
			// An attempt still running is stale from now on: it drops what it opens and changes nothing.
			this.epoch++;
			this.attemptActive = false;
			if (this.reconnectTask != null) {
				this.reconnectTask.cancel(false);
				this.reconnectTask = null;
			}
		}
		logger.info("Suspended the connection to {}", this.endpoint);
		this.pending.failAll((request) -> notSent(request, "the client was suspended", null));
		this.registrations.clear();
		this.transport.disconnect();
		this.events.dispatch(new ConnectionEvent.Disconnected(this.endpoint, "suspended by the client"));
		return true;
	}

	/** Moves to {@code SHUT_DOWN} for good; returns false if it already was. */
	public boolean shutdown() {
		synchronized (this.lock) {
			if (this.state == ConnectionState.SHUT_DOWN) {
				return false;
			}
			this.state = ConnectionState.SHUT_DOWN;
			this.epoch++;
			if (this.reconnectTask != null) {
				this.reconnectTask.cancel(false);
			}
			return true;
		}
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof java.util.concurrent.CompletionException
				|| cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/** One connection attempt: its epoch, the attempt it waits for, and its own end. */
	private record Attempt(long epoch, CompletableFuture<Void> previous, CompletableFuture<Void> done) {
	}

}
