package org.bitcoinrpc.client.transport;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.net.ssl.SSLException;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcEndpointException;
import org.bitcoinrpc.client.RpcRequestRejectedException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Frame;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.OpCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket connection at a time to btcd's {@code /ws}: a pipelined {@link Transport}.
 * Exchanges are written as they come, and every whole message received goes to the connection's
 * listener, which matches replies to calls by id and hands notifications on.
 * <p>
 * It works on Jetty's own websocket client, at frame level:
 * <ul>
 * <li>Receiving: the bytes of each text frame go into the connection's reused buffer, and a whole
 * message is handed over as those bytes. No String, no builder per message.
 * <li>Sending: each exchange is one text frame made from the encoder's bytes and handed to Jetty
 * without waiting. Callers never wait for each other, and Jetty's flusher gathers the queued frames
 * into few writes. The bytes handed over and not yet written are bounded ({@code sendBufferLimit}),
 * so a stalled node makes calls fail fast instead of piling up memory.
 * </ul>
 * The Jetty client runs on the client's shared {@link HttpClient}, so the handshake has the same
 * TLS trust, SOCKS5 proxy (which resolves the host name; it is never looked up here) and timeouts
 * as HTTP.
 */
public final class WebSocketTransport implements Transport {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketTransport.class);

	/** Writes outstanding with none acknowledged for this long mean the connection is dead. */
	private static final long SEND_TIME_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

	/** How often the write watchdog looks: a stall is found within the limit plus this. */
	private static final long WRITE_CHECK_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(5);

	/** How long a polite close waits for the node's close frame before dropping the connection. */
	private static final long CLOSE_TIMEOUT_MILLIS = 1_000;

	private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

	/**
	 * The one path btcd serves its websocket at. Every other path is its HTTP POST endpoint, which
	 * reads an upgrade request as a POST with an empty body, fails to parse it, and closes the
	 * connection without a status line (its jsonRPCRead hijacks the connection and drops a parse
	 * error's reply, having no id to answer to). The handshake then ends in an EOF: at any other
	 * path that EOF means a wrong URL, not a node going away, and is reported as such. At /ws an
	 * EOF stays a connection failure, worth retrying.
	 */
	private static final String WEBSOCKET_PATH = "/ws";

	private final URI url;

	private final String endpoint;

	private final Credentials credentials;

	private final int maxMessageSize;

	private final int sendBufferLimit;

	private final ScheduledExecutorService timer;

	private final Duration keepAliveInterval;

	private final Duration keepAliveTimeout;

	/** Where the connect future completes, so that what callers chain on it never runs on a Jetty I/O thread. */
	private final Executor executor;

	/**
	 * The longest a handshake may take: the HTTP client's connect timeout plus a second (as Jetty's
	 * Jakarta client waited), or none if that timeout is 0. A node that accepts the TCP connection
	 * but never answers the upgrade fails the attempt instead of holding it forever.
	 */
	private final long handshakeTimeoutMillis;

	private final WebSocketClient client;

	/** The open connection, or null. Written by the connect callback and on close; read by senders. */
	private volatile @Nullable Connection connection;

	public WebSocketTransport(HttpClient http, URI url, Credentials credentials, int maxMessageSize,
			int sendBufferLimit, ScheduledExecutorService timer, Duration keepAliveInterval, Duration keepAliveTimeout) {
		this.url = url;
		this.endpoint = url.toString();
		this.credentials = credentials;
		this.maxMessageSize = maxMessageSize;
		this.sendBufferLimit = sendBufferLimit;
		this.timer = timer;
		this.keepAliveInterval = keepAliveInterval;
		this.keepAliveTimeout = keepAliveTimeout;
		this.executor = http.getExecutor();
		this.handshakeTimeoutMillis = (http.getConnectTimeout() > 0) ? http.getConnectTimeout() + 1_000 : 0;
		this.client = new WebSocketClient(http);
		// Jetty's 30 s idle timeout would close a quiet connection; liveness is the keep-alive's job.
		this.client.setIdleTimeout(Duration.ZERO);
		// A frame longer than what has arrived, or than maxFrameSize, is handed over in pieces rather
		// than gathered (and limited) by Jetty: the size limit is the assembler's, per message, so an
		// over-large reply fails one call instead of the connection. Jetty's message-size limits
		// apply only to its message sinks, which this transport does not use.
		this.client.setAutoFragment(true);
		this.client.setMaxFrameSize(maxMessageSize);
		try {
			this.client.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start the websocket client for " + this.endpoint + ": " + ex, ex);
		}
	}

	/**
	 * Opens the connection. A handshake refused with a 401 is tried once more at once when the
	 * credentials now differ from those it carried (Bitcoin Core wrote a new cookie since we read
	 * it), so a restarted node is reached on the first attempt rather than after a reconnect delay.
	 */
	@Override
	public CompletableFuture<Void> connect(Listener listener) {
		return connect(listener, true);
	}

	private CompletableFuture<Void> connect(Listener listener, boolean mayRefresh) {
		ClientUpgradeRequest upgrade = new ClientUpgradeRequest(this.url);
		String authorization;
		try {
			authorization = this.credentials.authorization();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (authorization != null) {
			upgrade.setHeader("Authorization", authorization);
		}
		if (this.handshakeTimeoutMillis > 0) {
			upgrade.setTimeout(this.handshakeTimeoutMillis, TimeUnit.MILLISECONDS);
		}
		Connection handler = new Connection(listener);
		CompletableFuture<Session> handshake;
		try {
			handshake = this.client.connect(handler, upgrade);
		}
		catch (IOException | RuntimeException ex) {
			return CompletableFuture.failedFuture(handshakeError(ex));
		}
		return handshake.handleAsync((session, failure) -> {
			if (failure != null) {
				if (mayRefresh && refusedStatus(failure) == 401 && this.credentials.refresh(authorization)) {
					return connect(listener, false);
				}
				throw new CompletionException(handshakeError(failure));
			}
			try {
				handler.attach();
			}
			catch (RuntimeException ex) {
				// The timer refused the keep-alive (the client is shutting down): no session left behind.
				handler.abort("cannot watch the connection: " + Causes.describe(ex));
				throw ex;
			}
			this.connection = handler;
			return CompletableFuture.<Void>completedFuture(null);
		}, this.executor).thenCompose(Function.identity());
	}

	/** The HTTP status of a refused upgrade anywhere in {@code failure}'s causes, or 0. */
	private static int refusedStatus(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			int status = upgradeStatus(cause);
			if (status > 0) {
				return status;
			}
		}
		return 0;
	}

	@Override
	public boolean isOpen() {
		Connection current = this.connection;
		return current != null && current.isOpen();
	}

	/**
	 * Hands the exchange to the open connection as one text frame. btcd answers a batch frame with
	 * one array frame, whose elements the listener matches by id like any reply.
	 */
	@Override
	public boolean write(Exchange exchange, byte[] payload) {
		Connection current = this.connection;
		if (current == null || !current.isOpen()) {
			return false;
		}
		if (exchange.wallet() != null) {
			current.listener.onFailed(exchange, new IllegalArgumentException(exchange.method() + " names wallet '"
					+ exchange.wallet() + "', but wallets are served over HTTP (Bitcoin Core's /wallet/<name>), not the websocket"),
					false);
			return true;
		}
		return current.send(exchange, payload);
	}

	@Override
	public void close() {
		Connection current = this.connection;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public void release() {
		close();
		try {
			this.client.stop();
		}
		catch (Exception ex) {
			logger.debug("Stopping the websocket client for {} failed", this.endpoint, ex);
		}
	}

	private RuntimeException handshakeError(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			int status = upgradeStatus(cause);
			if (status > 0) {
				if (status == 401 || status == 403) {
					String readFailure = (status == 401) ? this.credentials.refreshFailure() : null;
					return new RpcAuthenticationException("The node at " + this.endpoint
							+ " refused the credentials on the websocket handshake (HTTP " + status + ")"
							+ ((readFailure != null) ? "; re-reading them failed: " + readFailure : ""), cause);
				}
				if (status == 200) {
					return new RpcEndpointException(this.endpoint + " answered the websocket handshake with HTTP 200 and no"
							+ " upgrade: not a websocket endpoint (btcd serves it at /ws)", cause);
				}
				return new RpcConnectionException("Websocket handshake with " + this.endpoint + " failed with HTTP " + status, cause);
			}
			if (cause instanceof SSLException) {
				return new RpcConnectionException("TLS handshake with " + this.endpoint + " failed: " + cause.getMessage(), cause);
			}
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root instanceof EOFException && !WEBSOCKET_PATH.equals(this.url.getPath())) {
			return new RpcEndpointException(this.endpoint + " is not a websocket endpoint; btcd serves it at " + WEBSOCKET_PATH,
					failure);
		}
		return new RpcConnectionException("Cannot connect to " + this.endpoint + ": " + Causes.describe(root), failure);
	}

	/**
	 * The HTTP status of a refused upgrade, or 0. Jetty's client fails the connect future with the
	 * API's {@link UpgradeException}, which wraps the core one; both are recognised.
	 */
	private static int upgradeStatus(Throwable cause) {
		if (cause instanceof UpgradeException upgrade) {
			return upgrade.getResponseStatusCode();
		}
		if (cause instanceof org.eclipse.jetty.websocket.core.exception.UpgradeException upgrade) {
			return upgrade.getResponseStatusCode();
		}
		return 0;
	}

	private static String describe(int code, @Nullable String reason) {
		if (code == StatusCode.NO_CLOSE) {
			return "code 1006: no close frame, the node or the network dropped the connection";
		}
		return "code " + code + ((reason != null && !reason.isEmpty()) ? ": " + reason : "");
	}

	/**
	 * One websocket session's listener. Its frames arrive one at a time on a Jetty thread (the
	 * reader), which alone touches the assembler and the current message's state.
	 * <p>
	 * Public only because Jetty binds a listener's methods through a public method-handle lookup;
	 * nothing outside this class creates or calls it.
	 */
	public final class Connection implements Session.Listener.AutoDemanding {

		/** Hears everything this connection receives, and its loss. */
		private final Listener listener;

		/** Reader only. */
		private final MessageAssembler assembler = new MessageAssembler(WebSocketTransport.this.maxMessageSize);

		/** Reader only: whether the message being received is binary, and its bytes so far. */
		private boolean binaryMessage;

		private long binarySize;

		private final AtomicBoolean lost = new AtomicBoolean();

		/** Set once by Jetty when the session opens, before the connect future completes. */
		private volatile @Nullable Session session;

		/**
		 * The session's core, to send a frame straight from the encoder's bytes (the API session
		 * takes only a String); null if Jetty's session is ever of another type. Set with {@link #session}.
		 */
		private volatile @Nullable CoreSession core;

		/** Set once Jetty reports the session closed, from any Jetty thread. */
		private volatile boolean closed;

		/** Bytes handed to Jetty and not yet written: added by senders, subtracted by the write callbacks. */
		private final AtomicLong queuedBytes = new AtomicLong();

		/** Writes completed, either way; the write watchdog looks for it to move. */
		private final AtomicLong writesDone = new AtomicLong();

		/** Timer only (a periodic task never overlaps itself): {@link #writesDone} at the watchdog's last look. */
		private long writesDoneSeen = -1;

		/** Timer only: {@code System.nanoTime()} when the watchdog last saw progress or nothing queued. */
		private long writesProgressAt;

		/** {@code System.nanoTime()} of the ping awaiting its pong, or 0. Set by the timer, cleared by the reader. */
		private final AtomicLong pingSentAt = new AtomicLong();

		private final Callback pingSent = Callback.from(() -> {
		}, (ex) -> logger.debug("Ping to {} failed", WebSocketTransport.this.endpoint, ex));

		/** The keep-alive and write-watchdog tasks; cancelled when the connection is lost. */
		private volatile @Nullable ScheduledFuture<?> keepAlive;

		private volatile @Nullable ScheduledFuture<?> writeWatchdog;

		private Connection(Listener listener) {
			this.listener = listener;
		}

		@Override
		public void onWebSocketOpen(Session session) {
			this.core = (session instanceof WebSocketSession jetty) ? jetty.getCoreSession() : null;
			this.session = session;
		}

		/** Runs once the handshake is complete, off Jetty's threads. */
		void attach() {
			Session current = this.session;
			if (current == null || !current.isOpen()) {
				// Closed between the handshake and now: the close callback may have come first.
				connectionLost("closed during the handshake");
				return;
			}
			long interval = WebSocketTransport.this.keepAliveInterval.toNanos();
			if (interval > 0) {
				this.keepAlive = WebSocketTransport.this.timer.scheduleAtFixedRate(this::ping, interval, interval,
						TimeUnit.NANOSECONDS);
			}
			this.writeWatchdog = WebSocketTransport.this.timer.scheduleAtFixedRate(this::checkWrites,
					WRITE_CHECK_PERIOD_NANOS, WRITE_CHECK_PERIOD_NANOS, TimeUnit.NANOSECONDS);
			if (this.lost.get()) {
				// Lost while the tasks were being scheduled: connectionLost may not have seen them.
				cancelTasks();
			}
		}

		/**
		 * Runs on the timer: sends a ping unless one is outstanding, and arms a check that declares
		 * the connection dead if its pong has not come within the keep-alive timeout. TCP alone
		 * would not notice a node that vanished without closing (a half-open connection).
		 */
		private void ping() {
			Session current = this.session;
			long now = System.nanoTime();
			if (current == null || this.lost.get() || !this.pingSentAt.compareAndSet(0, now)) {
				return;
			}
			try {
				current.sendPing(ByteBuffer.wrap(Long.toString(now).getBytes(StandardCharsets.US_ASCII)), this.pingSent);
			}
			catch (RuntimeException ex) {
				logger.debug("Ping to {} failed", WebSocketTransport.this.endpoint, ex);
			}
			WebSocketTransport.this.timer.schedule(() -> {
				if (this.pingSentAt.get() == now) {
					abort("no pong within " + WebSocketTransport.this.keepAliveTimeout.toMillis()
							+ " ms: the connection is presumed dead");
				}
			}, WebSocketTransport.this.keepAliveTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}

		/**
		 * Runs on the timer: drops the connection when writes are outstanding and none has been
		 * acknowledged for the send time limit (a node that stopped reading). One periodic look
		 * instead of a timer per write.
		 */
		private void checkWrites() {
			long now = System.nanoTime();
			long done = this.writesDone.get();
			if (done != this.writesDoneSeen || this.queuedBytes.get() == 0) {
				this.writesDoneSeen = done;
				this.writesProgressAt = now;
				return;
			}
			if (now - this.writesProgressAt >= SEND_TIME_LIMIT_NANOS) {
				abort("no write acknowledged within " + TimeUnit.NANOSECONDS.toMillis(SEND_TIME_LIMIT_NANOS) + " ms ("
						+ this.queuedBytes.get() + " bytes waiting): the connection is presumed dead");
			}
		}

		/** Drops the connection at once, without a close handshake the dead peer would never answer. */
		void abort(String reason) {
			// Report first: aborting makes Jetty call back at once with a bare 1006, which must not
			// replace the real reason (loss is reported once per connection).
			connectionLost(reason);
			Session current = this.session;
			if (current != null) {
				try {
					current.disconnect();
				}
				catch (RuntimeException ex) {
					logger.debug("Aborting the websocket to {} failed", WebSocketTransport.this.endpoint, ex);
				}
			}
		}

		boolean isOpen() {
			Session current = this.session;
			return current != null && current.isOpen() && !this.lost.get();
		}

		/** Hands one text frame carrying the exchange to Jetty, without waiting for it to be written. */
		boolean send(Exchange exchange, byte[] payload) {
			Session current = this.session;
			if (current == null) {
				return false;
			}
			int size = payload.length;
			long queued = this.queuedBytes.addAndGet(size);
			if (queued > WebSocketTransport.this.sendBufferLimit) {
				this.queuedBytes.addAndGet(-size);
				this.listener.onFailed(exchange, new RpcRequestRejectedException("Send buffer to "
						+ WebSocketTransport.this.endpoint + " is full (" + (queued - size) + " of sendBufferLimit="
						+ WebSocketTransport.this.sendBufferLimit + " bytes queued); " + exchange.method() + " was not sent"),
						false);
				return true;
			}
			Write write = new Write(exchange.method(), size);
			try {
				CoreSession frames = this.core;
				if (frames != null) {
					frames.sendFrame(new org.eclipse.jetty.websocket.core.Frame(OpCode.TEXT, true, ByteBuffer.wrap(payload)),
							write, false);
				}
				else {
					current.sendText(new String(payload, StandardCharsets.UTF_8), write);
				}
			}
			catch (RuntimeException ex) {
				write.failed(ex);
			}
			return true;
		}

		/**
		 * Closes politely (btcd echoes the close frame), but without waiting on it: a peer that
		 * never answers is aborted after a second.
		 */
		void close() {
			Session current = this.session;
			connectionLost("closed by the client");
			if (current == null) {
				return;
			}
			try {
				current.close(StatusCode.NORMAL, null, Callback.NOOP);
			}
			catch (RuntimeException ex) {
				logger.debug("Closing the websocket to {} failed", WebSocketTransport.this.endpoint, ex);
			}
			try {
				WebSocketTransport.this.timer.schedule(() -> {
					if (!this.closed) {
						abort("close handshake timed out");
					}
				}, CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				abort("closed by the client");
			}
		}

		/** The opcode, not {@code getType()}: Jetty's {@code Frame.Type.from} copies {@code values()} on every call. */
		@Override
		public void onWebSocketFrame(Frame frame, Callback callback) {
			byte opCode = frame.getOpCode();
			switch (opCode) {
				case OpCode.TEXT, OpCode.BINARY, OpCode.CONTINUATION -> onData(frame, opCode);
				case OpCode.PING -> pong(frame);
				case OpCode.PONG -> this.pingSentAt.set(0);
				default -> {
					// CLOSE: Jetty answers it itself once this callback completes.
				}
			}
			callback.succeed();
		}

		private void onData(Frame frame, byte opCode) {
			if (opCode != OpCode.CONTINUATION) {
				this.binaryMessage = (opCode == OpCode.BINARY);
			}
			if (this.binaryMessage) {
				this.binarySize += frame.getPayloadLength();
				if (frame.isFin()) {
					long size = this.binarySize;
					this.binarySize = 0;
					this.listener.onUnreadable("binary websocket message of " + size + " bytes");
				}
				return;
			}
			if (!this.assembler.append(frame.hasPayload() ? frame.getPayload() : EMPTY, frame.isFin())) {
				return;
			}
			try {
				if (this.assembler.isTooLarge()) {
					tooLarge();
				}
				else {
					this.listener.onMessage(this.assembler.text());
				}
			}
			catch (RuntimeException ex) {
				// The listener never throws by contract; this guards the reader against a bug all the same.
				logger.error("Failed to handle a message from {}", WebSocketTransport.this.endpoint, ex);
			}
			finally {
				this.assembler.reset();
			}
		}

		private void tooLarge() {
			Long id = this.assembler.trailingId();
			this.listener.onOversized((id != null) ? id : -1, "a message of " + this.assembler.size()
					+ " bytes exceeds maxResponseSize (" + WebSocketTransport.this.maxMessageSize + " bytes)");
		}

		/**
		 * Answers the node's ping. Jetty answers pings itself only for listeners that do not take
		 * frames. The payload is copied: the frame's bytes go back to Jetty when its callback
		 * completes, which may be before the pong is written.
		 */
		private void pong(Frame frame) {
			Session current = this.session;
			if (current == null) {
				return;
			}
			ByteBuffer payload = ByteBuffer.allocate(frame.getPayloadLength());
			if (frame.hasPayload()) {
				payload.put(frame.getPayload()).flip();
			}
			try {
				current.sendPong(payload, Callback.NOOP);
			}
			catch (RuntimeException ex) {
				logger.debug("Pong to {} failed", WebSocketTransport.this.endpoint, ex);
			}
		}

		@Override
		public void onWebSocketError(Throwable cause) {
			logger.debug("Websocket transport error from {}", WebSocketTransport.this.endpoint, cause);
		}

		@Override
		public void onWebSocketClose(int statusCode, @Nullable String reason) {
			this.closed = true;
			connectionLost(describe(statusCode, reason));
		}

		private void connectionLost(String reason) {
			if (!this.lost.compareAndSet(false, true)) {
				return;
			}
			cancelTasks();
			if (WebSocketTransport.this.connection == this) {
				WebSocketTransport.this.connection = null;
			}
			this.listener.onLost(new RpcConnectionException("Connection to " + WebSocketTransport.this.endpoint
					+ " lost: " + reason));
		}

		private void cancelTasks() {
			ScheduledFuture<?> task = this.keepAlive;
			if (task != null) {
				task.cancel(false);
			}
			task = this.writeWatchdog;
			if (task != null) {
				task.cancel(false);
			}
		}

		/**
		 * Completes one frame's write: gives its bytes back to the send buffer and, if the write
		 * failed, drops the connection so that the resend policy sorts what was written to it.
		 * Called by Jetty, on any thread, or by the sender when Jetty refused the frame at once.
		 */
		private final class Write implements org.eclipse.jetty.util.Callback, Callback {

			private final String method;

			private final int size;

			Write(String method, int size) {
				this.method = method;
				this.size = size;
			}

			@Override
			public void succeeded() {
				done();
			}

			@Override
			public void failed(Throwable failure) {
				done();
				if (!Connection.this.lost.get()) {
					abort("sending " + this.method + " failed: " + Causes.describe(failure));
				}
			}

			@Override
			public void succeed() {
				succeeded();
			}

			@Override
			public void fail(Throwable failure) {
				failed(failure);
			}

			private void done() {
				Connection.this.queuedBytes.addAndGet(-this.size);
				Connection.this.writesDone.incrementAndGet();
			}

		}

	}

}
