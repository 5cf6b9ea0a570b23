package org.bitcoinrpc.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcEndpointException;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.jspecify.annotations.Nullable;

/**
 * One POST per exchange: a request/response {@link Transport} on Netty. Up to
 * {@code maxConnections} keep-alive connections carry one POST each at a time, opened on demand
 * through the client's {@link NettyConnector} (SOCKS5, TLS); POSTs beyond them wait in line
 * ({@link PostConnections}). btcd closes each connection after one reply, which only means that
 * the next POST opens another. Replies are collected up to {@code maxResponseSize} and handed to
 * the listener as bytes, with the exchange they answer, on the connection's event loop.
 * <p>
 * What a status, a body or a failure means is {@link HttpReplies}'s: this class moves the POSTs
 * and asks it. The status is asked for only when a body is no usable JSON-RPC answer
 * ({@link ReplyStatus}). Whether a call is sent again after a transient failure is the client's
 * decision, by its resend policy.
 * <p>
 * Cookie rotation: Bitcoin Core writes a new cookie at every start, so every POST in flight with
 * the old one gets a 401. Each POST remembers the exact {@code Authorization} value it was sent
 * with; after a 401, it is sent again with the current value when {@link HttpReplies#mayResend}
 * says so. This stays in the transport rather than with the client's retries: a refused POST
 * never reached the node's JSON-RPC handler, so sending it again is safe for every call, and only
 * the transport knows which credentials each POST carried.
 * <p>
 * Threads: {@link #write} from any thread; replies and failures reach the listener on the event
 * loops; the connect future completes on the common fork-join pool.
 */
public final class HttpPostTransport implements Transport {

	/** How much longer than the client's own timer a connection waits, so that the client's clearer timeout error wins. */
	private static final long TIMEOUT_SLACK_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final String endpoint;

	private final Credentials credentials;

	/** Encodes the connect probe; exchanges come encoded. */
	private final JsonRpcCodec codec;

	/** How long the connect probe may take. */
	private final Duration probeTimeout;

	/** Words the failures of connections (proxy, TLS). */
	private final NettyConnector connector;

	/** What statuses, bodies and failures mean. */
	private final HttpReplies replies;

	private final PostRequests requests;

	private final PostConnections connections;

	/**
	 * Hears every POST's outcome: the listener of the latest {@link #connect}, or null before the
	 * first. Written by connect, read by writers, any thread.
	 */
	private volatile @Nullable Listener listener;

	/** Written by connect/close from any thread. */
	private volatile boolean open;

	/**
	 * @param probeTimeout how long the probe call of {@link #connect} may take
	 * @param maxConnections how many connections may be open at once
	 */
	public HttpPostTransport(NettyConnector connector, URI url, Credentials credentials, JsonRpcCodec codec,
			int maxResponseSize, Duration probeTimeout, int maxConnections) {
		this.connector = connector;
		this.endpoint = url.toString();
		this.credentials = credentials;
		this.codec = codec;
		this.probeTimeout = probeTimeout;
		this.replies = new HttpReplies(this.endpoint, credentials, codec, maxResponseSize);
		this.requests = new PostRequests(url, authority(url));
		this.connections = new PostConnections(connector, this.requests, maxResponseSize, maxConnections);
	}

	/**
	 * The {@code Host} value as Jetty derived it: host (IPv6 in brackets), and the port unless it
	 * is the scheme's default. The options reject a URL with user info.
	 */
	static String authority(URI url) {
		int defaultPort = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
		int port = (url.getPort() == -1) ? defaultPort : url.getPort();
		return (port == defaultPort) ? url.getHost() : url.getHost() + ":" + port;
	}

	/**
	 * Checks that the node is there and takes the credentials, with one {@code getblockcount}:
	 * any JSON-RPC reply (an RPC error such as -28, warming up, included) or Core's 503 (work
	 * queue full) proves it. Fails with an {@link RpcAuthenticationException} for refused or
	 * unreadable credentials (a refused cookie is re-read and tried once more), an
	 * {@link RpcEndpointException} for a server that answers but not with JSON-RPC, and an
	 * {@link RpcConnectionException} when nothing answers. Each POST stands on its own, so from now
	 * on every outcome goes to {@code listener}. The future completes off the event loops: what is
	 * chained on it may block.
	 */
	@Override
	public CompletableFuture<Void> connect(Listener listener) {
		this.listener = listener;
		CompletableFuture<Void> result = new CompletableFuture<>();
		probe(result, true);
		return result;
	}

	private void probe(CompletableFuture<Void> result, boolean mayReloadCredentials) {
		String authorization;
		try {
			// Reads the cookie file now, so a missing one is reported at connect, not at the first call.
			authorization = this.credentials.authorization();
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(ex);
			return;
		}
		byte[] body = this.codec.encodeRequest(0, "getblockcount", List.of());
		this.connections.send(new Probe(result, body, authorization, mayReloadCredentials));
	}

	@Override
	public boolean isOpen() {
		return this.open;
	}

	@Override
	public void close() {
		this.open = false;
	}

	/** Closes every connection; POSTs still in flight fail. */
	@Override
	public void release() {
		this.open = false;
		this.connections.release();
	}

	/**
	 * POSTs the exchange, whether or not {@link #isOpen()} says so: each POST stands on its own,
	 * and the client decides when to write. False only before the first {@link #connect}.
	 */
	@Override
	public boolean write(Exchange exchange, byte[] payload) {
		Listener current = this.listener;
		if (current == null) {
			return false;
		}
		post(current, exchange, payload, 0);
		return true;
	}

	/** POSTs an exchange with the current credentials; {@code authResends} counts its re-sends after a 401. */
	private void post(Listener listener, Exchange exchange, byte[] payload, int authResends) {
		Call call;
		try {
			String authorization = this.credentials.authorization();
			// Checks the wallet's name now: the request is built on an event loop, where nothing may throw.
			this.requests.target(exchange.wallet());
			call = new Call(listener, exchange, payload, authorization, authResends);
		}
		catch (RuntimeException ex) {
			// An unreadable cookie file, or a wallet name no URL can carry.
			listener.onFailed(exchange, ex, false);
			return;
		}
		this.connections.send(call);
	}

	/** A failure of a connection in words: which layer failed (proxy, TLS) and why. */
	private String describe(Throwable cause) {
		if (cause instanceof ReplyBuffer.TooLargeException) {
			return String.valueOf(cause.getMessage());
		}
		return this.connector.describe(cause);
	}

	/**
	 * One call's POST: reports its reply to the listener, and says what its status means when
	 * asked. After a 401 it is sent again as a new call (the refused credentials are its own).
	 * The reply fields are written on the event loop before the listener is called and read only
	 * by that call.
	 */
	private final class Call extends Post implements ReplyStatus {

		private final Listener listener;

		private final int authResends;

		private int status;

		private byte @Nullable [] body;

		private int length;

		Call(Listener listener, Exchange exchange, byte[] payload, @Nullable String authorization, int authResends) {
			super(exchange, payload, authorization, exchange.timeout().toNanos() + TIMEOUT_SLACK_NANOS);
			this.listener = listener;
			this.authResends = authResends;
		}

		@Override
		void replied(int status, byte[] body, int length) {
			this.listener.onAnswered();
			if (HttpReplies.isRefusal(status)) {
				if (HttpPostTransport.this.replies.mayResend(status, this.authorization, this.authResends)) {
					post(this.listener, this.exchange, this.payload, this.authResends + 1);
					return;
				}
				this.listener.onFailed(this.exchange, HttpPostTransport.this.replies.refused(status, this.exchange,
						this.authResends), false);
				return;
			}
			this.status = status;
			this.body = body;
			this.length = length;
			try {
				this.listener.onReply(this.exchange, JsonText.of(body, length), this);
			}
			finally {
				// The array is the connection's, reused for its next reply.
				this.body = null;
			}
		}

		@Override
		void failed(Throwable cause, boolean mayHaveRun) {
			String why = describe(cause);
			RuntimeException failure = (cause instanceof ReplyBuffer.TooLargeException)
					? HttpPostTransport.this.replies.tooLarge(this.exchange, cause)
					: HttpPostTransport.this.replies.postFailed(this.exchange, why, cause, mayHaveRun);
			if (HttpReplies.isLoss(failure, cause)) {
				this.listener.onLost(HttpPostTransport.this.replies.lost(why, cause));
			}
			this.listener.onFailed(this.exchange, failure, HttpReplies.isTransient(failure));
		}

		@Override
		public boolean isSuccess() {
			return HttpReplies.isSuccess(this.status);
		}

		@Override
		public RuntimeException failure(@Nullable InboundMessage decoded) {
			byte[] bytes = this.body;
			if (bytes == null) {
				throw new IllegalStateException("asked outside of onReply");
			}
			return HttpPostTransport.this.replies.unusableReply(this.exchange, this.status, bytes, this.length, decoded);
		}

		@Override
		public boolean isTransient() {
			return HttpReplies.isTransient(this.status);
		}

	}

	/**
	 * The connect probe's POST: completes the connect future, off the event loop, with what its
	 * reply shows; after a refused cookie, probes once more if the file now holds another.
	 */
	private final class Probe extends Post {

		private final CompletableFuture<Void> result;

		private final boolean mayReloadCredentials;

		Probe(CompletableFuture<Void> result, byte[] payload, @Nullable String authorization, boolean mayReloadCredentials) {
			super(new ProbeExchange(HttpPostTransport.this.probeTimeout), payload, authorization,
					HttpPostTransport.this.probeTimeout.toNanos());
			this.result = result;
			this.mayReloadCredentials = mayReloadCredentials;
		}

		@Override
		void replied(int status, byte[] body, int length) {
			RuntimeException failure = HttpPostTransport.this.replies.probeAnswerFailure(status, body, length);
			if (failure instanceof RpcAuthenticationException && this.mayReloadCredentials
					&& HttpPostTransport.this.replies.mayRetryProbe(status, this.authorization)) {
				probe(this.result, false);
				return;
			}
			if (failure == null) {
				HttpPostTransport.this.open = true;
			}
			complete(failure);
		}

		@Override
		void failed(Throwable cause, boolean mayHaveRun) {
			// A reply over the size limit still shows a node there.
			complete((cause instanceof ReplyBuffer.TooLargeException) ? null
					: HttpPostTransport.this.replies.cannotConnect(describe(cause), cause));
		}

		/** Completes the connect future on the common pool: whatever is chained on it must not hold up an event loop. */
		private void complete(@Nullable RuntimeException failure) {
			try {
				ForkJoinPool.commonPool().execute(() -> {
					if (failure == null) {
						this.result.complete(null);
					}
					else {
						this.result.completeExceptionally(failure);
					}
				});
			}
			catch (RuntimeException ex) {
				// No pool to run it: completed here rather than never.
				if (failure == null) {
					this.result.complete(null);
				}
				else {
					this.result.completeExceptionally(failure);
				}
			}
		}

	}

	/** What the probe is, for the connections: {@code getblockcount}, id 0, the node's own URL. */
	private record ProbeExchange(Duration timeout) implements Exchange {

		@Override
		public long id() {
			return 0;
		}

		@Override
		public String method() {
			return "getblockcount";
		}

		@Override
		public boolean isBatch() {
			return false;
		}

		@Override
		public @Nullable String wallet() {
			return null;
		}

	}

}
