package org.bitcoinrpc.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcoinrpc.client.internal.NotificationDispatcher;
import org.bitcoinrpc.client.internal.PendingRequest;
import org.bitcoinrpc.client.internal.PendingRequests;
import org.bitcoinrpc.client.internal.ReplyRouter;
import org.bitcoinrpc.client.model.Block;
import org.bitcoinrpc.client.model.BlockHeader;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.transport.Credentials;
import org.bitcoinrpc.client.transport.HttpPostTransport;
import org.bitcoinrpc.client.transport.JettyHttpClientFactory;
import org.bitcoinrpc.client.transport.Transport;
import org.bitcoinrpc.client.transport.WebSocketTransport;
import org.eclipse.jetty.client.HttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
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
 * node, or a {@link RpcTimeoutException}, {@link RpcConnectionException},
 * {@link RpcShutdownException}, {@link RpcProtocolException} or
 * {@link RpcRequestRejectedException}.
 * <p>
 * Futures complete on the client's I/O threads: chain with the {@code ...Async} methods of
 * {@code CompletableFuture} before doing anything slow or blocking in a callback.
 * <p>
 * Thread-safe: one instance serves any number of threads. {@link #shutdown()} releases every
 * thread and connection the client made.
 */
public final class BitcoinRpcClient implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BitcoinRpcClient.class);

	private static final AtomicLong instances = new AtomicLong();

	private final ClientOptions options;

	private final String endpoint;

	private final JsonRpcCodec codec;

	private final ScheduledThreadPoolExecutor timer;

	private final PendingRequests pending;

	private final NotificationDispatcher notifications;

	private final ReplyRouter router;

	private final HttpClient httpClient;

	private final Transport transport;

	private final AtomicLong ids = new AtomicLong();

	/** Changed by connect, disconnect, connection loss and shutdown, from any thread; compare-and-set only. */
	private final AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.DISCONNECTED);

	/** Result readers by target type; a reader is immutable and reused by every call of its type. */
	private final ConcurrentHashMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();

	/** Counted down once every thread the client started has ended. */
	private final CountDownLatch terminated = new CountDownLatch(1);

	private BitcoinRpcClient(ClientOptions options) {
		this.options = options;
		this.endpoint = options.url().toString();
		this.codec = new JsonRpcCodec();
		String name = "bitcoin-rpc-" + instances.incrementAndGet();
		this.timer = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, name + "-timer");
			thread.setDaemon(true);
			return thread;
		});
		this.timer.setRemoveOnCancelPolicy(true);
		this.pending = new PendingRequests(options.maxPendingRequests(), this.timer, this.endpoint);
		this.notifications = new NotificationDispatcher(options.notificationQueueSize(), name + "-notifications");
		this.router = new ReplyRouter(this.pending, this.notifications, this.codec.mapper(), this.endpoint);
		Credentials credentials = Credentials.from(options);
		this.httpClient = JettyHttpClientFactory.create(options, name);
		try {
			this.transport = switch (options.mode()) {
				case WEBSOCKET -> new WebSocketTransport(this.httpClient, options.url(), credentials, this.codec,
						this.pending, this.router, this::connectionLost, options.maxResponseSize(),
						options.sendBufferLimit());
				case HTTP_POST -> new HttpPostTransport(this.httpClient, options.url(), credentials, this.codec,
						this.pending, this.router, options.maxResponseSize());
			};
		}
		catch (RuntimeException ex) {
			releaseResources();
			throw ex;
		}
	}

	/** A client for these options; it does not connect until {@link #connect()}. */
	public static BitcoinRpcClient create(ClientOptions options) {
		return new BitcoinRpcClient(Objects.requireNonNull(options, "options must not be null"));
	}

	/** A client for a URL with user and password, other options at their defaults. */
	public static BitcoinRpcClient create(String url, String user, String password) {
		return create(ClientOptions.builder().url(url).credentials(user, password).build());
	}

	// ---------------------------------------------------------------- connection

	/**
	 * Connects: opens the websocket (handshake with credentials), or, over HTTP, checks that the
	 * credentials can be read and marks the client ready (each call then opens or reuses a
	 * connection). Completes exceptionally with an {@link RpcAuthenticationException},
	 * {@link RpcEndpointException} or {@link RpcConnectionException}.
	 */
	public CompletableFuture<Void> connectAsync() {
		ConnectionState current = this.state.get();
		if (current == ConnectionState.SHUT_DOWN) {
			return CompletableFuture.failedFuture(shutdownError("connect"));
		}
		if (current == ConnectionState.CONNECTED && this.transport.isOpen()) {
			return CompletableFuture.completedFuture(null);
		}
		if (!this.state.compareAndSet(current, ConnectionState.CONNECTING)) {
			return CompletableFuture.failedFuture(new RpcConnectionException(
					"Another connect or disconnect to " + this.endpoint + " is in progress (state " + this.state.get() + ")"));
		}
		return this.transport.connect().whenComplete((ignored, failure) -> {
			if (failure == null) {
				if (!this.state.compareAndSet(ConnectionState.CONNECTING, ConnectionState.CONNECTED)) {
					// Shut down while the handshake ran: do not leave the fresh connection open.
					this.transport.disconnect();
				}
				else {
					logger.info("Connected to {} ({})", this.endpoint, this.options.mode());
				}
			}
			else {
				this.state.compareAndSet(ConnectionState.CONNECTING, ConnectionState.DISCONNECTED);
			}
		});
	}

	/** Blocking form of {@link #connectAsync()}. */
	public void connect() {
		await(connectAsync());
	}

	/**
	 * Drops the connection. Pending calls fail with an {@link RpcConnectionException}; new calls
	 * fail fast until {@link #connect()} is called again. Idempotent, safe from any thread.
	 */
	public void disconnect() {
		ConnectionState current = this.state.get();
		if (current == ConnectionState.SHUT_DOWN || current == ConnectionState.DISCONNECTED) {
			return;
		}
		if (this.state.compareAndSet(current, ConnectionState.DISCONNECTED)) {
			this.pending.failAll((request) -> new RpcConnectionException(request.method() + " (id " + request.id()
					+ ") to " + this.endpoint + " failed: the client disconnected; it may or may not have run on the node"));
			this.transport.disconnect();
		}
	}

	/**
	 * Shuts the client down: from the moment this is called no call is accepted, every pending call
	 * fails with an {@link RpcShutdownException}, and the connection, threads and timers are
	 * released in the background ({@link #awaitShutdown} waits for that). Idempotent, safe from any
	 * thread, including the client's own callbacks.
	 */
	public void shutdown() {
		ConnectionState previous = this.state.getAndSet(ConnectionState.SHUT_DOWN);
		if (previous == ConnectionState.SHUT_DOWN) {
			return;
		}
		int failed = this.pending.failAll((request) -> shutdownError(request.method() + " (id " + request.id() + ")"));
		logger.info("Shutting down the client for {} ({} pending calls failed)", this.endpoint, failed);
		// Jetty's pools cannot be stopped from one of their own threads, and a callback may call us there.
		Thread stopper = new Thread(this::releaseResources, "bitcoin-rpc-shutdown");
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

	private void releaseResources() {
		try {
			this.transport.stop();
		}
		catch (RuntimeException ex) {
			logger.debug("Stopping the transport for {} failed", this.endpoint, ex);
		}
		finally {
			try {
				this.httpClient.stop();
			}
			catch (Exception ex) {
				logger.debug("Stopping the HTTP client for {} failed", this.endpoint, ex);
			}
			this.timer.shutdownNow();
			this.notifications.shutdown();
			try {
				this.timer.awaitTermination(5, TimeUnit.SECONDS);
				this.notifications.awaitTermination(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.terminated.countDown();
		}
	}

	private void connectionLost(Throwable cause) {
		if (this.state.compareAndSet(ConnectionState.CONNECTED, ConnectionState.DISCONNECTED)) {
			logger.warn("{}", cause.getMessage());
		}
		this.pending.failAll((request) -> new RpcConnectionException(request.method() + " (id " + request.id()
				+ ") failed: " + cause.getMessage() + "; it may or may not have run on the node", cause));
	}

	/** The connection state now. */
	public ConnectionState state() {
		return this.state.get();
	}

	/** Whether calls are sent now. */
	public boolean isConnected() {
		return this.state.get() == ConnectionState.CONNECTED && this.transport.isOpen();
	}

	/** The options the client was built with. */
	public ClientOptions options() {
		return this.options;
	}

	/** Calls sent and not yet answered. */
	public int pendingRequests() {
		return this.pending.size();
	}

	/** Messages from the node that were not valid JSON-RPC, or replies that could not be used. */
	public long malformedMessages() {
		return this.router.malformedMessages();
	}

	/** Notifications dropped because listeners fell behind. */
	public long droppedNotifications() {
		return this.notifications.dropped();
	}

	/** The next request id: 64-bit, from an atomic counter, for hand-made requests. */
	public long nextId() {
		return this.ids.incrementAndGet();
	}

	/** Adds a listener for the node's push notifications (btcd websocket). */
	public void addNotificationListener(RawNotificationListener listener) {
		this.notifications.addListener(Objects.requireNonNull(listener, "listener must not be null"));
	}

	public void removeNotificationListener(RawNotificationListener listener) {
		this.notifications.removeListener(listener);
	}

	// ---------------------------------------------------------------- generic calls

	/** Calls any method; the result is decoded into {@code resultType}. */
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType) {
		return callAsync(method, params, resultType, this.options.requestTimeout());
	}

	/** Calls any method with its own timeout. */
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType, Duration timeout) {
		Objects.requireNonNull(resultType, "resultType must not be null");
		return send(method, params, reader(resultType, resultType), timeout);
	}

	/** Calls any method with a generic result type, e.g. {@code new TypeReference<List<String>>() {}}. */
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType) {
		return callAsync(method, params, resultType, this.options.requestTimeout());
	}

	/** Calls any method with a generic result type and its own timeout. */
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType,
			Duration timeout) {
		Objects.requireNonNull(resultType, "resultType must not be null");
		return send(method, params, reader(resultType.getType(), resultType), timeout);
	}

	/** Blocking form of {@link #callAsync(String, List, Class)}. */
	public <T> @Nullable T call(String method, List<?> params, Class<T> resultType) {
		return await(callAsync(method, params, resultType));
	}

	/** Blocking form of {@link #callAsync(String, List, Class, Duration)}. */
	public <T> @Nullable T call(String method, List<?> params, Class<T> resultType, Duration timeout) {
		return await(callAsync(method, params, resultType, timeout));
	}

	/** Blocking form of {@link #callAsync(String, List, TypeReference)}. */
	public <T> @Nullable T call(String method, List<?> params, TypeReference<T> resultType) {
		return await(callAsync(method, params, resultType));
	}

	// ---------------------------------------------------------------- typed calls

	/** {@code getblockcount}: the height of the best chain. */
	public CompletableFuture<Long> getBlockCountAsync() {
		return callAsync("getblockcount", List.of(), Long.class);
	}

	public long getBlockCount() {
		return required(await(getBlockCountAsync()), "getblockcount");
	}

	/** {@code getbestblockhash}: the hash of the best chain's tip. */
	public CompletableFuture<String> getBestBlockHashAsync() {
		return callAsync("getbestblockhash", List.of(), String.class);
	}

	public String getBestBlockHash() {
		return required(await(getBestBlockHashAsync()), "getbestblockhash");
	}

	/** {@code getblockhash <height>}: the hash of the best-chain block at a height. */
	public CompletableFuture<String> getBlockHashAsync(long height) {
		return callAsync("getblockhash", List.of(height), String.class);
	}

	public String getBlockHash(long height) {
		return required(await(getBlockHashAsync(height)), "getblockhash");
	}

	/** {@code getblockheader <hash> true}: the decoded header. */
	public CompletableFuture<BlockHeader> getBlockHeaderAsync(String blockHash) {
		return callAsync("getblockheader", List.of(hash(blockHash), true), BlockHeader.class);
	}

	public BlockHeader getBlockHeader(String blockHash) {
		return required(await(getBlockHeaderAsync(blockHash)), "getblockheader");
	}

	/**
	 * {@code getblock <hash> 1}: the block with its transaction ids. The verbosity is sent as an
	 * integer, which both nodes accept (btcd rejects booleans).
	 */
	public CompletableFuture<Block> getBlockAsync(String blockHash) {
		return callAsync("getblock", List.of(hash(blockHash), 1), Block.class);
	}

	public Block getBlock(String blockHash) {
		return required(await(getBlockAsync(blockHash)), "getblock");
	}

	// ---------------------------------------------------------------- plumbing

	private <T> CompletableFuture<T> send(String method, List<?> params, ObjectReader reader, Duration timeout) {
		Objects.requireNonNull(method, "method must not be null");
		Objects.requireNonNull(params, "params must not be null");
		Objects.requireNonNull(timeout, "timeout must not be null");
		if (timeout.isNegative() || timeout.isZero()) {
			return CompletableFuture.failedFuture(new IllegalArgumentException("timeout must be positive, was " + timeout));
		}
		ConnectionState current = this.state.get();
		if (current == ConnectionState.SHUT_DOWN) {
			return CompletableFuture.failedFuture(shutdownError(method));
		}
		if (current != ConnectionState.CONNECTED) {
			return CompletableFuture.failedFuture(new RpcConnectionException("Not connected to " + this.endpoint
					+ " (state " + current + "); " + method + " was not sent"));
		}
		PendingRequest<T> request = new PendingRequest<>(nextId(), method, reader, timeout);
		try {
			this.pending.register(request);
		}
		catch (RpcRequestRejectedException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		// shutdown() sets the state before failing what is pending: a request registered after that
		// sweep sees the state here, so none is left behind.
		if (this.state.get() == ConnectionState.SHUT_DOWN) {
			this.pending.fail(request.id(), shutdownError(method));
			return request.future();
		}
		this.transport.send(request, params);
		return request.future();
	}

	private ObjectReader reader(Type type, Object jacksonType) {
		return this.readers.computeIfAbsent(type, (key) -> {
			ObjectMapper mapper = this.codec.mapper();
			return (jacksonType instanceof TypeReference<?> reference) ? mapper.readerFor(reference)
					: mapper.readerFor((Class<?>) jacksonType);
		});
	}

	private RpcShutdownException shutdownError(String what) {
		return new RpcShutdownException(what + " to " + this.endpoint + " failed: the client is shut down");
	}

	private static String hash(String blockHash) {
		Objects.requireNonNull(blockHash, "blockHash must not be null");
		if (blockHash.length() != 64) {
			throw new IllegalArgumentException("blockHash must be 64 hex characters, was " + blockHash.length());
		}
		return blockHash;
	}

	private static <T> T required(@Nullable T value, String method) {
		if (value == null) {
			throw new RpcProtocolException(method + " returned null");
		}
		return value;
	}

	/**
	 * Waits for a future and rethrows its failure as it is (the client's own exceptions are
	 * unchecked). Interruption fails the wait, not the call: the call still completes later.
	 */
	private static <T> T await(CompletableFuture<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw rethrow(ex.getCause());
		}
		catch (CompletionException ex) {
			throw rethrow(ex.getCause());
		}
		catch (CancellationException ex) {
			throw new BitcoinRpcException("The call was cancelled", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BitcoinRpcException("Interrupted while waiting for the reply", ex);
		}
	}

	private static RuntimeException rethrow(@Nullable Throwable cause) {
		if (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new BitcoinRpcException(String.valueOf(cause), cause);
	}

	@Override
	public String toString() {
		return "BitcoinRpcClient[" + this.endpoint + ", " + this.options.mode() + ", " + this.state.get() + "]";
	}

}
