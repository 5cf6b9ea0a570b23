package org.bitcoinrpc.client.transport;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.ReadOnlyHttpHeaders;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;

/**
 * Builds the HTTP request of a {@link Post}: its target (the node's URL, or a wallet's), and
 * headers that are built once and shared by every request of the same body length and
 * credentials, so that a request costs the request object and a wrapper of its body, nothing more.
 * <p>
 * The headers: {@code Host} (the URL's authority, as Jetty derived it), {@code Content-Type},
 * {@code Content-Length}, {@code User-Agent} and the {@code Authorization} the post carries.
 * <p>
 * Thread-safe: the targets are computed once each in a concurrent map; the header sets are
 * immutable, published through a volatile field (the current credentials) and a racy cache whose
 * entries are read-only headers with final fields (two threads building the same entry build equal ones).
 */
final class PostRequests {

	/** Bodies up to this many bytes get shared headers; longer ones (rare, large params) get their own. */
	private static final int CACHED_LENGTHS = 2048;

	private static final AsciiString USER_AGENT = AsciiString.cached(NettyConnector.USER_AGENT);

	private final URI url;

	/** The request target of the node's own URL. */
	private final String root;

	private final AsciiString host;

	/** Request targets by wallet name; computed once each, from any thread. */
	private final ConcurrentHashMap<String, String> walletTargets = new ConcurrentHashMap<>();

	/** The header sets for the latest credentials value; replaced whole when it changes (a re-read cookie). */
	private volatile HeaderSets headers;

	PostRequests(URI url, String authority) {
		this.url = url;
		this.root = target(url);
		this.host = AsciiString.of(authority);
		this.headers = new HeaderSets(this.host, null);
	}

	/** The request of {@code post}. Any thread; the wallet's name was checked by {@link #target(String)} before. */
	FullHttpRequest request(Post post) {
		HeaderSets sets = this.headers;
		if (!sets.isFor(post.authorization)) {
			sets = new HeaderSets(this.host, post.authorization);
			this.headers = sets;
		}
		byte[] payload = post.payload;
		return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target(post.exchange.wallet()),
				Unpooled.wrappedBuffer(payload), sets.forLength(payload.length), EmptyHttpHeaders.INSTANCE);
	}

	/**
	 * The request target for a wallet: {@code <path>/wallet/<name>}, the name percent-encoded (a
	 * space as {@code %20}, a slash as {@code %2F}), as Bitcoin Core decodes it; the URL's own for null.
	 * @throws IllegalArgumentException for a name no URL can carry
	 */
	String target(@Nullable String wallet) {
		if (wallet == null) {
			return this.root;
		}
		return this.walletTargets.computeIfAbsent(wallet, (name) -> {
			String base = this.url.toString();
			String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
			return target(URI.create(base + (base.endsWith("/") ? "" : "/") + "wallet/" + encoded));
		});
	}

	/** The origin-form target of a URL: its path ({@code /} when empty) and query, as sent on the request line. */
	private static String target(URI url) {
		String path = url.getRawPath();
		String query = url.getRawQuery();
		return ((path == null || path.isEmpty()) ? "/" : path) + ((query != null) ? "?" + query : "");
	}

	/**
	 * The headers for one {@code Authorization} value, by body length. Never prints the secret.
	 */
	private static final class HeaderSets {

		/** The exact value sent: what {@link Credentials#refresh} is told the node refused after a 401. */
		private final @Nullable String authorization;

		private final @Nullable AsciiString authorizationValue;

		private final AsciiString host;

		/** Read-only headers by body length, made on first use. Racy by design: see the class comment. */
		private final HttpHeaders[] byLength = new HttpHeaders[CACHED_LENGTHS + 1];

		HeaderSets(AsciiString host, @Nullable String authorization) {
			this.host = host;
			this.authorization = authorization;
			this.authorizationValue = (authorization != null) ? AsciiString.of(authorization) : null;
		}

		boolean isFor(@Nullable String authorization) {
			return Objects.equals(this.authorization, authorization);
		}

		HttpHeaders forLength(int length) {
			if (length > CACHED_LENGTHS) {
				return build(length);
			}
			HttpHeaders headers = this.byLength[length];
			if (headers == null) {
				headers = build(length);
				this.byLength[length] = headers;
			}
			return headers;
		}

		private HttpHeaders build(int length) {
			AsciiString contentLength = AsciiString.of(Integer.toString(length));
			// The values are an authority, constants, a number and base64: nothing to validate per request.
			return (this.authorizationValue != null)
					? new ReadOnlyHttpHeaders(false, HttpHeaderNames.HOST, this.host, HttpHeaderNames.CONTENT_TYPE,
							HttpHeaderValues.APPLICATION_JSON, HttpHeaderNames.CONTENT_LENGTH, contentLength,
							HttpHeaderNames.USER_AGENT, USER_AGENT, HttpHeaderNames.AUTHORIZATION, this.authorizationValue)
					: new ReadOnlyHttpHeaders(false, HttpHeaderNames.HOST, this.host, HttpHeaderNames.CONTENT_TYPE,
							HttpHeaderValues.APPLICATION_JSON, HttpHeaderNames.CONTENT_LENGTH, contentLength,
							HttpHeaderNames.USER_AGENT, USER_AGENT);
		}

		@Override
		public String toString() {
			return "HeaderSets[" + ((this.authorization != null) ? "with" : "without") + " Authorization]";
		}

	}

}
