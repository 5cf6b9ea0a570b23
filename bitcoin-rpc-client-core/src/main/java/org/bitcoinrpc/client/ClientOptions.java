package org.bitcoinrpc.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

import org.bitcoinrpc.client.internal.UserInfo;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link BitcoinRpcClient} is built from. Immutable; build with {@link #builder()},
 * derive a changed copy with {@link #mutate()}.
 * <p>
 * The URL picks the transport and TLS: {@code ws://}/{@code wss://} for a websocket (btcd, path
 * usually {@code /ws}), {@code http://}/{@code https://} for HTTP POST (Bitcoin Core, or btcd).
 * TLS is on for {@code wss} and {@code https}, with TLS 1.2 at least, and there is never a
 * fall-back to plain text.
 */
public final class ClientOptions {

	/** Default time a call may take before it fails with {@link RpcTimeoutException}. */
	public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

	/** Default time to open a TCP connection (and, for websockets, finish the handshake). */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** Default bound on calls sent and not yet answered; past it a call fails fast. */
	public static final int DEFAULT_MAX_PENDING_REQUESTS = 10_000;

	/**
	 * Default largest reply, in bytes (or chars, for a websocket text message). A full block at
	 * verbosity 2 is tens of megabytes of JSON, so the default is generous.
	 */
	public static final int DEFAULT_MAX_RESPONSE_SIZE = 128 * 1024 * 1024;

	/** Default number of HTTP connections kept to the node. */
	public static final int DEFAULT_MAX_CONNECTIONS = 16;

	/** Default bound, in bytes, on websocket messages queued for sending. */
	public static final int DEFAULT_SEND_BUFFER_LIMIT = 32 * 1024 * 1024;

	/**
	 * Default bound on events queued for listeners; past it new events are dropped and counted,
	 * except block and connection events (see {@link Builder#notificationQueueSize(int)}).
	 */
	public static final int DEFAULT_NOTIFICATION_QUEUE_SIZE = 10_000;

	/** Default: reconnect automatically after the websocket is lost. */
	public static final boolean DEFAULT_RECONNECT = true;

	/** Default first reconnect delay, and the step of the default linear policy. */
	public static final Duration DEFAULT_RECONNECT_INITIAL_DELAY = Duration.ofSeconds(5);

	/** Default longest reconnect delay. */
	public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(60);

	/** Default reconnect policy: the Go client's 5 s times the attempt, at most 60 s. */
	public static final Delay DEFAULT_RECONNECT_DELAY = Delay.linear(DEFAULT_RECONNECT_INITIAL_DELAY,
			DEFAULT_RECONNECT_MAX_DELAY);

	/** Default time between websocket pings; zero turns keep-alive off. */
	public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(30);

	/** Default time a pong may take before the connection is declared dead. */
	public static final Duration DEFAULT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(10);

	/** Default for calls made while reconnecting. */
	public static final DisconnectedBehavior DEFAULT_DISCONNECTED_BEHAVIOR = DisconnectedBehavior.WAIT_FOR_RECONNECT;

	/** Default longest time a call waits for a connection before it fails, not sent. */
	public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(10);

	private final URI url;

	private final TransportMode mode;

	private final @Nullable String user;

	private final @Nullable String password;

	private final @Nullable Path cookieFile;

	private final byte @Nullable [] trustedCertificates;

	private final @Nullable TlsOptions tlsOptions;

	private final @Nullable ProxyOptions proxy;

	private final Duration requestTimeout;

	private final Duration connectTimeout;

	private final int maxPendingRequests;

	private final int maxResponseSize;

	private final int maxConnections;

	private final int sendBufferLimit;

	private final int notificationQueueSize;

	private final boolean reconnect;

	private final Delay reconnectDelay;

	private final Duration keepAliveInterval;

	private final Duration keepAliveTimeout;

	private final DisconnectedBehavior disconnectedBehavior;

	private final Duration queueTimeout;

	private final ResendPolicy resendPolicy;

	private final JsonRpcVersion jsonRpcVersion;

	private final @Nullable String wallet;

	private final @Nullable CallTracer callTracer;

	private ClientOptions(Builder builder) {
		if (builder.url == null) {
			throw new IllegalArgumentException("url must be set");
		}
		this.url = builder.url;
		this.mode = TransportMode.forScheme(builder.url.getScheme());
		if (builder.cookieFile != null && (builder.user != null || builder.password != null)) {
			throw new IllegalArgumentException("set either user and password or cookieFile, not both");
		}
		this.user = builder.user;
		this.password = builder.password;
		this.cookieFile = builder.cookieFile;
		this.trustedCertificates = builder.trustedCertificates;
		if (builder.trustedCertificates != null && builder.tlsOptions != null
				&& builder.tlsOptions.trustManager() != null) {
			// Two sources of trust would leave one silently unused: say which to drop.
			throw new IllegalArgumentException("set either trustedCertificates or the trustManager of tlsOptions, not both");
		}
		this.tlsOptions = builder.tlsOptions;
		this.proxy = builder.proxy;
		this.requestTimeout = builder.requestTimeout;
		this.connectTimeout = builder.connectTimeout;
		this.maxPendingRequests = builder.maxPendingRequests;
		this.maxResponseSize = builder.maxResponseSize;
		this.maxConnections = builder.maxConnections;
		this.sendBufferLimit = builder.sendBufferLimit;
		this.notificationQueueSize = builder.notificationQueueSize;
		this.reconnect = builder.reconnect;
		this.reconnectDelay = builder.reconnectDelay;
		this.keepAliveInterval = builder.keepAliveInterval;
		this.keepAliveTimeout = builder.keepAliveTimeout;
		this.disconnectedBehavior = builder.disconnectedBehavior;
		this.queueTimeout = builder.queueTimeout;
		this.resendPolicy = builder.resendPolicy;
		this.jsonRpcVersion = builder.jsonRpcVersion;
		this.wallet = builder.wallet;
		this.callTracer = builder.callTracer;
		if (this.wallet != null && this.mode != TransportMode.HTTP_POST) {
			throw new IllegalArgumentException("wallet needs an http or https url: Bitcoin Core serves wallets at /wallet/<name>");
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding a copy of every option of this instance. */
	public Builder mutate() {
		Builder builder = new Builder();
		builder.url = this.url;
		builder.user = this.user;
		builder.password = this.password;
		builder.cookieFile = this.cookieFile;
		builder.trustedCertificates = this.trustedCertificates;
		builder.tlsOptions = this.tlsOptions;
		builder.proxy = this.proxy;
		builder.requestTimeout = this.requestTimeout;
		builder.connectTimeout = this.connectTimeout;
		builder.maxPendingRequests = this.maxPendingRequests;
		builder.maxResponseSize = this.maxResponseSize;
		builder.maxConnections = this.maxConnections;
		builder.sendBufferLimit = this.sendBufferLimit;
		builder.notificationQueueSize = this.notificationQueueSize;
		builder.reconnect = this.reconnect;
		builder.reconnectDelay = this.reconnectDelay;
		builder.keepAliveInterval = this.keepAliveInterval;
		builder.keepAliveTimeout = this.keepAliveTimeout;
		builder.disconnectedBehavior = this.disconnectedBehavior;
		builder.queueTimeout = this.queueTimeout;
		builder.resendPolicy = this.resendPolicy;
		builder.jsonRpcVersion = this.jsonRpcVersion;
		builder.wallet = this.wallet;
		builder.callTracer = this.callTracer;
		return builder;
	}

	/** The node's URL (never holds credentials). */
	public URI url() {
		return this.url;
	}

	/** The transport the URL's scheme selects. */
	public TransportMode mode() {
		return this.mode;
	}

	/** Whether the URL asks for TLS ({@code wss} or {@code https}). */
	public boolean tls() {
		String scheme = this.url.getScheme().toLowerCase(java.util.Locale.ROOT);
		return scheme.equals("wss") || scheme.equals("https");
	}

	public @Nullable String user() {
		return this.user;
	}

	public @Nullable String password() {
		return this.password;
	}

	/** Bitcoin Core's cookie file ({@code __cookie__:<hex>}), read at connect and again after a 401. */
	public @Nullable Path cookieFile() {
		return this.cookieFile;
	}

	/** PEM certificates to trust instead of the system CAs, or {@code null} for the system CAs. */
	public byte @Nullable [] trustedCertificates() {
		return (this.trustedCertificates != null) ? this.trustedCertificates.clone() : null;
	}

	/**
	 * TLS material given as JDK factories (trust, a client key, protocols, cipher suites), or
	 * {@code null} when the PEM {@link #trustedCertificates()} or the system CAs are all there is.
	 */
	public @Nullable TlsOptions tlsOptions() {
		return this.tlsOptions;
	}

	public @Nullable ProxyOptions proxy() {
		return this.proxy;
	}

	public Duration requestTimeout() {
		return this.requestTimeout;
	}

	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	public int maxPendingRequests() {
		return this.maxPendingRequests;
	}

	public int maxResponseSize() {
		return this.maxResponseSize;
	}

	public int maxConnections() {
		return this.maxConnections;
	}

	public int sendBufferLimit() {
		return this.sendBufferLimit;
	}

	public int notificationQueueSize() {
		return this.notificationQueueSize;
	}

	/** Whether a lost websocket is reconnected automatically. */
	public boolean reconnect() {
		return this.reconnect;
	}

	public Delay reconnectDelay() {
		return this.reconnectDelay;
	}

	/** Time between websocket pings; zero when keep-alive is off. */
	public Duration keepAliveInterval() {
		return this.keepAliveInterval;
	}

	public Duration keepAliveTimeout() {
		return this.keepAliveTimeout;
	}

	/** What a call made while the client waits for a connection does. */
	public DisconnectedBehavior disconnectedBehavior() {
		return this.disconnectedBehavior;
	}

	/**
	 * The longest a call waits for a connection under {@link DisconnectedBehavior#WAIT_FOR_RECONNECT}
	 * (never longer than its own timeout); past it the call fails with an
	 * {@link RpcConnectionException} saying it was not sent.
	 */
	public Duration queueTimeout() {
		return this.queueTimeout;
	}

	public ResendPolicy resendPolicy() {
		return this.resendPolicy;
	}

	public JsonRpcVersion jsonRpcVersion() {
		return this.jsonRpcVersion;
	}

	/** The Bitcoin Core wallet every call goes to ({@code /wallet/<name>}), or {@code null} for the root. */
	public @Nullable String wallet() {
		return this.wallet;
	}

	/** What traces every call from start to completion, or {@code null} for none (the default). */
	public @Nullable CallTracer callTracer() {
		return this.callTracer;
	}

	@Override
	public String toString() {
		return "ClientOptions[url=" + this.url + ", mode=" + this.mode + ", user=" + this.user
				+ ", password=" + ((this.password != null) ? "******" : null) + ", cookieFile=" + this.cookieFile
				+ ", trustedCertificates=" + ((this.trustedCertificates != null) ? this.trustedCertificates.length + " bytes" : null)
				+ ", tlsOptions=" + this.tlsOptions + ", proxy=" + this.proxy + ", requestTimeout=" + this.requestTimeout + ", connectTimeout="
				+ this.connectTimeout + ", maxPendingRequests=" + this.maxPendingRequests + ", maxResponseSize="
				+ this.maxResponseSize + ", maxConnections=" + this.maxConnections + ", sendBufferLimit="
				+ this.sendBufferLimit + ", notificationQueueSize=" + this.notificationQueueSize + ", reconnect=" + this.reconnect
				+ ", keepAliveInterval=" + this.keepAliveInterval + ", keepAliveTimeout=" + this.keepAliveTimeout
				+ ", disconnectedBehavior=" + this.disconnectedBehavior + ", queueTimeout=" + this.queueTimeout + ", resendPolicy=" + this.resendPolicy
				+ ", jsonRpcVersion=" + this.jsonRpcVersion + ", wallet=" + this.wallet
				+ ((this.callTracer != null) ? ", callTracer=" + this.callTracer : "") + "]";
	}

	/** Collects options; every setter checks its argument and names it in the error. */
	public static final class Builder {

		private @Nullable URI url;

		private @Nullable String user;

		private @Nullable String password;

		private @Nullable Path cookieFile;

		private byte @Nullable [] trustedCertificates;

		private @Nullable TlsOptions tlsOptions;

		private @Nullable ProxyOptions proxy;

		private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private int maxPendingRequests = DEFAULT_MAX_PENDING_REQUESTS;

		private int maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

		private int maxConnections = DEFAULT_MAX_CONNECTIONS;

		private int sendBufferLimit = DEFAULT_SEND_BUFFER_LIMIT;

		private int notificationQueueSize = DEFAULT_NOTIFICATION_QUEUE_SIZE;

		private boolean reconnect = DEFAULT_RECONNECT;

		private Delay reconnectDelay = DEFAULT_RECONNECT_DELAY;

		private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE_INTERVAL;

		private Duration keepAliveTimeout = DEFAULT_KEEP_ALIVE_TIMEOUT;

		private DisconnectedBehavior disconnectedBehavior = DEFAULT_DISCONNECTED_BEHAVIOR;

		private Duration queueTimeout = DEFAULT_QUEUE_TIMEOUT;

		private ResendPolicy resendPolicy = ResendPolicy.readOnlyCalls();

		private JsonRpcVersion jsonRpcVersion = JsonRpcVersion.V1_0;

		private @Nullable String wallet;

		private @Nullable CallTracer callTracer;

		private Builder() {
		}

		/** The node's URL, e.g. {@code wss://127.0.0.1:8334/ws} or {@code http://127.0.0.1:8332/}. */
		public Builder url(String url) {
			Objects.requireNonNull(url, "url must not be null");
			String text = url.trim();
			URI uri;
			try {
				uri = new URI(text);
			}
			catch (URISyntaxException ex) {
				// The exception's message quotes the input, password and all: rebuild it from the
				// reason and the masked input, and keep the exception out of the chain. The index
				// is left out when there is user info, as it would tell where the password is.
				String at = UserInfo.present(text) ? "" : " at index " + ex.getIndex();
				throw new IllegalArgumentException("url is not a valid URI (" + ex.getReason() + at + "): "
						+ UserInfo.mask(text));
			}
			return url(uri);
		}

		/** The node's URL; credentials go in {@link #user}/{@link #password}, never in the URL. */
		public Builder url(URI url) {
			Objects.requireNonNull(url, "url must not be null");
			// Every message shows the whole input masked, not a part the parser picked: a password
			// holding '#', '/' or '@' ends the parsed authority early and its start would show.
			if (url.getScheme() == null) {
				throw new IllegalArgumentException("url must have a scheme (ws, wss, http or https): " + UserInfo.mask(url.toString()));
			}
			TransportMode.forScheme(url.getScheme());
			if (url.getHost() == null || url.getHost().isEmpty()) {
				throw new IllegalArgumentException("url must name a host: " + UserInfo.mask(url.toString()));
			}
			// Any '@' counts, not only a parsed user info: with a '#' or '/' in the password
			// (http://alice:12#3@host/) the parser reads "alice:12" as host and port and the rest
			// as a fragment or path. A node's URL has no use for an '@' anywhere.
			if (url.getRawUserInfo() != null || UserInfo.present(url.toString())) {
				throw new IllegalArgumentException(
						"url must not contain credentials; set user and password instead: " + UserInfo.mask(url.toString()));
			}
			this.url = url;
			return this;
		}

		public Builder user(@Nullable String user) {
			this.user = user;
			return this;
		}

		public Builder password(@Nullable String password) {
			this.password = password;
			return this;
		}

		/** User and password for HTTP basic auth (btcd's rpcuser/rpcpass, Core's rpcuser/rpcpassword or rpcauth). */
		public Builder credentials(String user, String password) {
			this.user = Objects.requireNonNull(user, "user must not be null");
			this.password = Objects.requireNonNull(password, "password must not be null");
			return this;
		}

		/** Bitcoin Core's {@code .cookie} file; checked when the client connects. */
		public Builder cookieFile(@Nullable Path cookieFile) {
			this.cookieFile = cookieFile;
			return this;
		}

		/** PEM text of the certificate(s) to trust, e.g. btcd's {@code rpc.cert}. */
		public Builder trustedCertificates(byte @Nullable [] pem) {
			this.trustedCertificates = (pem != null) ? pem.clone() : null;
			return this;
		}

		/** Reads the PEM certificate(s) to trust from a file now, failing with the file's name. */
		public Builder trustedCertificates(Path pemFile) {
			Objects.requireNonNull(pemFile, "trustedCertificates file must not be null");
			try {
				this.trustedCertificates = Files.readAllBytes(pemFile);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read trustedCertificates file " + pemFile + ": " + ex, ex);
			}
			return this;
		}

		/**
		 * TLS material as JDK factories: a trust manager instead of PEM certificates (not both), a
		 * client key, the protocols and cipher suites. Used for {@code wss} and {@code https} only.
		 */
		public Builder tlsOptions(@Nullable TlsOptions tlsOptions) {
			this.tlsOptions = tlsOptions;
			return this;
		}

		public Builder proxy(@Nullable ProxyOptions proxy) {
			this.proxy = proxy;
			return this;
		}

		public Builder requestTimeout(Duration requestTimeout) {
			this.requestTimeout = positive(requestTimeout, "requestTimeout");
			return this;
		}

		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = positive(connectTimeout, "connectTimeout");
			return this;
		}

		public Builder maxPendingRequests(int maxPendingRequests) {
			this.maxPendingRequests = atLeastOne(maxPendingRequests, "maxPendingRequests");
			return this;
		}

		public Builder maxResponseSize(int maxResponseSize) {
			if (maxResponseSize < 1024) {
				throw new IllegalArgumentException("maxResponseSize must be at least 1024 bytes, was " + maxResponseSize);
			}
			this.maxResponseSize = maxResponseSize;
			return this;
		}

		public Builder maxConnections(int maxConnections) {
			this.maxConnections = atLeastOne(maxConnections, "maxConnections");
			return this;
		}

		public Builder sendBufferLimit(int sendBufferLimit) {
			this.sendBufferLimit = atLeastOne(sendBufferLimit, "sendBufferLimit");
			return this;
		}

		/**
		 * How many events may wait for slow listeners (default
		 * {@value ClientOptions#DEFAULT_NOTIFICATION_QUEUE_SIZE}). Past it, new events are dropped,
		 * counted ({@link BitcoinRpcClient#droppedNotifications()}) and logged at WARN at most once a
		 * second. Block notifications ({@code blockconnected}, {@code blockdisconnected}, their
		 * {@code filtered} forms, and the block events and catch-up notices a ZMQ subscriber
		 * dispatches) and {@link ConnectionEvent}s are never dropped: they are queued even past the
		 * bound.
		 */
		public Builder notificationQueueSize(int notificationQueueSize) {
			this.notificationQueueSize = atLeastOne(notificationQueueSize, "notificationQueueSize");
			return this;
		}

		/** Whether to reconnect a lost websocket automatically (default true). */
		public Builder reconnect(boolean reconnect) {
			this.reconnect = reconnect;
			return this;
		}

		/** The delay before each reconnect attempt, and between HTTP retries. */
		public Builder reconnectDelay(Delay reconnectDelay) {
			this.reconnectDelay = Objects.requireNonNull(reconnectDelay, "reconnectDelay must not be null");
			return this;
		}

		/** Time between websocket pings; {@link Duration#ZERO} turns keep-alive off. */
		public Builder keepAliveInterval(Duration keepAliveInterval) {
			Objects.requireNonNull(keepAliveInterval, "keepAliveInterval must not be null");
			if (keepAliveInterval.isNegative()) {
				throw new IllegalArgumentException("keepAliveInterval must not be negative, was " + keepAliveInterval);
			}
			this.keepAliveInterval = keepAliveInterval;
			return this;
		}

		/** Time a pong may take; past it the connection counts as dead (a half-open TCP connection). */
		public Builder keepAliveTimeout(Duration keepAliveTimeout) {
			this.keepAliveTimeout = positive(keepAliveTimeout, "keepAliveTimeout");
			return this;
		}

		/**
		 * What a call made while there is no connection (the node is unreachable, the client is
		 * reconnecting) does: wait for the connection, bounded by {@link #queueTimeout(Duration)}
		 * (the default), or fail at once. Either way a call that was never sent says so.
		 */
		public Builder disconnectedBehavior(DisconnectedBehavior disconnectedBehavior) {
			this.disconnectedBehavior = Objects.requireNonNull(disconnectedBehavior, "disconnectedBehavior must not be null");
			return this;
		}

		/**
		 * The longest a call waits for a connection (default
		 * {@link ClientOptions#DEFAULT_QUEUE_TIMEOUT}); a call's own timeout still applies when it
		 * is shorter. Past it the call fails with an {@link RpcConnectionException} saying it was
		 * not sent.
		 */
		public Builder queueTimeout(Duration queueTimeout) {
			this.queueTimeout = positive(queueTimeout, "queueTimeout");
			return this;
		}

		/** Which in-flight calls are sent again after a reconnect (default: read-only calls). */
		public Builder resendPolicy(ResendPolicy resendPolicy) {
			this.resendPolicy = Objects.requireNonNull(resendPolicy, "resendPolicy must not be null");
			return this;
		}

		/** The {@code jsonrpc} version of requests; {@link JsonRpcVersion#V1_0} unless a Core 28+ node should answer in 2.0. */
		public Builder jsonRpcVersion(JsonRpcVersion jsonRpcVersion) {
			this.jsonRpcVersion = Objects.requireNonNull(jsonRpcVersion, "jsonRpcVersion must not be null");
			return this;
		}

		/**
		 * Binds the client to one Bitcoin Core wallet: every call goes to {@code /wallet/<name>}
		 * (the name URL-encoded). Needed when Core has several wallets loaded.
		 */
		public Builder wallet(@Nullable String wallet) {
			if (wallet != null && wallet.isEmpty()) {
				throw new IllegalArgumentException("wallet must not be empty (Core's default wallet is named \"\" only on /wallet/)");
			}
			this.wallet = wallet;
			return this;
		}

		/**
		 * What traces every call from start to completion (the Spring Boot starter sets one that
		 * makes each call a Micrometer observation); {@code null}, the default, for none, which
		 * costs the calls nothing.
		 */
		public Builder callTracer(@Nullable CallTracer callTracer) {
			this.callTracer = callTracer;
			return this;
		}

		public ClientOptions build() {
			return new ClientOptions(this);
		}

		private static Duration positive(Duration value, String name) {
			Objects.requireNonNull(value, name + " must not be null");
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + value);
			}
			return value;
		}

		private static int atLeastOne(int value, String name) {
			if (value < 1) {
				throw new IllegalArgumentException(name + " must be at least 1, was " + value);
			}
			return value;
		}

	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ClientOptions that)) {
			return false;
		}
		return this.url.equals(that.url) && Objects.equals(this.user, that.user)
				&& Objects.equals(this.password, that.password) && Objects.equals(this.cookieFile, that.cookieFile)
				&& Arrays.equals(this.trustedCertificates, that.trustedCertificates)
				&& Objects.equals(this.tlsOptions, that.tlsOptions)
				&& Objects.equals(this.proxy, that.proxy) && this.requestTimeout.equals(that.requestTimeout)
				&& this.connectTimeout.equals(that.connectTimeout) && this.maxPendingRequests == that.maxPendingRequests
				&& this.maxResponseSize == that.maxResponseSize && this.maxConnections == that.maxConnections
				&& this.sendBufferLimit == that.sendBufferLimit && this.notificationQueueSize == that.notificationQueueSize
				&& this.reconnect == that.reconnect && this.reconnectDelay.equals(that.reconnectDelay)
				&& this.keepAliveInterval.equals(that.keepAliveInterval) && this.keepAliveTimeout.equals(that.keepAliveTimeout)
				&& this.disconnectedBehavior == that.disconnectedBehavior && this.queueTimeout.equals(that.queueTimeout)
				&& this.resendPolicy.equals(that.resendPolicy)
				&& this.jsonRpcVersion == that.jsonRpcVersion && Objects.equals(this.wallet, that.wallet)
				&& Objects.equals(this.callTracer, that.callTracer);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.url, this.user, this.cookieFile, this.proxy, this.requestTimeout, this.maxPendingRequests);
	}

}
