package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.ConnectionState;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcShutdownException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the connection up, and nothing else: owns its state, connects, notices loss, and
 * reconnects with the configured {@link Delay}, one attempt at a time, reporting each step as a
 * {@link ConnectionEvent}. What happens to the calls at each step (written when the connection
 * comes up, sorted for resending when it is lost, failed when it will not come back) is the
 * {@link Endpoint}'s business, which the watchdog tells through its {@link Link}.
 * <p>
 * Threads: state changes happen under {@link #lock}, which is never held across I/O or while
 * completing futures; {@link #state} is also volatile so the call path reads it without locking.
 * At most one reconnect attempt is scheduled or running at a time ({@link #attemptActive}).
 */
public final class ConnectionWatchdog {

	private static final Logger logger = LoggerFactory.getLogger(ConnectionWatchdog.class);

	/**
	 * What the watchdog keeps up: the endpoint, which owns the transport and the calls. Called
	 * without the watchdog's lock held, except {@link #close()} when an attempt that was cut short
	 * drops what it opened.
	 */
	interface Link {

		/**
		 * Opens a connection and registers the subscriptions on it again; completes once both are
		 * done, failing only if the connection could not be opened.
		 */
		CompletableFuture<Void> open();

		/** Whether the connection is open now. */
		boolean isOpen();

		/** Drops the connection. Its loss may be reported to {@link #onConnectionLost} before this returns. */
		void close();

		/** The connection is up: write what waited for it. */
		void connected();

		/** The first connect failed and is not retried: fail the calls that waited for it. */
		void connectFailed(Throwable cause);

		/**
		 * The connection was lost: sort what was written to it.
		 * @param reconnecting whether a reconnect follows, which may resend what is safe to resend
		 */
		void lost(Throwable cause, boolean reconnecting);

		/** The client disconnected with reconnect off: fail every pending call. */
		void disconnected();

		/** The client suspended the connection: fail every pending call, saying whether it may have run. */
		void suspended();

	}

	private final Link link;

	private final EventDispatcher events;

	private final ScheduledExecutorService timer;

	private final String endpoint;

	private final boolean reconnect;

	/**
	 * Over HTTP each call is a POST of its own: a failed one says the node is gone and an answered
	 * one that it is back.
	 */
	private final boolean http;

	private final Delay delay;

	private final Object lock = new Object();

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

	ConnectionWatchdog(Link link, EventDispatcher events, ScheduledExecutorService timer, ClientOptions options) {
		this.link = link;
		this.events = events;
		this.timer = timer;
		this.endpoint = options.url().toString();
		this.reconnect = options.reconnect();
		this.http = options.mode() == org.bitcoinrpc.client.TransportMode.HTTP_POST;
		this.delay = options.reconnectDelay();
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

	/** Why the last attempt failed or the connection was lost; null while connected or before any failure. */
	public @Nullable String lastFailure() {
		return this.lastFailure;
	}

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

	// ------------------------------------------------------------------ connecting

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
				Outcome outcome = (failure == null) ? connected(0, attempt.epoch) : Outcome.LOST;
				if (outcome == Outcome.UP) {
					result.complete(null);
				}
				else if (outcome == Outcome.STALE) {
					// Suspended or shut down while the attempt ran: what it opened was dropped.
					result.completeExceptionally(abandoned());
				}
				else {
					Throwable cause = (failure != null) ? Futures.unwrap(failure) : lostWhileRegistering();
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
	 * Opens the connection with the subscriptions registered again, before the calls waiting for it
	 * go out ({@link Link#connected()}).
	 */
	private CompletableFuture<Void> openAndRegister() {
		try {
			return this.link.open();
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

	private RpcConnectionException lostWhileRegistering() {
		return new RpcConnectionException("Connection to " + this.endpoint + " lost while registering the subscriptions again");
	}

	/**
	 * Marks the connection up, unless the attempt of {@code attemptEpoch} was cut short by a
	 * suspend or shutdown meanwhile ({@link Outcome#STALE}: what it opened is dropped) or the
	 * connection it opened is already gone ({@link Outcome#LOST}).
	 */
	private Outcome connected(int attempts, long attemptEpoch) {
		synchronized (this.lock) {
			if (attemptEpoch != this.epoch || this.state == ConnectionState.SHUT_DOWN
					|| this.state == ConnectionState.DISCONNECTED) {
				this.droppingStale = true;
				try {
					this.link.close();
				}
				finally {
					this.droppingStale = false;
				}
				return Outcome.STALE;
			}
			if (this.state == ConnectionState.CONNECTED) {
				// Over HTTP an answered call may have brought the connection back first.
				return Outcome.UP;
			}
			if (!this.http && !this.link.isOpen()) {
				// Lost while the subscriptions were registered again; the loss may have been handled
				// already, on this very thread (failing a registration completes the attempt). Checked
				// under the lock: a loss reported from now on finds the state this method leaves. Over
				// HTTP a loss closes nothing, and an answered call is proof enough.
				return Outcome.LOST;
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
		this.link.connected();
		return Outcome.UP;
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
		this.link.connectFailed(cause);
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

	/** The connection is lost, or over HTTP a POST could not reach the node. Any thread. */
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
		// Sorted before the next attempt is scheduled: what it may resend must be released first.
		this.link.lost(cause, reconnecting);
		if (!reconnecting) {
			return;
		}
		synchronized (this.lock) {
			if (this.state == ConnectionState.RECONNECTING && !this.attemptActive) {
				scheduleReconnect();
			}
		}
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
		if (failure == null && connected(number, attemptEpoch) != Outcome.LOST) {
			return;
		}
		if (!isCurrent(attemptEpoch)) {
			// Cut short by a suspend or shutdown: nothing to report, nothing to schedule.
			return;
		}
		String cause = (failure != null) ? String.valueOf(Futures.unwrap(failure).getMessage()) : "connection lost while re-registering";
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
			this.link.disconnected();
			this.events.dispatch(new ConnectionEvent.Disconnected(this.endpoint, "disconnected by the client"));
		}
		this.link.close();
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
		this.link.suspended();
		this.link.close();
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

	/** How an attempt that opened a connection ended. */
	private enum Outcome {

		/** The connection is up. */
		UP,

		/** A suspend or shutdown came first: what the attempt opened was dropped. */
		STALE,

		/** The connection was lost before it counted as up. */
		LOST

	}

	/** One connection attempt: its epoch, the attempt it waits for, and its own end. */
	private record Attempt(long epoch, CompletableFuture<Void> previous, CompletableFuture<Void> done) {
	}

}
