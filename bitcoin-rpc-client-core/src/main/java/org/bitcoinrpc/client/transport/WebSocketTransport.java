package org.bitcoinrpc.client.transport;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcEndpointException;
import org.bitcoinrpc.client.RpcRequestRejectedException;
import org.bitcoinrpc.client.RpcResponseTooLargeException;
import org.bitcoinrpc.client.internal.PendingRequest;
import org.bitcoinrpc.client.internal.PendingRequests;
import org.bitcoinrpc.client.internal.ReplyRouter;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee11.websocket.jakarta.common.JakartaWebSocketSession;
import org.eclipse.jetty.websocket.core.exception.UpgradeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * One websocket connection at a time to btcd's {@code /ws}. Requests are pipelined; replies are
 * matched by id in whatever order they come; notifications go to the dispatcher.
 * <p>
 * Sends go through Spring's {@link ConcurrentWebSocketSessionDecorator}: callers never wait for
 * each other, one of them writes what is queued, and the queue is bounded ({@code sendBufferLimit})
 * so a stalled node makes calls fail fast instead of piling up memory.
 */
public final class WebSocketTransport implements Transport {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketTransport.class);

	/** A single blocked write longer than this means the connection is dead. */
	private static final int SEND_TIME_LIMIT_MILLIS = 30_000;

	private final URI url;

	private final String endpoint;

	private final Credentials credentials;

	private final JsonRpcCodec codec;

	private final PendingRequests pending;

	private final ReplyRouter router;

	private final Listener listener;

	private final int maxMessageSize;

	private final int sendBufferLimit;

	private final ScheduledExecutorService timer;

	private final Duration keepAliveInterval;

	private final Duration keepAliveTimeout;

	private final TunedWebSocketContainer container;

	private final NoLookupWebSocketClient client;

	/** The open connection, or null. Written by the connect callback and on close; read by senders. */
	private volatile @Nullable Connection connection;

	public WebSocketTransport(HttpClient http, URI url, Credentials credentials, JsonRpcCodec codec,
			PendingRequests pending, ReplyRouter router, Listener listener, int maxMessageSize, int sendBufferLimit,
			ScheduledExecutorService timer, Duration keepAliveInterval, Duration keepAliveTimeout) {
		this.url = url;
		this.endpoint = url.toString();
		this.credentials = credentials;
		this.codec = codec;
		this.pending = pending;
		this.router = router;
		this.listener = listener;
		this.maxMessageSize = maxMessageSize;
		this.sendBufferLimit = sendBufferLimit;
		this.timer = timer;
		this.keepAliveInterval = keepAliveInterval;
		this.keepAliveTimeout = keepAliveTimeout;
		this.container = new TunedWebSocketContainer(http, maxMessageSize);
		try {
			this.container.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start the websocket container for " + this.endpoint + ": " + ex, ex);
		}
		this.client = new NoLookupWebSocketClient(this.container, http.getExecutor());
	}

	@Override
	public CompletableFuture<Void> connect() {
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		try {
			String authorization = this.credentials.authorization();
			if (authorization != null) {
				headers.set("Authorization", authorization);
			}
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		Connection handler = new Connection();
		return this.client.execute(handler, headers, this.url).handle((session, failure) -> {
			if (failure != null) {
				throw new CompletionException(handshakeError(failure));
			}
			handler.attach(session);
			this.connection = handler;
			return null;
		});
	}

	/** btcd answers a batch frame with one array frame; the router matches each element by id. */
	@Override
	public boolean sendBatch(java.util.List<PendingRequest<?>> requests) {
		Connection current = this.connection;
		if (current == null || !current.isOpen()) {
			return false;
		}
		String text;
		try {
			text = this.codec.encodeBatchText(requests);
		}
		catch (RuntimeException ex) {
			requests.forEach((request) -> this.pending.fail(request.id(),
					new IllegalArgumentException("Cannot encode the batch as JSON: " + ex.getMessage(), ex)));
			return true;
		}
		return current.send(requests.get(0), text, requests);
	}

	@Override
	public boolean isOpen() {
		Connection current = this.connection;
		return current != null && current.isOpen();
	}

	@Override
	public boolean send(PendingRequest<?> request) {
		Connection current = this.connection;
		if (current == null || !current.isOpen()) {
			return false;
		}
		if (request.wallet() != null) {
			this.pending.fail(request.id(), new IllegalArgumentException(request.method() + " names wallet '"
					+ request.wallet() + "', but wallets are served over HTTP (Bitcoin Core's /wallet/<name>), not the websocket"));
			return true;
		}
		String text;
		try {
			text = this.codec.encodeRequestText(request.id(), request.method(), request.params());
		}
		catch (RuntimeException ex) {
			this.pending.fail(request.id(), new IllegalArgumentException(
					"Cannot encode the params of " + request.method() + " as JSON: " + ex.getMessage(), ex));
			return true;
		}
		return current.send(request, text);
	}

	@Override
	public void disconnect() {
		Connection current = this.connection;
		if (current != null) {
			current.close(CloseStatus.NORMAL);
		}
	}

	@Override
	public void stop() {
		disconnect();
		try {
			this.container.stop();
		}
		catch (Exception ex) {
			logger.debug("Stopping the websocket container for {} failed", this.endpoint, ex);
		}
	}

	private RuntimeException handshakeError(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UpgradeException upgrade && upgrade.getResponseStatusCode() > 0) {
				int status = upgrade.getResponseStatusCode();
				if (status == 401 || status == 403) {
					return new RpcAuthenticationException("The node at " + this.endpoint
							+ " refused the credentials on the websocket handshake (HTTP " + status + ")", upgrade);
				}
				if (status == 200) {
					return new RpcEndpointException(this.endpoint + " answered the websocket handshake with HTTP 200 and no"
							+ " upgrade: not a websocket endpoint (btcd serves it at /ws)", upgrade);
				}
				return new RpcConnectionException("Websocket handshake with " + this.endpoint + " failed with HTTP " + status, upgrade);
			}
			if (cause instanceof SSLException) {
				return new RpcConnectionException("TLS handshake with " + this.endpoint + " failed: " + cause.getMessage(), cause);
			}
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return new RpcConnectionException("Cannot connect to " + this.endpoint + ": " + Causes.describe(root), failure);
	}

	/**
	 * One websocket session's handler. Its messages arrive one at a time on a Jetty thread (the
	 * reader), which alone touches the assembler.
	 */
	private final class Connection extends AbstractWebSocketHandler {

		private final MessageAssembler assembler = new MessageAssembler(WebSocketTransport.this.maxMessageSize);

		private final AtomicBoolean lost = new AtomicBoolean();

		/** Set once by the connect callback. */
		private volatile @Nullable ConcurrentWebSocketSessionDecorator session;

		/** {@code System.nanoTime()} of the ping awaiting its pong, or 0. Set by the timer, cleared by the reader. */
		private final AtomicLong pingSentAt = new AtomicLong();

		/** The keep-alive task; cancelled when the connection is lost. */
		private volatile @Nullable ScheduledFuture<?> keepAlive;

		void attach(WebSocketSession raw) {
			this.session = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MILLIS,
					WebSocketTransport.this.sendBufferLimit * 2, ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
			if (!raw.isOpen()) {
				// Closed between the handshake and now: the close callback may have found no session yet.
				connectionLost("closed during the handshake");
				return;
			}
			long interval = WebSocketTransport.this.keepAliveInterval.toNanos();
			if (interval > 0) {
				this.keepAlive = WebSocketTransport.this.timer.scheduleAtFixedRate(this::ping, interval, interval,
						TimeUnit.NANOSECONDS);
			}
		}

		/**
		 * Runs on the timer: sends a ping unless one is outstanding, and arms a check that declares
		 * the connection dead if its pong has not come within the keep-alive timeout. TCP alone
		 * would not notice a node that vanished without closing (a half-open connection).
		 */
		private void ping() {
			ConcurrentWebSocketSessionDecorator current = this.session;
			long now = System.nanoTime();
			if (current == null || this.lost.get() || !this.pingSentAt.compareAndSet(0, now)) {
				return;
			}
			try {
				current.sendMessage(new PingMessage(ByteBuffer.wrap(Long.toString(now).getBytes(StandardCharsets.US_ASCII))));
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Ping to {} failed", WebSocketTransport.this.endpoint, ex);
			}
			WebSocketTransport.this.timer.schedule(() -> {
				if (this.pingSentAt.get() == now) {
					abort("no pong within " + WebSocketTransport.this.keepAliveTimeout.toMillis()
							+ " ms: the connection is presumed dead");
				}
			}, WebSocketTransport.this.keepAliveTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}

		@Override
		protected void handlePongMessage(WebSocketSession raw, PongMessage message) {
			this.pingSentAt.set(0);
		}

		/** Drops the connection at once, without a close handshake the dead peer would never answer. */
		void abort(String reason) {
			// Report first: aborting makes Jetty call back at once with a bare 1006, which must not
			// replace the real reason (loss is reported once per connection).
			connectionLost(reason);
			ConcurrentWebSocketSessionDecorator current = this.session;
			if (current != null && current.getDelegate() instanceof NativeWebSocketSession nativeSession
					&& nativeSession.getNativeSession() instanceof JakartaWebSocketSession jakarta) {
				jakarta.getCoreSession().abort();
			}
		}

		boolean isOpen() {
			ConcurrentWebSocketSessionDecorator current = this.session;
			return current != null && current.isOpen() && !this.lost.get();
		}

		boolean send(PendingRequest<?> request, String text) {
			return send(request, text, java.util.List.of(request));
		}

		/** Writes one frame carrying {@code requests} (one request, or a batch led by {@code request}). */
		boolean send(PendingRequest<?> request, String text, java.util.List<PendingRequest<?>> requests) {
			ConcurrentWebSocketSessionDecorator current = this.session;
			if (current == null) {
				return false;
			}
			if (current.getBufferSize() + text.length() > WebSocketTransport.this.sendBufferLimit) {
				failAll(requests, new RpcRequestRejectedException("Send buffer to "
						+ WebSocketTransport.this.endpoint + " is full (" + current.getBufferSize() + " of sendBufferLimit="
						+ WebSocketTransport.this.sendBufferLimit + " bytes queued); " + request.method() + " was not sent"));
				return true;
			}
			try {
				current.sendMessage(new TextMessage(text));
				return true;
			}
			catch (SessionLimitExceededException ex) {
				failAll(requests, new RpcConnectionException("Sending " + request.method()
						+ " to " + WebSocketTransport.this.endpoint + " stalled; the connection was closed", ex));
				return true;
			}
			catch (IOException | RuntimeException ex) {
				// The connection is broken: what was written to it is sorted by the resend policy.
				abort("sending " + request.method() + " failed: " + Causes.describe(ex));
				return true;
			}
		}

		private void failAll(java.util.List<PendingRequest<?>> requests, RuntimeException error) {
			requests.forEach((each) -> WebSocketTransport.this.pending.fail(each.id(), error));
		}

		/**
		 * Closes politely (btcd echoes the close frame), but without waiting on it: the close
		 * handshake runs on the timer, and a peer that never answers is aborted after a second.
		 */
		void close(CloseStatus status) {
			ConcurrentWebSocketSessionDecorator current = this.session;
			connectionLost("closed by the client");
			if (current == null) {
				return;
			}
			try {
				WebSocketTransport.this.timer.execute(() -> {
					try {
						current.close(status);
					}
					catch (IOException | RuntimeException ex) {
						logger.debug("Closing the websocket to {} failed", WebSocketTransport.this.endpoint, ex);
					}
				});
				WebSocketTransport.this.timer.schedule(() -> {
					if (current.isOpen()) {
						abort("close handshake timed out");
					}
				}, 1, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				abort("closed by the client");
			}
		}

		@Override
		public boolean supportsPartialMessages() {
			return true;
		}

		@Override
		protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
			MessageAssembler.Outcome outcome = this.assembler.append(message.getPayload(), message.isLast());
			if (outcome == null) {
				return;
			}
			try {
				if (outcome instanceof MessageAssembler.Outcome.Complete complete) {
					WebSocketTransport.this.router.route(WebSocketTransport.this.codec.decode(complete.text(), WebSocketTransport.this.router));
				}
				else if (outcome instanceof MessageAssembler.Outcome.TooLarge tooLarge) {
					tooLarge(tooLarge);
				}
			}
			catch (RuntimeException ex) {
				// The router never throws by contract; this guards the reader against a bug all the same.
				logger.error("Failed to handle a message from {}", WebSocketTransport.this.endpoint, ex);
			}
			finally {
				this.assembler.reset();
			}
		}

		private void tooLarge(MessageAssembler.Outcome.TooLarge tooLarge) {
			String reason = "a message of " + tooLarge.size() + " characters exceeds maxResponseSize ("
					+ WebSocketTransport.this.maxMessageSize + ")";
			PendingRequest<?> request = (tooLarge.id() != null) ? WebSocketTransport.this.pending.remove(tooLarge.id()) : null;
			if (request == null) {
				logger.warn("Dropped a message from {}: {}; it names no pending request", WebSocketTransport.this.endpoint, reason);
				return;
			}
			PendingRequests.fail(request, new RpcResponseTooLargeException(
					"The reply to " + request.method() + " from " + WebSocketTransport.this.endpoint + " is too large: " + reason));
		}

		@Override
		protected void handleBinaryMessage(WebSocketSession raw, BinaryMessage message) {
			WebSocketTransport.this.router.malformed("binary websocket message of " + message.getPayloadLength() + " bytes");
		}

		@Override
		public void handleTransportError(WebSocketSession raw, Throwable exception) {
			logger.debug("Websocket transport error from {}", WebSocketTransport.this.endpoint, exception);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
			connectionLost(describe(status));
		}

		private void connectionLost(String reason) {
			if (!this.lost.compareAndSet(false, true)) {
				return;
			}
			ScheduledFuture<?> task = this.keepAlive;
			if (task != null) {
				task.cancel(false);
			}
			if (WebSocketTransport.this.connection == this) {
				WebSocketTransport.this.connection = null;
			}
			WebSocketTransport.this.listener.onConnectionLost(new RpcConnectionException("Connection to "
					+ WebSocketTransport.this.endpoint + " lost: " + reason));
		}

	}

	private static String describe(CloseStatus status) {
		if (status.getCode() == CloseStatus.NO_CLOSE_FRAME.getCode()) {
			return "code 1006: no close frame, the node or the network dropped the connection";
		}
		return "code " + status.getCode() + ((status.getReason() != null && !status.getReason().isEmpty()) ? ": " + status.getReason() : "");
	}

}
