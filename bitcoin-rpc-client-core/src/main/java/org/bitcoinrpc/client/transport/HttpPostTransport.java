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
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcHttpStatusException;
import org.bitcoinrpc.client.RpcProtocolException;
import org.bitcoinrpc.client.RpcResponseTooLargeException;
import org.bitcoinrpc.client.internal.PendingRequest;
import org.bitcoinrpc.client.internal.PendingRequests;
import org.bitcoinrpc.client.internal.ReplyRouter;
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
 * One POST per call. Jetty keeps connections alive and pools them (bounded by
 * {@code maxConnections}); btcd closes each connection after one reply, which Jetty handles by
 * opening a new one. Replies are buffered up to {@code maxResponseSize} and decoded from the bytes
 * (see {@link ResponseBody}).
 * <p>
 * Retries (see {@link Retries}): transport failures, {@code 503 Work queue depth exceeded} and
 * {@code -28} (warming up), for calls the resend policy deems safe, while their timeout allows.
 * <p>
 * Status mapping: 401/403 is an authentication error; a JSON-RPC error body is the RPC error
 * whatever the status (Core sends them on 404 and 500); any other non-2xx is an
 * {@link RpcHttpStatusException}.
 * <p>
 * Cookie rotation: Bitcoin Core writes a new cookie at every start, so every POST in flight with
 * the old one gets a 401. Each POST remembers the exact {@code Authorization} value it was sent
 * with; after a 401, a call or batch is sent again with the current value when
 * {@link Credentials#refresh} says it now differs (re-reading the file only if the value sent is
 * still the current one), at most {@value #MAX_AUTH_RESENDS} times. A 403 is never sent again.
 */
public final class HttpPostTransport implements Transport {

	/** How much longer than our own timer Jetty waits, so that our clearer timeout error wins. */
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

	private final JsonRpcCodec codec;

	private final PendingRequests pending;

	private final ReplyRouter router;

	private final int maxResponseSize;

	private final Retries retries;

	private final Transport.Listener listener;

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

	/** Written by connect/disconnect from any thread. */
	private volatile boolean open;

	/**
	 * @param listener told of a POST that could not reach the node (the node is gone) and of
	 * every answered one (the node is there)
	 * @param probeTimeout how long the probe call of {@link #connect()} may take
	 */
	public HttpPostTransport(HttpClient http, URI url, Credentials credentials, JsonRpcCodec codec,
			PendingRequests pending, ReplyRouter router, Transport.Listener listener, int maxResponseSize,
			java.time.Duration probeTimeout, Retries retries) {
		this.listener = listener;
		this.probeTimeout = probeTimeout;
		this.http = http;
		this.url = url;
		this.endpoint = url.toString();
		this.credentials = credentials;
		this.codec = codec;
		this.pending = pending;
		this.router = router;
		this.maxResponseSize = maxResponseSize;
		this.retries = retries;
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
	 * {@link RpcConnectionException} when nothing answers.
	 */
	@Override
	public CompletableFuture<Void> connect() {
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
		InboundMessage message = isBlank(content, length) ? null : this.codec.decode(JsonText.of(content, length));
		if (message instanceof InboundMessage.Response) {
			return null;
		}
		String text = preview(content, length).strip();
		return new RpcEndpointException(this.endpoint + " answered HTTP " + status + " without a JSON-RPC reply: not a"
				+ " JSON-RPC endpoint" + (text.isEmpty() ? "" : " (" + ((text.length() > 120) ? text.substring(0, 120) + "..." : text) + ")"));
	}

	@Override
	public boolean isOpen() {
		return this.open;
	}

	@Override
	public void disconnect() {
		this.open = false;
	}

	@Override
	public boolean send(PendingRequest<?> request) {
		byte[] body;
		try {
			body = this.codec.encodeRequest(request.id(), request.method(), request.params());
		}
		catch (RuntimeException ex) {
			this.pending.fail(request.id(), new IllegalArgumentException(
					"Cannot encode the params of " + request.method() + " as JSON: " + ex.getMessage(), ex));
			return true;
		}
		post(request, body, 0);
		return true;
	}

	/** POSTs a call with the current credentials; {@code authResends} counts its re-sends after a 401. */
	private void post(PendingRequest<?> request, byte[] body, int authResends) {
		PostHeaders headers = currentHeaders(request);
		if (headers == null) {
			return;
		}
		Request post = newPost(request, body, headers);
		if (post == null) {
			return;
		}
		post.send(new CallReply(request, body, headers, authResends));
	}

	/** The headers for the current credentials, or null after failing {@code request} (an unreadable cookie). */
	private @Nullable PostHeaders currentHeaders(PendingRequest<?> request) {
		try {
			return headers(this.credentials.authorization());
		}
		catch (RuntimeException ex) {
			this.pending.fail(request.id(), ex);
			return null;
		}
	}

	/** A POST of {@code body} for {@code request} (the lead request of a batch), or null after failing it. */
	private @Nullable Request newPost(PendingRequest<?> request, byte[] body, PostHeaders headers) {
		URI target;
		try {
			target = uri(request.wallet());
		}
		catch (RuntimeException ex) {
			this.pending.fail(request.id(), ex);
			return null;
		}
		return this.http.newRequest(target)
			.method(HttpMethod.POST)
			.headers(headers)
			.body(new RequestBody(body))
			.timeout(request.timeout().toMillis() + JETTY_TIMEOUT_SLACK_MILLIS, TimeUnit.MILLISECONDS);
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

	@Override
	public boolean sendBatch(List<PendingRequest<?>> requests) {
		byte[] body;
		try {
			body = this.codec.encodeBatch(requests);
		}
		catch (RuntimeException ex) {
			requests.forEach((request) -> this.pending.fail(request.id(),
					new IllegalArgumentException("Cannot encode the batch as JSON: " + ex.getMessage(), ex)));
			return true;
		}
		postBatch(requests, body, 0);
		return true;
	}

	/** POSTs a batch with the current credentials; {@code authResends} counts its re-sends after a 401. */
	private void postBatch(List<PendingRequest<?>> requests, byte[] body, int authResends) {
		PendingRequest<?> lead = requests.get(0);
		PostHeaders headers = currentHeaders(lead);
		Request post = (headers != null) ? newPost(lead, body, headers) : null;
		if (post == null) {
			// The lead request failed with the cause; the others with this.
			requests.forEach((request) -> this.pending.fail(request.id(), new RpcConnectionException(
					"The batch led by " + lead.method() + " was not sent")));
			return;
		}
		post.send(new BatchReply(requests, body, headers, authResends));
	}

	/**
	 * Each element of the reply completes the request with its id. A node that answers the whole
	 * batch with one error object (btcd does, for a malformed batch) fails every request with it,
	 * and a request the reply leaves out fails rather than waiting for its timeout.
	 */
	private void handleBatch(List<PendingRequest<?>> requests, byte[] body, PostHeaders sentWith, int authResends,
			Result result, byte[] content, int length) {
		PendingRequest<?> lead = requests.get(0);
		if (result.isFailed()) {
			RuntimeException failure = failure(lead, result);
			reportLoss(result, failure);
			requests.forEach((request) -> this.pending.fail(request.id(), failure));
			return;
		}
		this.listener.onAnswered();
		int status = result.getResponse().getStatus();
		if (status == 401 || status == 403) {
			if (mayResend(status, sentWith, authResends)) {
				postBatch(requests, body, authResends + 1);
				return;
			}
			RuntimeException failure = refused(status, "a batch", authResends);
			requests.forEach((request) -> this.pending.fail(request.id(), failure));
			return;
		}
		InboundMessage message = decodeBatchReply(content, length);
		if (message instanceof InboundMessage.Batch batch) {
			java.util.Set<Long> ids = new java.util.HashSet<>();
			requests.forEach((request) -> ids.add(request.id()));
			for (InboundMessage element : batch.messages()) {
				if (element instanceof InboundMessage.Response response && response.id() != null && ids.contains(response.id())) {
					PendingRequest<?> removed = this.pending.remove(response.id());
					if (removed != null) {
						this.router.complete(removed, response);
					}
				}
			}
			requests.forEach((request) -> this.pending.fail(request.id(), new RpcProtocolException(
					"The batch reply from " + this.endpoint + " has no element for " + request.method() + " (id " + request.id() + ")")));
			return;
		}
		if (message instanceof InboundMessage.Response response && response.error() != null) {
			RuntimeException failure = RpcErrorException.of("batch", response.error().code(), response.error().message());
			requests.forEach((request) -> this.pending.fail(request.id(), failure));
			return;
		}
		RuntimeException failure = unusableReply(lead, status, content, length, message);
		requests.forEach((request) -> this.pending.fail(request.id(), failure));
	}

	private void handle(PendingRequest<?> request, byte[] body, PostHeaders sentWith, int authResends, Result result,
			byte[] content, int length) {
		if (result.isFailed()) {
			RuntimeException failure = failure(request, result);
			reportLoss(result, failure);
			if (!(failure instanceof RpcResponseTooLargeException)
					&& this.retries.retry(request, failure, () -> post(request, body, authResends))) {
				return;
			}
			this.pending.fail(request.id(), failure);
			return;
		}
		this.listener.onAnswered();
		int status = result.getResponse().getStatus();
		if (status == 401 || status == 403) {
			if (mayResend(status, sentWith, authResends)) {
				post(request, body, authResends + 1);
				return;
			}
			this.pending.fail(request.id(), refused(status, request.method(), authResends));
			return;
		}
		InboundMessage message = decodeReply(request, content, length);
		if (message instanceof InboundMessage.Response response && response.id() != null
				&& response.id() == request.id() && (status / 100 == 2 || response.error() != null)) {
			if (response.error() != null && response.error().code() == RpcErrorCode.IN_WARMUP
					&& this.retries.retry(request, RpcErrorException.of(request.method(), response.error().code(),
							response.error().message()), () -> post(request, body, authResends))) {
				return;
			}
			PendingRequest<?> removed = this.pending.remove(request.id());
			if (removed != null) {
				this.router.complete(removed, response);
			}
			return;
		}
		RuntimeException failure = unusableReply(request, status, content, length, message);
		if (status == 503 && this.retries.retry(request, failure, () -> post(request, body, authResends))) {
			return;
		}
		this.pending.fail(request.id(), failure);
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
	 * The reply to one call, or {@code null} for a blank body (btcd's answer to a request it cannot
	 * version). The only decode of a call's reply. The request is known, so its result is bound in
	 * the same pass as the envelope when the reply names it.
	 */
	private @Nullable InboundMessage decodeReply(PendingRequest<?> request, byte[] content, int length) {
		return isBlank(content, length) ? null
				: this.codec.decode(JsonText.of(content, length), (id) -> (id == request.id()) ? request.resultReader() : null);
	}

	/** The reply to a batch, or {@code null} for a blank body. The only decode of a batch reply. */
	private @Nullable InboundMessage decodeBatchReply(byte[] content, int length) {
		return isBlank(content, length) ? null : this.codec.decode(JsonText.of(content, length));
	}

	/**
	 * Tells the listener the node is gone when a POST could not reach it or lost its connection;
	 * a reply too large or a slow call (Jetty's timeout) says nothing about the node being there.
	 */
	private void reportLoss(Result result, RuntimeException failure) {
		Throwable cause = (result.getResponseFailure() != null) ? result.getResponseFailure() : result.getFailure();
		if (failure instanceof RpcResponseTooLargeException || cause instanceof java.util.concurrent.TimeoutException) {
			return;
		}
		this.listener.onConnectionLost(new RpcConnectionException("Lost the node at " + this.endpoint + ": "
				+ Causes.describe(cause), cause));
	}

	private RuntimeException failure(PendingRequest<?> request, Result result) {
		Throwable cause = (result.getResponseFailure() != null) ? result.getResponseFailure() : result.getFailure();
		if (cause instanceof ResponseBody.TooLargeException) {
			return new RpcResponseTooLargeException("The reply to " + request.method() + " from " + this.endpoint
					+ " exceeds maxResponseSize (" + this.maxResponseSize + " bytes)", cause);
		}
		return new RpcConnectionException("POST of " + request.method() + " to " + this.endpoint + " failed: " + Causes.describe(cause)
				+ ((result.getRequestFailure() == null) ? "; it may or may not have run on the node" : ""), cause);
	}

	private RuntimeException unusableReply(PendingRequest<?> request, int status, byte[] content, int length,
			@Nullable InboundMessage message) {
		String text = preview(content, length);
		if (status / 100 == 2) {
			if (message == null) {
				// btcd answers a request it cannot version (no or unknown "jsonrpc") with a lone newline.
				return new RpcProtocolException("Empty reply (HTTP " + status + ") to " + request.method() + " from " + this.endpoint);
			}
			if (message instanceof InboundMessage.Response response && response.id() != null && response.id() != request.id()) {
				return new RpcProtocolException("Reply to " + request.method() + " from " + this.endpoint + " carries id "
						+ response.id() + " instead of " + request.id());
			}
			return new RpcProtocolException("Unusable reply (HTTP " + status + ") to " + request.method() + " from "
					+ this.endpoint + ": " + ((message instanceof InboundMessage.Malformed malformed) ? malformed.reason() : text));
		}
		if (status == 404) {
			return new RpcEndpointException("No JSON-RPC endpoint at " + this.endpoint + " (HTTP 404" + (text.isBlank() ? "" : ": " + text) + ")");
		}
		return new RpcHttpStatusException("HTTP " + status + " from " + this.endpoint + " for " + request.method()
				+ (text.isBlank() ? "" : ": " + text.strip()), status, text);
	}

	private static boolean isBlank(byte[] content, int length) {
		for (int i = 0; i < length; i++) {
			byte b = content[i];
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return true;
	}

	private static String preview(byte[] content, int length) {
		return new String(content, 0, Math.min(length, BODY_PREVIEW), StandardCharsets.UTF_8);
	}

	/**
	 * Collects the reply to one call and hands it to {@link #handle}, with what a resend after a
	 * 401 needs: the body, the headers it was sent with (whose {@code Authorization} value is the
	 * one the node refused) and how many times it was already sent again for that.
	 */
	private final class CallReply extends ResponseBody {

		private final PendingRequest<?> request;

		private final byte[] body;

		private final PostHeaders sentWith;

		private final int authResends;

		CallReply(PendingRequest<?> request, byte[] body, PostHeaders sentWith, int authResends) {
			super(HttpPostTransport.this.maxResponseSize);
			this.request = request;
			this.body = body;
			this.sentWith = sentWith;
			this.authResends = authResends;
		}

		@Override
		protected void onComplete(Result result, byte[] content, int length) {
			handle(this.request, this.body, this.sentWith, this.authResends, result, content, length);
		}

	}

	/** Collects the reply to a batch and hands it to {@link #handleBatch}; see {@link CallReply}. */
	private final class BatchReply extends ResponseBody {

		private final List<PendingRequest<?>> requests;

		private final byte[] body;

		private final PostHeaders sentWith;

		private final int authResends;

		BatchReply(List<PendingRequest<?>> requests, byte[] body, PostHeaders sentWith, int authResends) {
			super(HttpPostTransport.this.maxResponseSize);
			this.requests = requests;
			this.body = body;
			this.sentWith = sentWith;
			this.authResends = authResends;
		}

		@Override
		protected void onComplete(Result result, byte[] content, int length) {
			handleBatch(this.requests, this.body, this.sentWith, this.authResends, result, content, length);
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
