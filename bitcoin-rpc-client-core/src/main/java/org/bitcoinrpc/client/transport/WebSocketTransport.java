package org.bitcoinrpc.client.transport;

import java.io.EOFException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javax.net.ssl.SSLException;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.Future;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcEndpointException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One websocket connection at a time to btcd's {@code /ws}: a pipelined {@link Transport} on
 * Netty. Exchanges are written as they come, and every whole message received goes to the
 * connection's listener, which matches replies to calls by id and hands notifications on.
 * <ul>
 * <li>Connecting: the client's {@link NettyConnector} opens the channel (SOCKS5, TLS), then
 * Netty's handshaker upgrades it ({@link WebSocketHandshake}), with the credentials.
 * <li>Receiving: frames are read as they stream in ({@link FrameReader}), their bytes go into the
 * connection's reused buffer, and a whole message is handed over as those bytes. No String, no
 * frame object, no copy of a frame's payload but that one.
 * <li>Sending: each exchange is one text frame made from the encoder's bytes. A write on the
 * event loop goes straight to the channel, flushed once per read; writes from other threads meet
 * in a lock-free queue that one task drains and flushes ({@link Outbox}). The bytes waiting are
 * bounded ({@code sendBufferLimit}), so a stalled node makes calls fail fast instead of piling up
 * memory.
 * </ul>
 * Threads: the connect future completes on the channel's event loop, where the connection's
 * events, timers and listener calls run too (see {@link WebSocketConnection} for the two calls
 * that report on the caller's thread). {@link #write}, {@link #isOpen} and {@link #close} may be
 * called from any thread.
 */
public final class WebSocketTransport implements Transport {

	static final Logger logger = LoggerFactory.getLogger(WebSocketTransport.class);

	/**
	 * The one path btcd serves its websocket at. Every other path is its HTTP POST endpoint, which
	 * reads an upgrade request as a POST with an empty body, fails to parse it, and closes the
	 * connection without a status line (its jsonRPCRead hijacks the connection and drops a parse
	 * error's reply, having no id to answer to). The handshake then ends in an EOF: at any other
	 * path that EOF means a wrong URL, not a node going away, and is reported as such. At /ws an
	 * EOF stays a connection failure, worth retrying.
	 */
	private static final String WEBSOCKET_PATH = "/ws";

	private final NettyConnector connector;

	private final URI url;

	private final String endpoint;

	private final Credentials credentials;

	private final int maxMessageSize;

	private final int sendBufferLimit;

	private final Duration keepAliveInterval;

	private final Duration keepAliveTimeout;

	/**
	 * The longest an attempt may take: the connect timeout plus a second, or none if that timeout
	 * is 0. A node that accepts the TCP connection but never answers the upgrade fails the attempt
	 * instead of holding it forever.
	 */
	private final long handshakeTimeoutMillis;

	/** The open connection, or null. Set on the event loop when a handshake succeeds, cleared on loss; read by senders. */
	private volatile @Nullable WebSocketConnection connection;

	/**
	 * Set by {@link #release()}: an attempt still under way then drops what it opens. The event loop
	 * group may be shared and outlive this client, so nothing else would close it.
	 */
	private volatile boolean released;

	public WebSocketTransport(NettyConnector connector, URI url, Credentials credentials, int maxMessageSize,
			int sendBufferLimit, Duration keepAliveInterval, Duration keepAliveTimeout) {
		this.connector = connector;
		this.url = url;
		this.endpoint = url.toString();
		this.credentials = credentials;
		this.maxMessageSize = maxMessageSize;
		this.sendBufferLimit = sendBufferLimit;
		this.keepAliveInterval = keepAliveInterval;
		this.keepAliveTimeout = keepAliveTimeout;
		this.handshakeTimeoutMillis = (connector.connectTimeoutMillis() > 0) ? connector.connectTimeoutMillis() + 1_000L : 0;
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
		String authorization;
		try {
			authorization = this.credentials.authorization();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		Attempt attempt = new Attempt(listener, authorization);
		try {
			Future<Channel> opened = this.connector.open(attempt::addHandlers);
			opened.addListener((ignored) -> attempt.opened(opened));
		}
		catch (RuntimeException ex) {
			// The event loop group is shut down: the client is going away.
			attempt.failed(ex);
		}
		return attempt.result.handle((ignored, failure) -> {
			if (failure == null) {
				return CompletableFuture.<Void>completedFuture(null);
			}
			if (mayRefresh && refusedStatus(failure) == 401 && this.credentials.refresh(authorization)) {
				return connect(listener, false);
			}
			return CompletableFuture.<Void>failedFuture(handshakeError(failure));
		}).thenCompose(Function.identity());
	}

	@Override
	public boolean isOpen() {
		WebSocketConnection current = this.connection;
		return current != null && current.isOpen();
	}

	/**
	 * Writes the exchange to the open connection as one text frame. btcd answers a batch frame
	 * with one array frame, whose elements the listener matches by id like any reply.
	 */
	@Override
	public boolean write(Exchange exchange, byte[] payload) {
		WebSocketConnection current = this.connection;
		if (current == null || !current.isOpen()) {
			return false;
		}
		if (exchange.wallet() != null) {
			current.listenerFailed(exchange, new IllegalArgumentException(exchange.method() + " names wallet '"
					+ exchange.wallet() + "', but wallets are served over HTTP (Bitcoin Core's /wallet/<name>), not the websocket"));
			return true;
		}
		current.send(exchange, payload);
		return true;
	}

	@Override
	public void close() {
		WebSocketConnection current = this.connection;
		if (current != null) {
			current.close();
		}
	}

	/**
	 * Closes the connection without waiting for the node's echo. The event loop group is the
	 * client's resources', released by the client.
	 */
	@Override
	public void release() {
		this.released = true;
		WebSocketConnection current = this.connection;
		if (current != null) {
			current.release();
		}
	}

	/** A lost connection lets go of itself, unless a newer one took its place meanwhile. */
	void forget(WebSocketConnection lost) {
		if (this.connection == lost) {
			this.connection = null;
		}
	}

	private WebSocketClientHandshaker handshaker(@Nullable String authorization) {
		HttpHeaders headers = new DefaultHttpHeaders();
		if (authorization != null) {
			headers.set(HttpHeaderNames.AUTHORIZATION, authorization);
		}
		headers.set(HttpHeaderNames.USER_AGENT, NettyConnector.USER_AGENT);
		// No Origin header: this is no browser. Frames are masked, as RFC 6455 requires of a client.
		return WebSocketClientHandshakerFactory.newHandshaker(this.url, WebSocketVersion.V13, null, false, headers,
				this.maxMessageSize, true, false, -1, false, false);
	}

	/** The HTTP status of a refused upgrade anywhere in {@code failure}'s causes, or 0. */
	private static int refusedStatus(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof WebSocketHandshake.UpgradeRefusedException refused) {
				return refused.status();
			}
		}
		return 0;
	}

	private RuntimeException handshakeError(Throwable failure) {
		int status = refusedStatus(failure);
		if (status == 401 || status == 403) {
			String readFailure = (status == 401) ? this.credentials.refreshFailure() : null;
			return new RpcAuthenticationException("The node at " + this.endpoint
					+ " refused the credentials on the websocket handshake (HTTP " + status + ")"
					+ ((readFailure != null) ? "; re-reading them failed: " + readFailure : ""), failure);
		}
		if (status == 200) {
			return new RpcEndpointException(this.endpoint + " answered the websocket handshake with HTTP 200 and no"
					+ " upgrade: not a websocket endpoint (btcd serves it at /ws)", failure);
		}
		if (status > 0) {
			return new RpcConnectionException("Websocket handshake with " + this.endpoint + " failed with HTTP " + status,
					failure);
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SSLException) {
				return new RpcConnectionException("TLS handshake with " + this.endpoint + " failed: " + cause.getMessage(),
						cause);
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
		return new RpcConnectionException("Cannot connect to " + this.endpoint + ": " + this.connector.describe(failure),
				failure);
	}

	/**
	 * One connect attempt: the channel's handlers, and the future it completes. Its methods run on
	 * the channel's event loop, except {@link #failed} when the connector cannot even start.
	 */
	private final class Attempt implements WebSocketHandshake.Outcome {

		private final Listener listener;

		private final @Nullable String authorization;

		/** Completed once: by the upgrade, or by the first failure of any layer. */
		private final CompletableFuture<Void> result = new CompletableFuture<>();

		/** Set by {@link #addHandlers}, which runs before the channel connects. */
		private @Nullable WebSocketHandshake handshake;

		Attempt(Listener listener, @Nullable String authorization) {
			this.listener = listener;
			this.authorization = authorization;
		}

		void addHandlers(ChannelPipeline pipeline) {
			this.handshake = new WebSocketHandshake(handshaker(this.authorization),
					WebSocketTransport.this.handshakeTimeoutMillis, this);
			pipeline.addLast("http", new HttpClientCodec());
			pipeline.addLast("ws-handshake", this.handshake);
		}

		/** The connector is through (TCP, proxy, TLS) or failed. */
		void opened(Future<Channel> opened) {
			if (!opened.isSuccess()) {
				failed(opened.cause());
				return;
			}
			WebSocketHandshake current = this.handshake;
			if (current != null) {
				current.start(opened.getNow());
			}
		}

		@Override
		public ChannelHandler upgraded(Channel channel) {
			WebSocketConnection opened = new WebSocketConnection(WebSocketTransport.this, channel, this.listener,
					WebSocketTransport.this.endpoint, WebSocketTransport.this.maxMessageSize,
					WebSocketTransport.this.sendBufferLimit, WebSocketTransport.this.keepAliveInterval,
					WebSocketTransport.this.keepAliveTimeout);
			opened.start();
			WebSocketTransport.this.connection = opened;
			if (WebSocketTransport.this.released) {
				// Released while the handshake ran: release() found no connection to close.
				opened.close();
			}
			// Completed from a task of its own: what the caller chains on it (the subscriptions
			// registered again, the calls that waited) then runs outside the pipeline's read.
			channel.eventLoop().execute(() -> this.result.complete(null));
			return opened;
		}

		@Override
		public void failed(Throwable cause) {
			this.result.completeExceptionally(cause);
		}

	}

}
