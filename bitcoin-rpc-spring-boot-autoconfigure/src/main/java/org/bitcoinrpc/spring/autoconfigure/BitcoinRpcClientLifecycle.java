package org.bitcoinrpc.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinEventListener;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.client.model.OutPoint;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties.Notifications;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Connects the client when the application context starts, suspends the connection when the
 * context stops, shuts the client down for good when this bean is destroyed, and subscribes to
 * the notifications {@code bitcoin.rpc.notifications.*} asks for.
 * <p>
 * Starting never blocks on the node unless {@code bitcoin.rpc.fail-fast} is set: the first
 * connection attempt runs in the background and, if it fails, the client keeps reconnecting
 * (the health indicator says DOWN meanwhile). With fail-fast the first start makes one attempt,
 * without background retries, waits for it and for one answered call, and fails with a
 * {@link BitcoinRpcStartupException} (explained by {@link BitcoinRpcStartupFailureAnalyzer}).
 * Subscriptions are sent once a connection is up (on the first {@link ConnectionEvent.Connected}
 * or {@link ConnectionEvent.Reconnected}); after that the client registers them again by itself
 * after every reconnect, and at every connect after a stop.
 * <p>
 * Stopping ({@code context.stop()}, a CRaC checkpoint, or the first step of closing the context)
 * {@linkplain BitcoinRpcClient#suspend() suspends} the client: the connection is dropped and not
 * reconnected, calls still pending fail with an {@link RpcConnectionException} saying whether they
 * may have run, and the client stays usable. Starting again connects again (in the background,
 * fail-fast or not: fail-fast is about the application's start-up) and the subscriptions come back
 * with the connection.
 * <p>
 * Destruction ({@link #destroy()}, when the context closes) is final and the one owner of the
 * client's end: it {@linkplain BitcoinRpcClient#shutdown() shuts the client down} and waits (up to
 * {@code bitcoin.rpc.shutdown-timeout}) until the client's threads have ended, so events already
 * queued are still published before the context is gone. The auto-configured client bean has no
 * destroy method of its own for that reason.
 * <p>
 * The lifecycle's phase puts it before the web server at start-up and after it at shutdown, so
 * requests in flight can still use the client while the server drains them.
 */
public class BitcoinRpcClientLifecycle implements SmartLifecycle, BitcoinEventListener, DisposableBean {

	/**
	 * The phase: earlier than the web server's start ({@code DEFAULT_PHASE - 2048}) and its
	 * graceful shutdown ({@code DEFAULT_PHASE - 1024}), so the client stops after both.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(BitcoinRpcClientLifecycle.class);

	private final BitcoinRpcClient client;

	private final List<BitcoinEventListener> listeners;

	private final Notifications notifications;

	private final List<OutPoint> outpoints;

	/**
	 * Whether to send subscriptions: only over a websocket. Over HTTP the one notification allowed
	 * is {@code blocks}, which the chain follower serves by polling instead.
	 */
	private final boolean subscribes;

	private final boolean failFast;

	private final Duration shutdownTimeout;

	/** Guards {@link #running}, {@link #started}, {@link #destroyed} and {@link #listenersAdded}. */
	private final Object lifecycleMonitor = new Object();

	/** Guarded by {@link #lifecycleMonitor}; volatile for {@link #isRunning()}. */
	private volatile boolean running;

	/** Whether {@link #start()} ever succeeded: fail-fast applies to the first start only. Guarded by {@link #lifecycleMonitor}. */
	private boolean started;

	/** Set once by {@link #destroy()}; nothing starts again after it. Guarded by {@link #lifecycleMonitor}. */
	private boolean destroyed;

	/** Whether {@link #listeners} were added to the client. Guarded by {@link #lifecycleMonitor}. */
	private boolean listenersAdded;

	/** Where the subscriptions stand; changed by the event thread and the subscription calls' completion. */
	private final AtomicReference<Subscription> subscription = new AtomicReference<>(Subscription.NONE);

	/** Why the client is not connected, or null once it is. Written by I/O and event threads. */
	private volatile @Nullable Throwable lastConnectionFailure;

	/**
	 * A lifecycle for a client.
	 * @param client the client to connect, suspend and, on destruction, shut down
	 * @param properties the properties: {@code notifications.*}, {@code fail-fast} and
	 * {@code shutdown-timeout} are used
	 * @param listeners listeners to add to the client before it connects (the event publisher)
	 */
	public BitcoinRpcClientLifecycle(BitcoinRpcClient client, BitcoinRpcProperties properties,
			List<BitcoinEventListener> listeners) {
		this.client = client;
		this.listeners = List.copyOf(listeners);
		this.notifications = properties.getNotifications();
		this.outpoints = ClientOptionsFactory.checkNotifications(this.notifications, client.options().mode());
		this.subscribes = this.notifications.anyRequested() && client.options().mode() == TransportMode.WEBSOCKET;
		this.failFast = properties.isFailFast();
		this.shutdownTimeout = properties.getShutdownTimeout();
	}

	/**
	 * Connects the client, or starts connecting it.
	 * @throws BitcoinRpcStartupException with fail-fast, at the first start, when the node cannot
	 * be reached or refuses the credentials
	 * @throws IllegalStateException after {@link #destroy()}
	 */
	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.destroyed) {
				throw new IllegalStateException("The Bitcoin RPC client lifecycle for " + url() + " was destroyed");
			}
			if (this.running) {
				return;
			}
			if (!this.listenersAdded) {
				// This one first: subscribing on Connected should not wait behind slow application listeners.
				this.client.addListener(this);
				this.listeners.forEach(this.client::addListener);
				this.listenersAdded = true;
			}
			boolean waitForNode = this.failFast && !this.started;
			// One attempt when we wait for it: a failure then fails the start-up, and background
			// retries would only log "retrying" for an application that is about to stop.
			CompletableFuture<Void> connected = waitForNode ? this.client.connectOnceAsync() : this.client.connectAsync();
			connected.whenComplete((ignored, failure) -> {
				if (failure != null) {
					this.lastConnectionFailure = unwrap(failure);
				}
			});
			if (waitForNode) {
				awaitNode(connected);
			}
			this.started = true;
			this.running = true;
		}
	}

	/**
	 * Waits for the first connection and one answered call, or fails, leaving the client suspended
	 * (disconnected, not retrying); {@link #destroy()} shuts it down.
	 */
	private void awaitNode(CompletableFuture<Void> connected) {
		Duration connectTimeout = this.client.options().connectTimeout();
		Duration requestTimeout = this.client.options().requestTimeout();
		try {
			connected.get(connectTimeout.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
			// A call proves the node serves RPC (over a websocket the handshake alone does not).
			this.client.getBlockCountAsync().get(requestTimeout.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = unwrap(ex);
			if (!(cause instanceof RpcErrorException)) {
				// An RPC error (such as -28, warming up) means the node is there: that is enough.
				throw startupFailure(cause);
			}
		}
		catch (TimeoutException ex) {
			throw startupFailure(new TimeoutException("no answer in time (bitcoin.rpc.connect-timeout " + connectTimeout
					+ ", bitcoin.rpc.request-timeout " + requestTimeout + ")"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw startupFailure(ex);
		}
	}

	private BitcoinRpcStartupException startupFailure(Throwable cause) {
		// Whatever the attempt left behind (a connection still opening, reconnects after a lost
		// first call) stops here, so the failing start-up logs nothing more about the node.
		this.client.suspend();
		return new BitcoinRpcStartupException(url(), cause);
	}

	/** Suspends the client's connection; {@link #start()} connects it again. */
	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			this.client.suspend();
		}
	}

	/**
	 * Shuts the client down for good and waits up to {@code bitcoin.rpc.shutdown-timeout} for its
	 * threads to end; calls still pending fail with an {@link org.bitcoinrpc.client.RpcShutdownException}.
	 * Idempotent.
	 */
	@Override
	public void destroy() {
		synchronized (this.lifecycleMonitor) {
			if (this.destroyed) {
				return;
			}
			this.destroyed = true;
			this.running = false;
		}
		// Outside the monitor: the wait can be long, and nothing here needs the lifecycle's state.
		this.client.shutdown();
		try {
			if (!this.client.awaitShutdown(this.shutdownTimeout)) {
				logger.warn("The Bitcoin RPC client for " + url() + " did not release its threads within "
						+ this.shutdownTimeout + " (bitcoin.rpc.shutdown-timeout); an event listener may be blocked");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Why the client is not connected now: the first attempt's error, or the latest reconnect
	 * failure or disconnection; {@code null} while connected or before the first attempt ended.
	 * @return the last connection failure, or {@code null}
	 */
	public @Nullable Throwable lastConnectionFailure() {
		// The field is cleared when the Connected event reaches the event thread, a moment after the
		// client is connected: asked in between, the answer must already be "none".
		return this.client.isConnected() ? null : this.lastConnectionFailure;
	}

	/**
	 * Tracks the connection and subscribes once it is up. Runs on the client's event thread.
	 * @param event the event
	 */
	@Override
	public void onEvent(BitcoinEvent event) {
		if (event instanceof ConnectionEvent.Connected || event instanceof ConnectionEvent.Reconnected) {
			this.lastConnectionFailure = null;
			subscribe();
		}
		else if (event instanceof ConnectionEvent.ReconnectFailed failed) {
			recordFailure(failed.cause());
		}
		else if (event instanceof ConnectionEvent.Disconnected disconnected) {
			recordFailure(disconnected.cause());
		}
	}

	private void recordFailure(String cause) {
		Throwable last = this.lastConnectionFailure;
		// Connection events carry only the message; keep the typed error (such as an authentication
		// failure) of the first attempt while the reconnects fail in the same way.
		if (last == null || !cause.equals(last.getMessage())) {
			this.lastConnectionFailure = new RpcConnectionException(cause);
		}
	}

	/** Sends the subscriptions unless they are sent or being sent. */
	private void subscribe() {
		if (!this.subscribes || !this.subscription.compareAndSet(Subscription.NONE, Subscription.PENDING)) {
			return;
		}
		List<CompletableFuture<Void>> calls = new ArrayList<>();
		if (this.notifications.isBlocks()) {
			calls.add(logged("notifyblocks", this.client.notifyBlocksAsync()));
		}
		switch (this.notifications.getTransactions()) {
			case TXID -> calls.add(logged("notifynewtransactions", this.client.notifyNewTransactionsAsync(false)));
			case VERBOSE -> calls.add(logged("notifynewtransactions", this.client.notifyNewTransactionsAsync(true)));
			case NONE -> {
			}
		}
		if (!this.notifications.getAddresses().isEmpty()) {
			calls.add(logged("notifyreceived", this.client.notifyReceivedAsync(List.copyOf(this.notifications.getAddresses()))));
		}
		if (!this.outpoints.isEmpty()) {
			calls.add(logged("notifyspent", this.client.notifySpentAsync(this.outpoints)));
		}
		CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
			// A failed subscription is sent again at the next (re)connection; the client itself
			// re-registers only those the node accepted.
			this.subscription.set((failure == null) ? Subscription.DONE : Subscription.NONE);
		});
	}

	private CompletableFuture<Void> logged(String method, CompletableFuture<Void> call) {
		return call.whenComplete((ignored, failure) -> {
			if (failure == null) {
				logger.debug("Subscribed with " + method + " at " + this.client.options().url());
			}
			else {
				logger.warn("Could not subscribe with " + method + " at " + this.client.options().url() + ": "
						+ describe(unwrap(failure)) + "; trying again at the next connection");
			}
		});
	}

	/** The client's URL, without credentials should the application's own client have any. */
	private String url() {
		return ClientOptionsFactory.withoutUserInfo(this.client.options().url().toString());
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String describe(Throwable cause) {
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	private enum Subscription {

		NONE, PENDING, DONE

	}

}
