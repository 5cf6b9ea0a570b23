package org.bitcoinrpc.client.transport;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.eclipse.jetty.websocket.core.exception.UpgradeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
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

	private final TunedWebSocketContainer container;

	private final NoLookupWebSocketClient client;

	/** The open connection, or null. Written by the connect callback and on close; read by senders. */
	private volatile @Nullable Connection connection;

	public WebSocketTransport(HttpClient http, URI url, Credentials credentials, JsonRpcCodec codec,
			PendingRequests pending, ReplyRouter router, Listener listener, int maxMessageSize, int sendBufferLimit) {
		this.url = url;
		this.endpoint = url.toString();
		this.credentials = credentials;
		this.codec = codec;
		this.pending = pending;
		this.router = router;
		this.listener = listener;
		this.maxMessageSize = maxMessageSize;
		this.sendBufferLimit = sendBufferLimit;
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

	@Override
	public boolean isOpen() {
		Connection current = this.connection;
		return current != null && current.isOpen();
	}

	@Override
	public void send(PendingRequest<?> request, List<?> params) {
		Connection current = this.connection;
		if (current == null || !current.isOpen()) {
			this.pending.fail(request.id(), new RpcConnectionException(
					"Not connected to " + this.endpoint + "; " + request.method() + " was not sent"));
			return;
		}
		String text;
		try {
			text = this.codec.encodeRequestText(request.id(), request.method(), params);
		}
		catch (RuntimeException ex) {
			this.pending.fail(request.id(), new IllegalArgumentException(
					"Cannot encode the params of " + request.method() + " as JSON: " + ex.getMessage(), ex));
			return;
		}
		current.send(request, text);
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

		void attach(WebSocketSession raw) {
			this.session = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MILLIS,
					WebSocketTransport.this.sendBufferLimit * 2, ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
			if (!raw.isOpen()) {
				// Closed between the handshake and now: the close callback may have found no session yet.
				connectionLost(CloseStatus.NO_STATUS_CODE);
			}
		}

		boolean isOpen() {
			ConcurrentWebSocketSessionDecorator current = this.session;
			return current != null && current.isOpen() && !this.lost.get();
		}

		void send(PendingRequest<?> request, String text) {
			ConcurrentWebSocketSessionDecorator current = this.session;
			if (current == null) {
				WebSocketTransport.this.pending.fail(request.id(), new RpcConnectionException(
						"Not connected to " + WebSocketTransport.this.endpoint + "; " + request.method() + " was not sent"));
				return;
			}
			if (current.getBufferSize() + text.length() > WebSocketTransport.this.sendBufferLimit) {
				WebSocketTransport.this.pending.fail(request.id(), new RpcRequestRejectedException("Send buffer to "
						+ WebSocketTransport.this.endpoint + " is full (" + current.getBufferSize() + " of sendBufferLimit="
						+ WebSocketTransport.this.sendBufferLimit + " bytes queued); " + request.method() + " was not sent"));
				return;
			}
			try {
				current.sendMessage(new TextMessage(text));
			}
			catch (SessionLimitExceededException ex) {
				WebSocketTransport.this.pending.fail(request.id(), new RpcConnectionException("Sending " + request.method()
						+ " to " + WebSocketTransport.this.endpoint + " stalled; the connection was closed", ex));
			}
			catch (IOException | RuntimeException ex) {
				WebSocketTransport.this.pending.fail(request.id(), new RpcConnectionException("Sending " + request.method()
						+ " to " + WebSocketTransport.this.endpoint + " failed: " + Causes.describe(ex) + "; it may or may not have run", ex));
			}
		}

		void close(CloseStatus status) {
			ConcurrentWebSocketSessionDecorator current = this.session;
			try {
				if (current != null) {
					current.close(status);
				}
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Closing the websocket to {} failed", WebSocketTransport.this.endpoint, ex);
			}
			connectionLost(status);
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
					WebSocketTransport.this.router.route(WebSocketTransport.this.codec.decode(complete.text()));
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
			connectionLost(status);
		}

		private void connectionLost(CloseStatus status) {
			if (!this.lost.compareAndSet(false, true)) {
				return;
			}
			if (WebSocketTransport.this.connection == this) {
				WebSocketTransport.this.connection = null;
			}
			WebSocketTransport.this.listener.onConnectionLost(new RpcConnectionException("Connection to "
					+ WebSocketTransport.this.endpoint + " closed (" + describe(status) + ")"));
		}

	}

	private static String describe(CloseStatus status) {
		if (status.getCode() == CloseStatus.NO_CLOSE_FRAME.getCode()) {
			return "code 1006: no close frame, the node or the network dropped the connection";
		}
		return "code " + status.getCode() + ((status.getReason() != null && !status.getReason().isEmpty()) ? ": " + status.getReason() : "");
	}

}
