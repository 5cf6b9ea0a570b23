package org.bitcoinrpc.client.transport;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcEndpointException;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.jspecify.annotations.Nullable;

/**
 * One POST per exchange: a request/response {@link Transport}. Jetty keeps connections alive and
 * pools them (bounded by {@code maxConnections}); btcd closes each connection after one reply,
 * which Jetty handles by opening a new one. Replies are buffered up to {@code maxResponseSize} and
 * handed to the listener as bytes (see {@link ResponseBody}), with the exchange they answer.
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
 */
public final class HttpPostTransport implements Transport {

	/** How much longer than the client's own timer Jetty waits, so that the client's clearer timeout error wins. */
	private static final long JETTY_TIMEOUT_SLACK_MILLIS = 1000;

	private static final HttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, RequestBody.CONTENT_TYPE);

	private final HttpClient http;

	private final URI url;

	private final String endpoint;

	private final Credentials credentials;

	/** Encodes and reads the connect probe; exchanges come encoded. */
	private final JsonRpcCodec codec;

	private final int maxResponseSize;

	/** What statuses, bodies and failures mean. */
	private final HttpReplies replies;

	/** How long the connect probe may take. */
	private final java.time.Duration probeTimeout;

	/** Wallet URIs by wallet name; computed once each, from any thread. */
	private final java.util.concurrent.ConcurrentHashMap<String, URI> walletUris = new java.util.concurrent.ConcurrentHashMap<>();

	/** The {@code Host} header of every POST (wallet URLs share the authority); Jetty would build a URI per call for it. */
	private final HttpField host;

	/**
	 * The headers for the current credentials, rebuilt when they change (a re-read cookie).
	 * Replaced whole, from any thread; a stale read only costs a rebuild.
	 */
	private volatile PostHeaders headers;

	/**
	 * Hears every POST's outcome: the listener of the latest {@link #connect}, or null before the
	 * first. Written by connect, read by writers, any thread.
	 */
	private volatile @Nullable Listener listener;

	/** Written by connect/close from any thread. */
	private volatile boolean open;

	/**
	 * @param probeTimeout how long the probe call of {@link #connect} may take
	 */
	public HttpPostTransport(HttpClient http, URI url, Credentials credentials, JsonRpcCodec codec, int maxResponseSize,
			java.time.Duration probeTimeout) {
		this.probeTimeout = probeTimeout;
		this.http = http;
		this.url = url;
		this.endpoint = url.toString();
		this.credentials = credentials;
		this.codec = codec;
		this.maxResponseSize = maxResponseSize;
		this.replies = new HttpReplies(this.endpoint, credentials, codec, maxResponseSize);
		this.host = new PreEncodedHttpField(HttpHeader.HOST, authority(url));
		this.headers = new PostHeaders(this.host, null);
	}

	/**
	 * The {@code Host} value as Jetty derives it: host (IPv6 in brackets), and the port unless it
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
	 * {@link RpcConnectionException} when nothing answers. Each POST is a connection of its own, so
	 * from now on every outcome goes to {@code listener}.
	 */
	@Override
	public CompletableFuture<Void> connect(Listener listener) {
		this.listener = listener;
		CompletableFuture<Void> result = new CompletableFuture<>();
		probe(result, true);
		return result;
	}

	private void probe(CompletableFuture<Void> result, boolean mayReloadCredentials) {
		PostHeaders headers;
		try {
			// Reads the cookie file now, so a missing one is reported at connect, not at the first call.
			headers = headers(this.credentials.authorization());
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(ex);
			return;
		}
		byte[] body = this.codec.encodeRequest(0, "getblockcount", List.of());
		this.http.newRequest(this.url)
			.method(HttpMethod.POST)
			.headers(headers)
			.body(new RequestBody(body))
			.timeout(this.probeTimeout.toMillis(), TimeUnit.MILLISECONDS)
			.send(new ResponseBody(this.maxResponseSize) {

				@Override
				protected void onComplete(Result reply, byte[] content, int length) {
					RuntimeException failure = probeFailure(reply, content, length);
					if (failure instanceof RpcAuthenticationException && mayReloadCredentials
							&& HttpPostTransport.this.replies.mayRetryProbe(reply.getResponse().getStatus(), headers.authorization)) {
						probe(result, false);
						return;
					}
					if (failure != null) {
						result.completeExceptionally(failure);
						return;
					}
					HttpPostTransport.this.open = true;
					result.complete(null);
				}

			});
	}

	/** Why the probe's reply does not show a JSON-RPC node taking our credentials, or null if it does. */
	private @Nullable RuntimeException probeFailure(Result reply, byte[] content, int length) {
		if (reply.isFailed()) {
			Throwable cause = (reply.getResponseFailure() != null) ? reply.getResponseFailure() : reply.getFailure();
			if (cause instanceof ResponseBody.TooLargeException) {
				return null;
			}
			return this.replies.cannotConnect(Causes.describe(cause), cause);
		}
		return this.replies.probeAnswerFailure(reply.getResponse().getStatus(), content, length);
	}

	@Override
	public boolean isOpen() {
		return this.open;
	}

	@Override
	public void close() {
		this.open = false;
	}

	/**
	 * POSTs the exchange, whether or not {@link #isOpen()} says so: each POST is a connection of its
	 * own, and the client decides when to write. False only before the first {@link #connect}.
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
	private void post(Listener listener, Exchange exchange, byte[] body, int authResends) {
		PostHeaders headers;
		URI target;
		try {
			headers = headers(this.credentials.authorization());
			target = uri(exchange.wallet());
		}
		catch (RuntimeException ex) {
			// An unreadable cookie file, or a wallet name no URL can carry.
			listener.onFailed(exchange, ex, false);
			return;
		}
		Request post = this.http.newRequest(target)
			.method(HttpMethod.POST)
			.headers(headers)
			.body(new RequestBody(body))
			.timeout(exchange.timeout().toMillis() + JETTY_TIMEOUT_SLACK_MILLIS, TimeUnit.MILLISECONDS);
		post.send(new Post(listener, exchange, body, headers, authResends));
	}

	/** The headers for this {@code Authorization} value: the current ones unless it changed. */
	private PostHeaders headers(@Nullable String authorization) {
		PostHeaders current = this.headers;
		if (!current.isFor(authorization)) {
			current = new PostHeaders(this.host, authorization);
			this.headers = current;
		}
		return current;
	}

	/**
	 * The node's URL for a wallet: {@code <url>/wallet/<name>}, the name percent-encoded (a space
	 * as {@code %20}, a slash as {@code %2F}), as Bitcoin Core decodes it.
	 */
	URI uri(@Nullable String wallet) {
		if (wallet == null) {
			return this.url;
		}
		return this.walletUris.computeIfAbsent(wallet, (name) -> {
			String base = this.url.toString();
			String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
			return URI.create(base + (base.endsWith("/") ? "" : "/") + "wallet/" + encoded);
		});
	}

	/**
	 * Tells the listener the node is gone when a POST could not reach it or lost its connection;
	 * a reply too large or a slow call (Jetty's timeout) says nothing about the node being there.
	 */
	private void reportLoss(Listener listener, Result result, RuntimeException failure) {
		Throwable cause = (result.getResponseFailure() != null) ? result.getResponseFailure() : result.getFailure();
		if (HttpReplies.isLoss(failure, cause)) {
			listener.onLost(this.replies.lost(Causes.describe(cause), cause));
		}
	}

	private RuntimeException postFailure(Exchange exchange, Result result) {
		Throwable cause = (result.getResponseFailure() != null) ? result.getResponseFailure() : result.getFailure();
		if (cause instanceof ResponseBody.TooLargeException) {
			return this.replies.tooLarge(exchange, cause);
		}
		return this.replies.postFailed(exchange, Causes.describe(cause), cause, result.getRequestFailure() == null);
	}

	/**
	 * One POST: collects its reply and reports it, and says what its status means when asked. Keeps
	 * what a resend after a 401 needs: the body, the headers it was sent with (whose
	 * {@code Authorization} value is the one the node refused) and how many times it was already
	 * sent again for that. Jetty completes it once, on one of its threads; {@link #status} is
	 * written before the listener is called and read only by that call.
	 */
	private final class Post extends ResponseBody implements ReplyStatus {

		private final Listener listener;

		private final Exchange exchange;

		private final byte[] body;

		private final PostHeaders sentWith;

		private final int authResends;

		private int status;

		private byte @Nullable [] content;

		private int length;

		Post(Listener listener, Exchange exchange, byte[] body, PostHeaders sentWith, int authResends) {
			super(HttpPostTransport.this.maxResponseSize);
			this.listener = listener;
			this.exchange = exchange;
			this.body = body;
			this.sentWith = sentWith;
			this.authResends = authResends;
		}

		@Override
		protected void onComplete(Result result, byte[] content, int length) {
			if (result.isFailed()) {
				RuntimeException failure = postFailure(this.exchange, result);
				reportLoss(this.listener, result, failure);
				this.listener.onFailed(this.exchange, failure, HttpReplies.isTransient(failure));
				return;
			}
			this.listener.onAnswered();
			int status = result.getResponse().getStatus();
			if (HttpReplies.isRefusal(status)) {
				if (HttpReplies.isRefusal(status) && HttpPostTransport.this.replies.mayResend(status, this.sentWith.authorization,
						this.authResends)) {
					post(this.listener, this.exchange, this.body, this.authResends + 1);
					return;
				}
				this.listener.onFailed(this.exchange, HttpPostTransport.this.replies.refused(status, this.exchange, this.authResends),
						false);
				return;
			}
			this.status = status;
			this.content = content;
			this.length = length;
			this.listener.onReply(this.exchange, JsonText.of(content, length), this);
		}

		@Override
		public boolean isSuccess() {
			return HttpReplies.isSuccess(this.status);
		}

		@Override
		public RuntimeException failure(@Nullable InboundMessage decoded) {
			byte[] bytes = Objects.requireNonNull(this.content, "asked before the reply came");
			return HttpPostTransport.this.replies.unusableReply(this.exchange, this.status, bytes, this.length, decoded);
		}

		@Override
		public boolean isTransient() {
			return HttpReplies.isTransient(this.status);
		}

	}

	/**
	 * The headers our POSTs add ({@code Host}, {@code Content-Type}, {@code Authorization}),
	 * pre-encoded once per credentials value rather than per call. Immutable. Never prints the
	 * secret.
	 */
	private static final class PostHeaders implements Consumer<HttpFields.Mutable> {

		/** The exact value sent: what {@link Credentials#refresh} is told the node refused after a 401. */
		private final @Nullable String authorization;

		private final HttpField[] fields;

		PostHeaders(HttpField host, @Nullable String authorization) {
			this.authorization = authorization;
			this.fields = (authorization != null)
					? new HttpField[] { host, CONTENT_TYPE, new PreEncodedHttpField(HttpHeader.AUTHORIZATION, authorization) }
					: new HttpField[] { host, CONTENT_TYPE };
		}

		boolean isFor(@Nullable String authorization) {
			return Objects.equals(this.authorization, authorization);
		}

		@Override
		public void accept(HttpFields.Mutable headers) {
			for (HttpField field : this.fields) {
				headers.put(field);
			}
		}

		@Override
		public String toString() {
			return "PostHeaders[" + ((this.authorization != null) ? "with" : "without") + " Authorization]";
		}

	}

}
