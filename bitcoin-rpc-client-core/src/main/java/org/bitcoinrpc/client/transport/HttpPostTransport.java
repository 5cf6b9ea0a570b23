package org.bitcoinrpc.client.transport;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLException;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcEndpointException;
import org.bitcoinrpc.client.RpcHttpStatusException;
import org.bitcoinrpc.client.RpcProtocolException;
import org.bitcoinrpc.client.RpcResponseTooLargeException;
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
 * Status mapping, asked for only when a body is no usable JSON-RPC answer ({@link ReplyStatus}):
 * 401/403 is an authentication error; a JSON-RPC error body is the RPC error whatever the status
 * (Core sends them on 404 and 500); any other non-2xx is an {@link RpcHttpStatusException}, and a
 * {@code 503 Work queue depth exceeded} is transient. A POST that cannot reach the node is
 * transient too, unless TLS failed (which does not pass by itself). Whether a call is sent again
 * after a transient failure is the client's decision, by its resend policy.
 * <p>
 * Cookie rotation: Bitcoin Core writes a new cookie at every start, so every POST in flight with
 * the old one gets a 401. Each POST remembers the exact {@code Authorization} value it was sent
 * with; after a 401, it is sent again with the current value when {@link Credentials#refresh}
 * says it now differs (re-reading the file only if the value sent is still the current one), at
 * most {@value #MAX_AUTH_RESENDS} times. A 403 is never sent again. This stays here rather than
 * with the client's retries: a refused POST never reached the node's JSON-RPC handler, so sending
 * it again is safe for every call, and only the transport knows which credentials each POST carried.
 */
public final class HttpPostTransport implements Transport {

	/** How much longer than the client's own timer Jetty waits, so that the client's clearer timeout error wins. */
	private static final long JETTY_TIMEOUT_SLACK_MILLIS = 1000;

	private static final int BODY_PREVIEW = 512;

	/**
	 * How many times one call or batch is sent again after a 401 with newer credentials: a node
	 * that rotates its cookie faster than we can use it must not make us loop.
	 */
	static final int MAX_AUTH_RESENDS = 2;

	private static final HttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, RequestBody.CONTENT_TYPE);

	private final HttpClient http;

	private final URI url;

	private final String endpoint;

	private final Credentials credentials;

	/** Encodes and reads the connect probe; exchanges come encoded. */
	private final JsonRpcCodec codec;

	private final int maxResponseSize;

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
							&& reply.getResponse().getStatus() == 401
							&& HttpPostTransport.this.credentials.refresh(headers.authorization)) {
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
			return new RpcConnectionException("Cannot connect to " + this.endpoint + ": " + Causes.describe(cause), cause);
		}
		int status = reply.getResponse().getStatus();
		if (status == 401 || status == 403) {
			return new RpcAuthenticationException("The node at " + this.endpoint + " refused the credentials (HTTP "
					+ status + ")" + this.credentials.hint());
		}
		if (status == 503) {
			// Core's "Work queue depth exceeded": the node is there, only busy.
			return null;
		}
		JsonText text = JsonText.of(content, length);
		InboundMessage message = text.isBlank() ? null : this.codec.decode(text);
		if (message instanceof InboundMessage.Response) {
			return null;
		}
		String preview = preview(content, length).strip();
		return new RpcEndpointException(this.endpoint + " answered HTTP " + status + " without a JSON-RPC reply: not a"
				+ " JSON-RPC endpoint" + (preview.isEmpty() ? "" : " (" + ((preview.length() > 120) ? preview.substring(0, 120) + "..." : preview) + ")"));
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
	 * Whether a POST refused with {@code status} goes out again: only after a 401, within the
	 * bound, and when the credentials now differ from those it was sent with (a rotated cookie).
	 */
	private boolean mayResend(int status, PostHeaders sentWith, int authResends) {
		return status == 401 && authResends < MAX_AUTH_RESENDS && this.credentials.refresh(sentWith.authorization);
	}

	/** The error for refused credentials: the URL and status, why a new cookie did not help, never the secret. */
	private RpcAuthenticationException refused(int status, String what, int authResends) {
		String readFailure = (status == 401) ? this.credentials.refreshFailure() : null;
		return new RpcAuthenticationException("The node at " + this.endpoint + " refused the credentials (HTTP " + status
				+ ") for " + what + ((authResends > 0) ? " after " + authResends + " re-send(s) with newer credentials" : "")
				+ ((readFailure != null) ? "; re-reading them failed: " + readFailure : ""));
	}

	/**
	 * Tells the listener the node is gone when a POST could not reach it or lost its connection;
	 * a reply too large or a slow call (Jetty's timeout) says nothing about the node being there.
	 */
	private void reportLoss(Listener listener, Result result, RuntimeException failure) {
		Throwable cause = (result.getResponseFailure() != null) ? result.getResponseFailure() : result.getFailure();
		if (failure instanceof RpcResponseTooLargeException || cause instanceof java.util.concurrent.TimeoutException) {
			return;
		}
		listener.onLost(new RpcConnectionException("Lost the node at " + this.endpoint + ": "
				+ Causes.describe(cause), cause));
	}

	private RuntimeException postFailure(Exchange exchange, Result result) {
		Throwable cause = (result.getResponseFailure() != null) ? result.getResponseFailure() : result.getFailure();
		if (cause instanceof ResponseBody.TooLargeException) {
			return new RpcResponseTooLargeException("The reply to " + exchange.method() + " from " + this.endpoint
					+ " exceeds maxResponseSize (" + this.maxResponseSize + " bytes)", cause);
		}
		return new RpcConnectionException("POST of " + exchange.method() + " to " + this.endpoint + " failed: " + Causes.describe(cause)
				+ ((result.getRequestFailure() == null) ? "; it may or may not have run on the node" : ""), cause);
	}

	/** Whether a failed POST may succeed later: not when its reply was too large, nor when TLS failed. */
	private static boolean isTransientPostFailure(RuntimeException failure) {
		if (failure instanceof RpcResponseTooLargeException) {
			return false;
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SSLException) {
				return false;
			}
		}
		return true;
	}

	private RuntimeException unusableReply(Exchange exchange, int status, byte[] content, int length,
			@Nullable InboundMessage message) {
		String text = preview(content, length);
		if (status / 100 == 2) {
			if (message == null) {
				// btcd answers a request it cannot version (no or unknown "jsonrpc") with a lone newline.
				return new RpcProtocolException("Empty reply (HTTP " + status + ") to " + exchange.method() + " from " + this.endpoint);
			}
			if (message instanceof InboundMessage.Response response && response.id() != null && response.id() != exchange.id()) {
				return new RpcProtocolException("Reply to " + exchange.method() + " from " + this.endpoint + " carries id "
						+ response.id() + " instead of " + exchange.id());
			}
			return new RpcProtocolException("Unusable reply (HTTP " + status + ") to " + exchange.method() + " from "
					+ this.endpoint + ": " + ((message instanceof InboundMessage.Malformed malformed) ? malformed.reason() : text));
		}
		if (status == 404) {
			return new RpcEndpointException("No JSON-RPC endpoint at " + this.endpoint + " (HTTP 404" + (text.isBlank() ? "" : ": " + text) + ")");
		}
		return new RpcHttpStatusException("HTTP " + status + " from " + this.endpoint + " for " + exchange.method()
				+ (text.isBlank() ? "" : ": " + text.strip()), status, text);
	}

	private static String preview(byte[] content, int length) {
		return new String(content, 0, Math.min(length, BODY_PREVIEW), StandardCharsets.UTF_8);
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
				this.listener.onFailed(this.exchange, failure, isTransientPostFailure(failure));
				return;
			}
			this.listener.onAnswered();
			int status = result.getResponse().getStatus();
			if (status == 401 || status == 403) {
				if (mayResend(status, this.sentWith, this.authResends)) {
					post(this.listener, this.exchange, this.body, this.authResends + 1);
					return;
				}
				this.listener.onFailed(this.exchange,
						refused(status, this.exchange.isBatch() ? "a batch" : this.exchange.method(), this.authResends), false);
				return;
			}
			this.status = status;
			this.content = content;
			this.length = length;
			this.listener.onReply(this.exchange, JsonText.of(content, length), this);
		}

		@Override
		public boolean isSuccess() {
			return this.status / 100 == 2;
		}

		@Override
		public RuntimeException failure(@Nullable InboundMessage decoded) {
			byte[] bytes = Objects.requireNonNull(this.content, "asked before the reply came");
			return unusableReply(this.exchange, this.status, bytes, this.length, decoded);
		}

		@Override
		public boolean isTransient() {
			return this.status == 503;
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
