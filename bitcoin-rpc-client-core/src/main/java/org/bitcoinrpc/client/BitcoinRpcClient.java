package org.bitcoinrpc.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bitcoinrpc.client.internal.Endpoint;
import org.bitcoinrpc.client.internal.EventDispatcher;
import org.bitcoinrpc.client.internal.NodeInfoDetector;
import org.bitcoinrpc.client.internal.NodeMethods;
import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.internal.PendingRequest;
import org.bitcoinrpc.client.internal.Subscriptions;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.transport.Credentials;
import org.bitcoinrpc.client.transport.HttpPostTransport;
import org.bitcoinrpc.client.transport.NettyConnector;
import org.bitcoinrpc.client.transport.Transport;
import org.bitcoinrpc.client.transport.WebSocketTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * A client for one btcd or Bitcoin Core node, over a websocket or HTTP POST as the URL says.
 * <pre>{@code
 * try (BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder()
 *         .url("ws://127.0.0.1:8334/ws").credentials("user", "pass").build())) {
 *     client.connect();
 *     long height = client.getBlockCount();
 *     client.getBestBlockHashAsync().thenAccept(System.out::println);
 * }
 * }</pre>
 * Every call comes in two forms: {@code xxxAsync} returns a {@link CompletableFuture}, the plain
 * form blocks. Every future completes: with the result, an {@link RpcErrorException} from the
 * node, or a {@link RpcTimeoutException}, {@link RpcConnectionException} (and its
 * {@link RpcMaybeExecutedException}), {@link RpcShutdownException}, {@link RpcProtocolException}
 * or {@link RpcRequestRejectedException}.
 * <p>
 * Over a websocket the client reconnects by itself (unless {@link ClientOptions#reconnect()} is
 * off): it registers the notification subscriptions again, then resends the calls that were in
 * flight and are safe to run twice ({@link ResendPolicy}); the others fail with
 * {@link RpcMaybeExecutedException}. Over HTTP a failed POST marks the client disconnected and a
 * probe call (or the next answered call) marks it connected again. Calls made while there is no
 * connection wait for it, bounded by {@link ClientOptions#queueTimeout()}, or fail at once
 * ({@link DisconnectedBehavior}); a call that was never sent fails with an
 * {@link RpcConnectionException} that says so, never with a timeout that says it may have run.
 * <p>
 * Futures complete on the client's I/O threads: chain with the {@code ...Async} methods of
 * {@code CompletableFuture} before doing anything slow or blocking in a callback.
 * <p>
 * Thread-safe: one instance serves any number of threads. {@link #shutdown()} releases every
 * thread and connection the client made.
 */
public final class BitcoinRpcClient implements ChainCalls, MempoolCalls, TransactionCalls, NetworkCalls, MiningCalls,
		UtilityCalls, WalletCalls, WalletSpendCalls, WalletManagementCalls, NotificationCalls, UtxoSetCalls, PsbtCalls,
		ControlCalls, ZmqCalls, BtcdCalls, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BitcoinRpcClient.class);

	private static final AtomicLong instances = new AtomicLong();

	private final ClientOptions options;

	private final String endpoint;

	private final JsonRpcCodec codec;

	/**
	 * The threads the client runs on: its own, released at shutdown, or shared ones given to
	 * {@link #create(ClientOptions, ClientResources)}, which outlive it.
	 */
	private final ClientResources resources;

	private final boolean ownsResources;

	/** One of the event loops: request timeouts, retries, reconnect delays and keep-alives run on it. */
	private final ScheduledExecutorService timer;

	private final EventDispatcher events;

	private final Subscriptions subscriptions = new Subscriptions();

	/** Where every call goes: it registers, writes, buffers and resends them, and keeps the connection up. */
	private final Endpoint calls;

	private final NodeInfoDetector nodeInfo;

	private final AtomicLong ids = new AtomicLong();

	/** From the options; null (the usual case) costs a call one field read. */
	private final @Nullable CallTracer tracer;

	/** Added and removed from any thread; read by every call's completion. */
	private final java.util.List<CallObserver> callObservers = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Result readers by target type; a reader is immutable and reused by every call of its type. */
	private final ConcurrentHashMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();

	/** Counted down once every thread the client started has ended. */
	private final CountDownLatch terminated = new CountDownLatch(1);

	private BitcoinRpcClient(ClientOptions options, @Nullable ClientResources shared) {
		this.options = options;
		this.tracer = options.callTracer();
		this.endpoint = options.url().toString();
		this.codec = new JsonRpcCodec(JsonRpcCodec.defaultMapper(), options.jsonRpcVersion().text());
		String name = "bitcoin-rpc-" + instances.incrementAndGet();
		this.ownsResources = (shared == null);
		// A websocket is one connection, served by one event loop; HTTP spreads its pool over two.
		this.resources = (shared != null) ? shared
				: ClientResources.owned((options.mode() == TransportMode.WEBSOCKET) ? 1
						: Math.min(2, Runtime.getRuntime().availableProcessors()), name);
		this.timer = this.resources.group().next();
		this.events = new EventDispatcher(options.notificationQueueSize(), name + "-events");
		Credentials credentials = Credentials.from(options);
		Endpoint calls = null;
		try {
			NettyConnector connector = new NettyConnector(this.resources.group(), options);
			Transport transport = switch (options.mode()) {
				case WEBSOCKET -> new WebSocketTransport(connector, options.url(), credentials, options.maxResponseSize(),
						options.sendBufferLimit(), options.keepAliveInterval(), options.keepAliveTimeout());
				case HTTP_POST -> new HttpPostTransport(connector, options.url(), credentials, this.codec,
						options.maxResponseSize(), options.requestTimeout(), options.maxConnections());
			};
			calls = new Endpoint(transport, this.codec, this.events, this.timer, this.subscriptions, this::nextId, options);
			this.calls = calls;
			this.nodeInfo = new NodeInfoDetector(this);
			this.events.addListener((event) -> {
				if (event instanceof ConnectionEvent.Disconnected) {
					this.nodeInfo.forget();
				}
			});
		}
		catch (RuntimeException ex) {
			releaseResources(calls);
			throw ex;
		}
	}

	/** A client for these options; it does not connect until {@link #connect()}. */
	public static BitcoinRpcClient create(ClientOptions options) {
		return new BitcoinRpcClient(Objects.requireNonNull(options, "options must not be null"), null);
	}

	/**
	 * A client for these options on shared {@link ClientResources}: its connection and timers run
	 * on their threads, which it does not release at shutdown.
	 */
	public static BitcoinRpcClient create(ClientOptions options, ClientResources resources) {
		Objects.requireNonNull(resources, "resources must not be null");
		if (resources.isClosed()) {
			throw new IllegalArgumentException("The ClientResources are closed: create the client with open ones");
		}
		return new BitcoinRpcClient(Objects.requireNonNull(options, "options must not be null"), resources);
	}

	/** A client for a URL with user and password, other options at their defaults. */
	public static BitcoinRpcClient create(String url, String user, String password) {
		return create(ClientOptions.builder().url(url).credentials(user, password).build());
	}

	// ---------------------------------------------------------------- connection

	/**
	 * Connects: opens the websocket (handshake with credentials), or, over HTTP, sends one cheap
	 * call to check that the node answers and takes the credentials (each call then opens or
	 * reuses a connection). The future reports this first attempt and fails with an
	 * {@link RpcAuthenticationException} (also for a cookie file that is missing or unreadable),
	 * {@link RpcEndpointException} or {@link RpcConnectionException}; with reconnect on, a failed
	 * attempt is then retried in the background on the reconnect delay like a lost connection
	 * (state {@link ConnectionState#RECONNECTING}, a WARN in the log), so a client started before
	 * its node, or before the node wrote its cookie file, becomes ready by itself.
	 * <p>
	 * Calls made while connecting wait for the connection as {@link DisconnectedBehavior} says.
	 * After {@link #suspend()} this connects again and registers the notification subscriptions
	 * again.
	 */
	public CompletableFuture<Void> connectAsync() {
		return this.calls.connect(true);
	}

	/** Blocking form of {@link #connectAsync()}. */
	public void connect() {
		Futures.await(connectAsync());
	}

	/**
	 * Connects with one attempt and no retry: if it fails, the client stays
	 * {@link ConnectionState#DISCONNECTED} and the future fails as {@link #connectAsync()}'s
	 * would. For start-up checks that give up rather than wait (Spring's {@code fail-fast}).
	 */
	public CompletableFuture<Void> connectOnceAsync() {
		return this.calls.connect(false);
	}

	/**
	 * Suspends the connection: drops it and stays {@link ConnectionState#DISCONNECTED} without
	 * reconnecting until {@link #connect()}, which connects again and registers the notification
	 * subscriptions again. Pending calls fail with an {@link RpcConnectionException} that says
	 * whether they may have run; new calls fail fast, saying they were not sent. Unlike
	 * {@link #shutdown()} the client stays usable: this is what a Spring context stop (or a CRaC
	 * checkpoint) does. Idempotent, safe from any thread.
	 */
	public void suspend() {
		this.calls.suspend();
	}

	/**
	 * Drops the connection. With reconnect on, the client reconnects and resends what is safe, like
	 * after any lost connection; with it off, pending calls fail with an
	 * {@link RpcConnectionException} and new calls fail fast until {@link #connect()}. Idempotent,
	 * safe from any thread.
	 */
	public void disconnect() {
		this.calls.disconnect();
	}

	/**
	 * Shuts the client down: from the moment this is called no call is accepted, every pending call
	 * fails with an {@link RpcShutdownException}, no reconnect happens, and the connection, threads
	 * and timers are released in the background ({@link #awaitShutdown} waits for that). Idempotent,
	 * safe from any thread, including the client's own callbacks.
	 */
	public void shutdown() {
		int failed = this.calls.shutdown();
		if (failed < 0) {
			return;
		}
		logger.info("Shutting down the client for {} ({} pending calls failed)", this.endpoint, failed);
		// An event loop cannot wait for its own end, and a callback may call us on one.
		Thread stopper = new Thread(() -> releaseResources(this.calls), "bitcoin-rpc-shutdown");
		stopper.setDaemon(true);
		stopper.start();
	}

	/** Waits until every thread of the client has ended after {@link #shutdown()}; false on timeout. */
	public boolean awaitShutdown(Duration timeout) throws InterruptedException {
		return this.terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** {@link #shutdown()}, then waits up to 10 seconds for the threads to end. */
	@Override
	public void close() {
		shutdown();
		try {
			if (!awaitShutdown(Duration.ofSeconds(10))) {
				logger.warn("The client for {} did not release its threads within 10 s", this.endpoint);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** @param calls the endpoint, or null when the constructor failed before it was made */
	private void releaseResources(@Nullable Endpoint calls) {
		try {
			if (calls != null) {
				calls.release();
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Stopping the transport for {} failed", this.endpoint, ex);
		}
		finally {
			io.netty.util.concurrent.Future<?> stopped = this.ownsResources ? this.resources.shutdown() : null;
			this.events.shutdown();
			try {
				if (stopped != null) {
					stopped.await(5, TimeUnit.SECONDS);
				}
				this.events.awaitTermination(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.terminated.countDown();
		}
	}

	// ---------------------------------------------------------------- state

	/** The connection state now. */
	public ConnectionState state() {
		return this.calls.state();
	}

	/** Whether calls are sent now. */
	public boolean isConnected() {
		return this.calls.isConnected();
	}

	/** The options the client was built with. */
	public ClientOptions options() {
		return this.options;
	}

	/**
	 * The I/O threads the client runs on: its own, or the shared ones it was created with. Another
	 * client created with them shares its threads.
	 */
	public ClientResources resources() {
		return this.resources;
	}

	/** Calls sent (or waiting for a connection) and not yet answered. */
	public int pendingRequests() {
		return this.calls.pendingRequests();
	}

	/**
	 * Why the client is not connected, in words (the state and the last failure); empty while
	 * connected. Never holds credentials.
	 */
	public String connectionStatus() {
		return this.calls.status();
	}

	/** Reconnect attempts since the last good connection (0 while connected). */
	public int reconnectAttempts() {
		return this.calls.reconnectAttempts();
	}

	/** Calls sent again: resent after a reconnect, or retried over HTTP. */
	public long resentRequests() {
		return this.calls.resentRequests();
	}

	/** Messages from the node that were not valid JSON-RPC, or replies that could not be used. */
	public long malformedMessages() {
		return this.calls.malformedMessages();
	}

	/** Events dropped because listeners fell behind (never block or connection events). */
	public long droppedNotifications() {
		return this.events.dropped();
	}

	/** The next request id: 64-bit, from an atomic counter, for hand-made requests. */
	public long nextId() {
		return this.ids.incrementAndGet();
	}

	/** Adds a listener for the node's notifications and the client's connection events. */
	public void addListener(BitcoinEventListener listener) {
		this.events.addListener(Objects.requireNonNull(listener, "listener must not be null"));
	}

	public void removeListener(BitcoinEventListener listener) {
		this.events.removeListener(listener);
	}

	/**
	 * Delivers an event from another source, such as a {@code ZmqSubscriber}, to the listeners, in
	 * order with the client's own events. Never blocks; subject to the same queue bound (connection
	 * events, and events whose {@link BitcoinEvent#mustBeDelivered()} says so, are queued even past it).
	 * <pre>{@code
	 * ZmqSubscriber zmq = ZmqSubscriber.start(zmqOptions, client::dispatchEvent);
	 * }</pre>
	 */
	public void dispatchEvent(BitcoinEvent event) {
		this.events.dispatch(Objects.requireNonNull(event, "event must not be null"));
	}

	/** Adds an observer told about every call's outcome and duration (metrics). */
	public void addCallObserver(CallObserver observer) {
		this.callObservers.add(Objects.requireNonNull(observer, "observer must not be null"));
	}

	public void removeCallObserver(CallObserver observer) {
		this.callObservers.remove(observer);
	}

	// ---------------------------------------------------------------- calls

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType) {
		return send(method, params, resultType, resultType, null, this.options.wallet());
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType, Duration timeout) {
		return send(method, params, resultType, resultType, timeout, this.options.wallet());
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType) {
		return send(method, params, resultType.getType(), resultType, null, this.options.wallet());
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType,
			Duration timeout) {
		return send(method, params, resultType.getType(), resultType, timeout, this.options.wallet());
	}

	/**
	 * A view whose calls go to one Bitcoin Core wallet ({@code /wallet/<name>}); HTTP mode only.
	 * Use it per call ({@code client.wallet("w1").getBalance()}) or keep it.
	 */
	public WalletClient wallet(String name) {
		Objects.requireNonNull(name, "wallet name must not be null");
		if (this.options.mode() != TransportMode.HTTP_POST) {
			throw new IllegalStateException("Wallets are served over HTTP (Bitcoin Core's /wallet/<name>), not over "
					+ this.endpoint);
		}
		return new WalletClient(this, name);
	}

	/** A new batch: calls sent together as one JSON-RPC array, each completing on its own. */
	public RpcBatch batch() {
		return new RpcBatch(this, this.options.wallet());
	}

	/**
	 * Which node this is, btcd or Bitcoin Core, and its version; asked once per connection and
	 * cached ({@code getnetworkinfo}, or btcd's {@code getinfo}).
	 */
	public CompletableFuture<NodeInfo> nodeInfoAsync() {
		return this.nodeInfo.nodeInfo();
	}

	/** Blocking form of {@link #nodeInfoAsync()}. */
	public NodeInfo nodeInfo() {
		return Futures.await(nodeInfoAsync());
	}

	/**
	 * A fee rate, in BTC per kvB, for confirmation within {@code blocks} blocks, from whichever
	 * call the node has: {@code estimatesmartfee} on Bitcoin Core, {@code estimatefee} on btcd
	 * (which has no {@code estimatesmartfee}). Empty when the node has no estimate yet (Core sends
	 * {@code errors} then; btcd sends {@code -1}).
	 */
	public CompletableFuture<java.util.Optional<java.math.BigDecimal>> estimateFeeRateAsync(int blocks) {
		return nodeInfoAsync().thenCompose((info) -> (info.kind() == NodeInfo.Kind.BTCD)
				? estimateFeeAsync(blocks).thenApply((rate) -> java.util.Optional.ofNullable(rate).filter((r) -> r.signum() > 0))
				: estimateSmartFeeAsync(blocks).thenApply((estimate) -> java.util.Optional.ofNullable(estimate.feeRate())));
	}

	/** Blocking form of {@link #estimateFeeRateAsync(int)}. */
	public java.util.Optional<java.math.BigDecimal> estimateFeeRate(int blocks) {
		return Futures.await(estimateFeeRateAsync(blocks));
	}

	/** Makes (but does not send) a request; the timeout defaults to the client's. */
	<T> PendingRequest<T> newRequest(String method, List<?> params, Type type, Object jacksonType,
			@Nullable Duration timeout, @Nullable String wallet) {
		Objects.requireNonNull(method, "method must not be null");
		Objects.requireNonNull(params, "params must not be null");
		Objects.requireNonNull(jacksonType, "resultType must not be null");
		Duration effective = (timeout != null) ? timeout : this.options.requestTimeout();
		if (effective.isNegative() || effective.isZero()) {
			throw new IllegalArgumentException("timeout must be positive, was " + effective);
		}
		return new PendingRequest<>(nextId(), method, params, reader(type, jacksonType), effective,
				this.options.queueTimeout(), Subscriptions.tracks(method) ? () -> recordSubscription(method, params) : null,
				wallet);
	}

	<T> CompletableFuture<T> send(String method, List<?> params, Type type, Object jacksonType,
			@Nullable Duration timeout, @Nullable String wallet) {
		NodeInfo known = this.nodeInfo.known();
		if (known != null) {
			// Once the node is known, a method only the other kind of node has fails here, naming
			// the node, instead of a round trip that ends in -32601 (or btcd's -1).
			String absence = NodeMethods.get().absence(known, method);
			if (absence != null) {
				return CompletableFuture.failedFuture(new RpcMethodNotFoundException(method,
						RpcErrorCode.METHOD_NOT_FOUND, absence));
			}
		}
		PendingRequest<T> request;
		try {
			request = newRequest(method, params, type, jacksonType, timeout, wallet);
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<T> result = request.future();
		CallTracer tracer = this.tracer;
		if (tracer != null) {
			trace(tracer, request, false);
		}
		if (!this.callObservers.isEmpty()) {
			long start = System.nanoTime();
			result.whenComplete((value, failure) -> observe(method, failure, System.nanoTime() - start));
		}
		this.calls.send(request);
		return result;
	}

	/** Sends made requests as one batch; each that cannot be registered fails on its own. */
	void sendBatch(List<PendingRequest<?>> requests) {
		CallTracer tracer = this.tracer;
		if (tracer != null) {
			for (PendingRequest<?> request : requests) {
				trace(tracer, request, true);
			}
		}
		if (!this.callObservers.isEmpty()) {
			long start = System.nanoTime();
			requests.forEach((request) -> request.future()
				.whenComplete((value, failure) -> observe(request.method(), failure, System.nanoTime() - start)));
		}
		this.calls.sendBatch(requests);
	}

	/**
	 * Starts the call's span here, on the caller's thread (before the call can complete, so the
	 * span always ends after it started), and ends it when the call completes.
	 */
	private void trace(CallTracer tracer, PendingRequest<?> request, boolean batched) {
		NodeInfo known = this.nodeInfo.known();
		CallInfo info = new CallInfo(request.method(), this.options.mode(), this.options.url(),
				(known != null) ? known.kind() : null, request.wallet(), batched);
		CallTracer.Span span;
		try {
			span = tracer.start(info);
		}
		catch (RuntimeException ex) {
			logger.warn("Call tracer {} failed to start a span for {}", tracer, request.method(), ex);
			return;
		}
		request.future().whenComplete((value, failure) -> {
			Throwable cause = failure;
			while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
				cause = cause.getCause();
			}
			try {
				span.end((cause == null) ? CallOutcome.SUCCESS : CallOutcome.of(cause), cause);
			}
			catch (RuntimeException ex) {
				logger.warn("Call tracer {} failed to end the span of {}", tracer, request.method(), ex);
			}
		});
	}

	private void observe(String method, @Nullable Throwable failure, long durationNanos) {
		CallOutcome outcome = (failure == null) ? CallOutcome.SUCCESS : CallOutcome.of(failure);
		for (CallObserver observer : this.callObservers) {
			try {
				observer.onCallCompleted(method, outcome, durationNanos);
			}
			catch (RuntimeException ex) {
				logger.warn("Call observer {} failed", observer, ex);
			}
		}
	}

	private void recordSubscription(String method, List<?> params) {
		this.subscriptions.record(method, this.codec.mapper().valueToTree(params));
	}

	private ObjectReader reader(Type type, Object jacksonType) {
		ObjectReader cached = this.readers.get(type);
		if (cached != null) {
			// The common case, without the capturing lambda computeIfAbsent would take on every call.
			return cached;
		}
		return this.readers.computeIfAbsent(type, (key) -> {
			ObjectMapper mapper = this.codec.mapper();
			ObjectReader reader = (jacksonType instanceof TypeReference<?> reference) ? mapper.readerFor(reference)
					: mapper.readerFor((Class<?>) jacksonType);
			// Results are bound in place, inside the reply's envelope (JsonRpcCodec.decode(text, readers)).
			return reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		});
	}

	@Override
	public String toString() {
		return "BitcoinRpcClient[" + this.endpoint + ", " + this.options.mode() + ", " + state() + "]";
	}

}
