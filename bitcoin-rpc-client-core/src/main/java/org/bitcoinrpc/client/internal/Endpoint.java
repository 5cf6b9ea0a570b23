package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ConnectionState;
import org.bitcoinrpc.client.DisconnectedBehavior;
import org.bitcoinrpc.client.ResendPolicy;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcMaybeExecutedException;
import org.bitcoinrpc.client.RpcRequestRejectedException;
import org.bitcoinrpc.client.RpcShutdownException;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.transport.Transport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * The client's one way to the node: registers each call, encodes it and writes it to the
 * {@link Transport}, keeps it while there is no connection ({@link DisconnectedBehavior}, bounded
 * by the queue timeout), and after a lost connection sends again what is safe to send twice
 * ({@link ResendPolicy}) once the subscriptions are registered again. What comes back is routed by
 * its {@link Inbound} listener. The transport only moves bytes; the {@link ConnectionWatchdog}
 * only keeps the connection up, and tells this endpoint through its link when to write what
 * waited and when to sort or fail what was written.
 * <p>
 * The hot path of a call over the websocket is {@link #send}: a volatile read of the state, the
 * registration, the encoding and the transport's write, on the caller's thread, with no object
 * beyond the request and its bytes.
 * <p>
 * Threads: any thread sends; the watchdog's and the transport's threads report. Every field is
 * final and thread-safe; {@link #registrations} is the only collection of its own.
 */
public final class Endpoint {

	private static final Logger logger = LoggerFactory.getLogger(Endpoint.class);

	private final Transport transport;

	private final JsonRpcCodec codec;

	private final String endpoint;

	private final ConnectionWatchdog watchdog;

	private final PendingRequests pending;

	private final ReplyRouter router;

	private final Inbound inbound;

	private final Subscriptions subscriptions;

	/** Ids for the re-registration calls, from the client's counter. */
	private final LongSupplier ids;

	/** Reads the result of a re-registration call, which is null. */
	private final ObjectReader registrationReader;

	private final Duration requestTimeout;

	/**
	 * Whether the transport is pipelined (the websocket): what was written to a lost connection is
	 * sorted here. Over HTTP each call is settled by its own POST, never by a loss.
	 */
	private final boolean pipelined;

	private final boolean reconnect;

	private final ResendPolicy resendPolicy;

	private final DisconnectedBehavior disconnectedBehavior;

	/** Calls sent again, after a reconnect or as an HTTP retry. */
	private final AtomicLong resent = new AtomicLong();

	/** Ids of re-registration calls in flight; added by the attempt, removed on completion, any thread. */
	private final Set<Long> registrations = ConcurrentHashMap.newKeySet();

	/**
	 * @param ids the client's id counter, for the calls that register the subscriptions again
	 */
	public Endpoint(Transport transport, JsonRpcCodec codec, EventDispatcher events, ScheduledExecutorService timer,
			Subscriptions subscriptions, LongSupplier ids, ClientOptions options) {
		this.transport = transport;
		this.codec = codec;
		this.endpoint = options.url().toString();
		this.subscriptions = subscriptions;
		this.ids = ids;
		this.registrationReader = codec.mapper().readerFor(Void.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.requestTimeout = options.requestTimeout();
		this.pipelined = options.mode() != TransportMode.HTTP_POST;
		this.reconnect = options.reconnect();
		this.resendPolicy = options.resendPolicy();
		this.disconnectedBehavior = options.disconnectedBehavior();
		// The watchdog calls its link only once connect() is called, after this constructor.
		this.watchdog = new ConnectionWatchdog(new Link(), events, timer, options);
		this.pending = new PendingRequests(options.maxPendingRequests(), timer, this.endpoint, this.watchdog::status);
		this.router = new ReplyRouter(this.pending, events, codec.mapper(), this.endpoint);
		this.inbound = new Inbound(this.pending, this.router, codec, this.watchdog,
				new Retries(options.resendPolicy(), options.reconnectDelay(), timer, this.resent), this::resend, this.endpoint);
	}

	// ------------------------------------------------------------------ the connection

	/** See {@link ConnectionWatchdog#connect}. */
	public CompletableFuture<Void> connect(boolean retryInBackground) {
		return this.watchdog.connect(retryInBackground);
	}

	/** See {@link ConnectionWatchdog#suspend}. */
	public void suspend() {
		this.watchdog.suspend();
	}

	/** See {@link ConnectionWatchdog#disconnect}. */
	public void disconnect() {
		this.watchdog.disconnect();
	}

	/**
	 * Moves to {@code SHUT_DOWN} for good and fails every pending call with an
	 * {@link RpcShutdownException}. Returns how many it failed, or -1 if it was shut down already.
	 * A call sent meanwhile sees the state, set first, and fails too.
	 */
	public int shutdown() {
		if (!this.watchdog.shutdown()) {
			return -1;
		}
		return this.pending.failAll((request) -> new RpcShutdownException(request.method() + " (id " + request.id()
				+ ") to " + this.endpoint + " failed: the client is shut down"));
	}

	/** Drops the connection and releases what the transport created; once, after {@link #shutdown()}. */
	public void release() {
		this.transport.release();
	}

	public ConnectionState state() {
		return this.watchdog.state();
	}

	/** Whether calls are written now. */
	public boolean isConnected() {
		return this.watchdog.state() == ConnectionState.CONNECTED && this.transport.isOpen();
	}

	/** See {@link ConnectionWatchdog#status()}. */
	public String status() {
		return this.watchdog.status();
	}

	public int reconnectAttempts() {
		return this.watchdog.reconnectAttempts();
	}

	/** Calls registered and not yet completed. */
	public int pendingRequests() {
		return this.pending.size();
	}

	/** Calls sent again: resent after a reconnect, or retried over HTTP. */
	public long resentRequests() {
		return this.resent.get();
	}

	/** Messages from the node that were not valid JSON-RPC, or replies that could not be used. */
	public long malformedMessages() {
		return this.router.malformedMessages();
	}

	// ------------------------------------------------------------------ calls

	/**
	 * Sends a call: fails it at once when the state refuses new calls or too many are pending,
	 * else registers it and writes it now, keeps it for the next connection, or fails it, as the
	 * state and {@link DisconnectedBehavior} say. Its future completes in every case; never throws.
	 */
	public void send(PendingRequest<?> request) {
		// shutdown() sets the state before failing what is pending: a request registered after that
		// sweep sees the state in dispatch, so none is left behind.
		if (admit(request)) {
			dispatch(request);
		}
	}

	/** Sends calls as one batch; each that cannot be registered fails on its own, as {@link #send} would fail it. */
	public void sendBatch(List<PendingRequest<?>> requests) {
		List<PendingRequest<?>> registered = new ArrayList<>(requests.size());
		for (PendingRequest<?> request : requests) {
			if (admit(request)) {
				registered.add(request);
			}
		}
		if (!registered.isEmpty()) {
			dispatchBatch(registered);
		}
	}

	/** Registers a new call; fails it instead when the state refuses new calls or too many are pending. */
	private boolean admit(PendingRequest<?> request) {
		RuntimeException refusal = refusal(request.method());
		if (refusal != null) {
			request.fail(refusal);
			return false;
		}
		try {
			this.pending.register(request);
			return true;
		}
		catch (RpcRequestRejectedException ex) {
			request.fail(ex);
			return false;
		}
	}

	/**
	 * Writes a registered request now, or leaves it waiting for the next connection, or fails it,
	 * as the state and {@link DisconnectedBehavior} say. A request registered before the state
	 * turns {@code CONNECTED} is seen by {@link #flushUnwritten()}, one registered after sees the
	 * state here; {@link PendingRequest#claimWrite()} keeps both from writing it.
	 */
	private void dispatch(PendingRequest<?> request) {
		for (int tries = 0; tries < 3; tries++) {
			ConnectionState current = this.watchdog.state();
			if (current == ConnectionState.CONNECTED) {
				if (!request.claimWrite() || write(request)) {
					return;
				}
				request.releaseWrite();
				if (this.reconnect && this.disconnectedBehavior == DisconnectedBehavior.WAIT_FOR_RECONNECT
						&& !this.transport.isOpen()) {
					// The connection is gone but its loss is not handled yet: the request waits for the
					// next connection (flushUnwritten), unless one came up meanwhile.
					if (this.watchdog.state() == ConnectionState.CONNECTED && this.transport.isOpen()) {
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
		ConnectionState current = this.watchdog.state();
		this.pending.fail(request.id(), (current == ConnectionState.SHUT_DOWN)
				? new RpcShutdownException(request.method() + " to " + this.endpoint + " failed: the client is shut down")
				: notConnected(current, request.method()));
	}

	/**
	 * Writes registered requests as one batch when connected; while reconnecting they wait and go
	 * out one by one with the others; otherwise each fails as {@link #dispatch} would fail it.
	 */
	private void dispatchBatch(List<PendingRequest<?>> requests) {
		if (this.watchdog.state() == ConnectionState.CONNECTED) {
			List<PendingRequest<?>> claimed = requests.stream().filter(PendingRequest::claimWrite).toList();
			if (claimed.isEmpty() || writeBatch(claimed)) {
				return;
			}
			claimed.forEach(PendingRequest::releaseWrite);
		}
		requests.forEach(this::dispatch);
	}

	/**
	 * Encodes a request claimed for writing and hands it to the transport. Returns false, leaving
	 * it untouched, when there is no open connection; a request that cannot be encoded fails.
	 */
	private boolean write(PendingRequest<?> request) {
		byte[] payload;
		try {
			payload = this.codec.encodeRequest(request.id(), request.method(), request.params());
		}
		catch (RuntimeException ex) {
			this.pending.fail(request.id(), new IllegalArgumentException(
					"Cannot encode the params of " + request.method() + " as JSON: " + ex.getMessage(), ex));
			return true;
		}
		return this.transport.write(request, payload);
	}

	/** {@link #write} for claimed requests that go as one batch. */
	private boolean writeBatch(List<PendingRequest<?>> requests) {
		byte[] payload;
		try {
			payload = this.codec.encodeBatch(requests);
		}
		catch (RuntimeException ex) {
			requests.forEach((request) -> this.pending.fail(request.id(),
					new IllegalArgumentException("Cannot encode the batch as JSON: " + ex.getMessage(), ex)));
			return true;
		}
		return this.transport.write(new Batch(requests), payload);
	}

	/** Writes a call again for a retry (HTTP), encoded anew: the transport keeps no bytes. */
	private void resend(PendingRequest<?> request) {
		if (!write(request)) {
			this.pending.fail(request.id(), new RpcConnectionException(request.method() + " (id " + request.id()
					+ ") to " + this.endpoint + " failed: no connection to send it again; it may or may not have run on the node"));
		}
	}

	/** Whether a new call may be registered now, else the error to fail it with. */
	private @Nullable RuntimeException refusal(String method) {
		ConnectionState current = this.watchdog.state();
		return switch (current) {
			case CONNECTED -> null;
			case CONNECTING, RECONNECTING -> (this.disconnectedBehavior == DisconnectedBehavior.WAIT_FOR_RECONNECT) ? null
					: notConnected(current, method);
			case SHUT_DOWN -> new RpcShutdownException(method + " to " + this.endpoint + " failed: the client is shut down");
			case DISCONNECTED -> notConnected(current, method);
		};
	}

	private RpcConnectionException notConnected(ConnectionState current, String method) {
		String failure = this.watchdog.lastFailure();
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

	// ------------------------------------------------------------------ after a reconnect

	/**
	 * Registers the subscriptions again on a new connection, before anything else is written to
	 * it: a call resent before its subscription is back could trigger a notification the node would
	 * not send yet (the order the Go client keeps too). Completes once every registration has been
	 * answered or has failed.
	 */
	private CompletableFuture<Void> reRegister() {
		List<Subscriptions.Registration> registrations = this.subscriptions.registrations();
		CompletableFuture<?>[] calls = registrations.stream().map((registration) -> registerAgain(registration)
			.whenComplete((result, failure) -> {
				if (failure != null) {
					logger.warn("Could not register {} again with {}: {}", registration.method(), this.endpoint,
							Futures.unwrap(failure).getMessage());
				}
			})).toArray(CompletableFuture[]::new);
		return CompletableFuture.allOf(calls).handle((ignored, failure) -> null);
	}

	/** One re-registration: written at once, whatever the state says, and never resent. */
	private CompletableFuture<?> registerAgain(Subscriptions.Registration registration) {
		List<JsonNode> params = new ArrayList<>();
		registration.params().forEach(params::add);
		PendingRequest<Object> request = new PendingRequest<>(this.ids.getAsLong(), registration.method(), params,
				this.registrationReader, this.requestTimeout, null);
		try {
			this.pending.register(request);
		}
		catch (RpcRequestRejectedException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		this.registrations.add(request.id());
		request.future().whenComplete((result, failure) -> this.registrations.remove(request.id()));
		if (request.claimWrite() && !write(request)) {
			this.pending.fail(request.id(), new RpcConnectionException("Connection to " + this.endpoint
					+ " lost before " + registration.method() + " could be registered again"));
		}
		return request.future();
	}

	/** Writes every pending request not yet written to this connection, oldest first. */
	private void flushUnwritten() {
		List<PendingRequest<?>> waiting = this.pending.snapshot();
		waiting.sort(Comparator.comparingLong(PendingRequest::id));
		for (PendingRequest<?> request : waiting) {
			if (this.watchdog.state() != ConnectionState.CONNECTED) {
				return;
			}
			if (request.claimWrite() && !write(request)) {
				request.releaseWrite();
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

	/** What the watchdog drives: the transport's connection, and what happens to the calls at each step. */
	private final class Link implements ConnectionWatchdog.Link {

		@Override
		public CompletableFuture<Void> open() {
			return Endpoint.this.transport.connect(Endpoint.this.inbound).thenCompose((ignored) -> reRegister());
		}

		@Override
		public boolean isOpen() {
			return Endpoint.this.transport.isOpen();
		}

		@Override
		public void close() {
			Endpoint.this.transport.close();
		}

		@Override
		public void connected() {
			flushUnwritten();
		}

		@Override
		public void connectFailed(Throwable cause) {
			// Calls made while connecting waited for this attempt; none of them was sent.
			Endpoint.this.pending.failAll((request) -> notSent(request, cause.getMessage(), cause));
		}

		@Override
		public void lost(Throwable cause, boolean reconnecting) {
			if (!Endpoint.this.pipelined) {
				// The calls in flight are settled by their own POSTs (and retried when safe).
				return;
			}
			if (reconnecting) {
				sweepForResend(cause);
				return;
			}
			Endpoint.this.pending.failAll((request) -> new RpcConnectionException(request.method() + " (id "
					+ request.id() + ") failed: " + cause.getMessage() + "; it may or may not have run on the node", cause));
		}

		@Override
		public void disconnected() {
			Endpoint.this.pending.failAll((request) -> new RpcConnectionException(request.method() + " (id "
					+ request.id() + ") to " + Endpoint.this.endpoint
					+ " failed: the client disconnected; it may or may not have run on the node"));
		}

		@Override
		public void suspended() {
			Endpoint.this.pending.failAll((request) -> notSent(request, "the client was suspended", null));
			Endpoint.this.registrations.clear();
		}

	}

}
