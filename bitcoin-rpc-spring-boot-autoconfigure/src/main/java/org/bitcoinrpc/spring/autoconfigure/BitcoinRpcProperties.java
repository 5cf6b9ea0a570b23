package org.bitcoinrpc.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bitcoinrpc.client.DisconnectedBehavior;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for the Bitcoin JSON-RPC client, under {@code bitcoin.rpc}.
 * <p>
 * Defaults equal the client's own ({@code ClientOptions.DEFAULT_*}); they are written out here so
 * that they show in the generated metadata, and a test keeps the two in step.
 */
@ConfigurationProperties("bitcoin.rpc")
public class BitcoinRpcProperties {

	/**
	 * Whether to auto-configure the Bitcoin RPC client.
	 */
	private boolean enabled = true;

	/**
	 * URL of the node. The scheme selects the transport and TLS: ws:// or wss:// for btcd's
	 * websocket (path /ws, with notifications), http:// or https:// for HTTP POST (Bitcoin Core or
	 * btcd). Credentials go in 'user' and 'password', never in the URL.
	 */
	private @Nullable String url;

	/**
	 * Login user of the node's RPC server.
	 */
	private @Nullable String user;

	/**
	 * Login password of the node's RPC server.
	 */
	private @Nullable String password;

	/**
	 * Path of Bitcoin Core's authentication cookie file (.cookie), used instead of user and
	 * password; a leading '~/' stands for the user's home. On regtest, testnet4 and signet the
	 * node keeps it in the network's sub-folder (.bitcoin/regtest/.cookie). Re-read after a 401,
	 * as the node rewrites it at every start.
	 */
	private @Nullable Path cookieFile;

	/**
	 * Time a call may take before it fails with a timeout.
	 */
	private Duration requestTimeout = Duration.ofSeconds(30);

	/**
	 * Time to open a connection and, for a websocket, finish its handshake.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Maximum number of calls sent and not yet answered. Past it a call fails at once.
	 */
	private int maxPendingRequests = 10_000;

	/**
	 * Maximum size of one reply from the node.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(128);

	/**
	 * Whether to fail the application's start-up when the node cannot be reached (or refuses the
	 * credentials) then. When false, the application starts and the client keeps reconnecting.
	 */
	private boolean failFast = false;

	/**
	 * Time to wait, when the application stops, for the client to release its connection and
	 * threads.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	/**
	 * Number of I/O threads (Netty event loops) the client runs its connections and timers on.
	 * Default: 2, or 1 on a single-core machine.
	 */
	private @Nullable Integer ioThreads;

	/**
	 * Bitcoin Core wallet every call goes to (/wallet/<name>, the name URL-encoded); needed when
	 * the node has several wallets loaded. HTTP only (http:// or https:// URL). Unset: calls go
	 * to the node's root, which Core serves with its only loaded wallet.
	 */
	private @Nullable String wallet;

	/**
	 * Version written in the requests' 'jsonrpc' member: '1.0' (understood by btcd and every
	 * Bitcoin Core) or '2.0' (Bitcoin Core 28 and later answer errors with HTTP 200 and a strict
	 * JSON-RPC 2.0 reply).
	 */
	private String jsonRpcVersion = "1.0";

	/**
	 * Maximum number of HTTP connections kept to the node (HTTP POST only; a websocket client
	 * uses one connection).
	 */
	private int maxConnections = 16;

	/**
	 * Maximum size of the websocket messages queued for sending; past it a call fails at once.
	 */
	private DataSize sendBufferLimit = DataSize.ofMegabytes(32);

	/**
	 * Maximum number of events queued for slow listeners; past it new events are dropped and
	 * counted, except block and connection events, which are always queued.
	 */
	private int notificationQueueSize = 10_000;

	/**
	 * Which calls in flight when the connection broke (over HTTP: that failed in transport, with
	 * a 503 or a -28 warm-up error) are sent again; the others fail saying they may have run.
	 * Calls never sent are always sent once connected.
	 */
	private ResendPolicy resendPolicy = ResendPolicy.READ_ONLY_CALLS;

	/**
	 * Further methods the application knows to be safe to run twice, resent on top of the
	 * read-only calls (with the 'read-only-calls' resend policy only).
	 */
	private List<String> resendSafeMethods = new ArrayList<>();

	private final Tls tls = new Tls();

	private final Ssl ssl = new Ssl();

	private final Proxy proxy = new Proxy();

	private final Reconnect reconnect = new Reconnect();

	private final Keepalive keepalive = new Keepalive();

	private final Notifications notifications = new Notifications();

	private final Zmq zmq = new Zmq();

	private final Follow follow = new Follow();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUser() {
		return this.user;
	}

	public void setUser(@Nullable String user) {
		this.user = user;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable Path getCookieFile() {
		return this.cookieFile;
	}

	public void setCookieFile(@Nullable Path cookieFile) {
		this.cookieFile = cookieFile;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public int getMaxPendingRequests() {
		return this.maxPendingRequests;
	}

	public void setMaxPendingRequests(int maxPendingRequests) {
		this.maxPendingRequests = maxPendingRequests;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public @Nullable Integer getIoThreads() {
		return this.ioThreads;
	}

	public void setIoThreads(@Nullable Integer ioThreads) {
		this.ioThreads = ioThreads;
	}

	public @Nullable String getWallet() {
		return this.wallet;
	}

	public void setWallet(@Nullable String wallet) {
		this.wallet = wallet;
	}

	public String getJsonRpcVersion() {
		return this.jsonRpcVersion;
	}

	public void setJsonRpcVersion(String jsonRpcVersion) {
		this.jsonRpcVersion = jsonRpcVersion;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public DataSize getSendBufferLimit() {
		return this.sendBufferLimit;
	}

	public void setSendBufferLimit(DataSize sendBufferLimit) {
		this.sendBufferLimit = sendBufferLimit;
	}

	public int getNotificationQueueSize() {
		return this.notificationQueueSize;
	}

	public void setNotificationQueueSize(int notificationQueueSize) {
		this.notificationQueueSize = notificationQueueSize;
	}

	public ResendPolicy getResendPolicy() {
		return this.resendPolicy;
	}

	public void setResendPolicy(ResendPolicy resendPolicy) {
		this.resendPolicy = resendPolicy;
	}

	public List<String> getResendSafeMethods() {
		return this.resendSafeMethods;
	}

	public void setResendSafeMethods(List<String> resendSafeMethods) {
		this.resendSafeMethods = resendSafeMethods;
	}

	/**
	 * Named resend policies ({@code org.bitcoinrpc.client.ResendPolicy}); a policy of one's own
	 * is set with a {@link BitcoinRpcClientCustomizer}.
	 */
	public enum ResendPolicy {

		/**
		 * Calls that only read (get*, list*, estimate*, decode*, ...; not getnewaddress), plus
		 * 'resend-safe-methods'. Never sendrawtransaction, sendtoaddress or other writes.
		 */
		READ_ONLY_CALLS,

		/**
		 * No call that was written is sent again: every call in flight fails when the connection
		 * breaks.
		 */
		NEVER

	}

	public Tls getTls() {
		return this.tls;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	public Reconnect getReconnect() {
		return this.reconnect;
	}

	public Keepalive getKeepalive() {
		return this.keepalive;
	}

	public Notifications getNotifications() {
		return this.notifications;
	}

	public Zmq getZmq() {
		return this.zmq;
	}

	public Follow getFollow() {
		return this.follow;
	}

	/**
	 * TLS settings; TLS itself is on when the URL's scheme is wss:// or https://.
	 */
	public static class Tls {

		/**
		 * PEM certificate(s) to trust instead of the system's certificate authorities, such as
		 * btcd's self-signed rpc.cert ('classpath:' or 'file:' resource).
		 */
		private @Nullable Resource certificates;

		public @Nullable Resource getCertificates() {
			return this.certificates;
		}

		public void setCertificates(@Nullable Resource certificates) {
			this.certificates = certificates;
		}

	}

	/**
	 * Spring Boot SSL bundle settings ({@code spring.ssl.bundle.*}); TLS itself is on when the
	 * URL's scheme is wss:// or https://.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (under spring.ssl.bundle.pem or spring.ssl.bundle.jks)
		 * whose trust store, key store and options the client uses. Not together with
		 * tls.certificates.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * SOCKS5 proxy (for example Tor) to reach the node through. The node's host name is handed to
	 * the proxy unresolved.
	 */
	public static class Proxy {

		/**
		 * Host of the SOCKS5 proxy. No proxy is used when unset.
		 */
		private @Nullable String host;

		/**
		 * Port of the SOCKS5 proxy.
		 */
		private @Nullable Integer port;

		/**
		 * Login user for the SOCKS5 proxy (Tor isolates circuits per distinct credentials).
		 */
		private @Nullable String user;

		/**
		 * Login password for the SOCKS5 proxy.
		 */
		private @Nullable String password;

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		public @Nullable String getUser() {
			return this.user;
		}

		public void setUser(@Nullable String user) {
			this.user = user;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	/**
	 * Reconnection after the connection is lost (or the first attempt fails), and what calls do
	 * meanwhile.
	 */
	public static class Reconnect {

		/**
		 * Whether to reconnect automatically when the connection is lost or the first attempt
		 * fails (over HTTP: when a call cannot reach the node).
		 */
		private boolean enabled = true;

		/**
		 * Policy computing the delay before each reconnect attempt.
		 */
		private Policy policy = Policy.LINEAR;

		/**
		 * Delay before the first reconnect attempt; for the linear policy also the step added at
		 * each attempt.
		 */
		private Duration initialDelay = Duration.ofSeconds(5);

		/**
		 * Longest delay between two reconnect attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(60);

		/**
		 * Longest time a call made while there is no connection waits for one (with the
		 * 'wait-for-reconnect' behavior) before it fails, saying it was not sent. A call's own
		 * request timeout still applies when it is shorter.
		 */
		private Duration queueTimeout = Duration.ofSeconds(10);

		/**
		 * What a call made while the client is connecting or reconnecting does: wait for the
		 * connection (up to 'queue-timeout') or fail at once.
		 */
		private DisconnectedBehavior disconnectedBehavior = DisconnectedBehavior.WAIT_FOR_RECONNECT;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Policy getPolicy() {
			return this.policy;
		}

		public void setPolicy(Policy policy) {
			this.policy = policy;
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public Duration getQueueTimeout() {
			return this.queueTimeout;
		}

		public void setQueueTimeout(Duration queueTimeout) {
			this.queueTimeout = queueTimeout;
		}

		public DisconnectedBehavior getDisconnectedBehavior() {
			return this.disconnectedBehavior;
		}

		public void setDisconnectedBehavior(DisconnectedBehavior disconnectedBehavior) {
			this.disconnectedBehavior = disconnectedBehavior;
		}

		/**
		 * Reconnect delay policies.
		 */
		public enum Policy {

			/**
			 * The initial delay times the attempt number, at most the maximum delay (btcd's Go
			 * client: 5 s, 10 s, ... 60 s).
			 */
			LINEAR,

			/**
			 * The initial delay doubled at each attempt, at most the maximum delay, with jitter.
			 */
			EXPONENTIAL

		}

	}

	/**
	 * Websocket keep-alive pings, which detect a half-open connection.
	 */
	public static class Keepalive {

		/**
		 * Time between websocket pings. Zero turns keep-alive off.
		 */
		private Duration interval = Duration.ofSeconds(30);

		/**
		 * Time a pong may take before the connection is considered dead and reconnected.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Notifications to subscribe to once connected (btcd websocket only). The client registers
	 * them again after every reconnect.
	 */
	public static class Notifications {

		/**
		 * Whether to subscribe to block connected and disconnected notifications (notifyblocks).
		 */
		private boolean blocks = false;

		/**
		 * Mempool transaction notifications to subscribe to (notifynewtransactions).
		 */
		private Transactions transactions = Transactions.NONE;

		/**
		 * Addresses to watch for payments (notifyreceived).
		 */
		private List<String> addresses = new ArrayList<>();

		/**
		 * Outpoints to watch for spends (notifyspent), each as 'txid:index'.
		 */
		private List<String> outpoints = new ArrayList<>();

		public boolean isBlocks() {
			return this.blocks;
		}

		public void setBlocks(boolean blocks) {
			this.blocks = blocks;
		}

		public Transactions getTransactions() {
			return this.transactions;
		}

		public void setTransactions(Transactions transactions) {
			this.transactions = transactions;
		}

		public List<String> getAddresses() {
			return this.addresses;
		}

		public void setAddresses(List<String> addresses) {
			this.addresses = addresses;
		}

		public List<String> getOutpoints() {
			return this.outpoints;
		}

		public void setOutpoints(List<String> outpoints) {
			this.outpoints = outpoints;
		}

		/**
		 * Whether a subscription to anything is asked for.
		 * @return true if at least one notification is asked for
		 */
		boolean anyRequested() {
			return this.blocks || this.transactions != Transactions.NONE || !this.addresses.isEmpty()
					|| !this.outpoints.isEmpty();
		}

		/**
		 * Mempool transaction notifications.
		 */
		public enum Transactions {

			/**
			 * No transaction notifications.
			 */
			NONE,

			/**
			 * Transaction id and amount of each accepted transaction (txaccepted).
			 */
			TXID,

			/**
			 * The decoded transaction (txacceptedverbose).
			 */
			VERBOSE

		}

	}

	/**
	 * Bitcoin Core's ZMQ notifications (bitcoin.conf zmqpub*), published as application events;
	 * block messages also wake the chain follower, which reads the blocks over RPC. Needs
	 * org.zeromq:jeromq on the class path. Defaults equal the client's ({@code ZmqOptions.DEFAULT_*}).
	 */
	public static class Zmq {

		/**
		 * Whether to subscribe to the node's ZMQ notifications. Needs at least one endpoint, or
		 * 'discover', and org.zeromq:jeromq on the class path.
		 */
		private boolean enabled = false;

		/**
		 * Endpoint of the node's hashblock topic, as zmqpubhashblock in bitcoin.conf, for example
		 * tcp://127.0.0.1:28332. Gives ZmqNotificationEvents (BlockAnnounced), and wakes the chain
		 * follower when 'sequence' is not set.
		 */
		private @Nullable String hashblock;

		/**
		 * Endpoint of the node's hashtx topic, as zmqpubhashtx in bitcoin.conf, for example
		 * tcp://127.0.0.1:28332. Gives ZmqNotificationEvents (TransactionAnnounced).
		 */
		private @Nullable String hashtx;

		/**
		 * Endpoint of the node's rawblock topic, as zmqpubrawblock in bitcoin.conf, for example
		 * tcp://127.0.0.1:28332. Gives ZmqNotificationEvents (RawBlock).
		 */
		private @Nullable String rawblock;

		/**
		 * Endpoint of the node's rawtx topic, as zmqpubrawtx in bitcoin.conf, for example
		 * tcp://127.0.0.1:28333. Gives ZmqNotificationEvents (RawTransaction).
		 */
		private @Nullable String rawtx;

		/**
		 * Endpoint of the node's sequence topic, as zmqpubsequence in bitcoin.conf, for example
		 * tcp://127.0.0.1:28334. Gives ZmqNotificationEvents for blocks connected and disconnected
		 * (BlockAnnounced, BlockRetracted) and for mempool additions and removals, and wakes the
		 * chain follower. Preferred for blocks.
		 */
		private @Nullable String sequence;

		/**
		 * Whether to ask the node for its endpoints (getzmqnotifications) at start, when no
		 * endpoint is set here. A wildcard address (tcp://0.0.0.0:port) is reached at the host of
		 * 'bitcoin.rpc.url'.
		 */
		private boolean discover = false;

		/**
		 * Time a new ZMQ connection's handshake may take before it is dropped and tried again.
		 */
		private Duration handshakeTimeout = Duration.ofSeconds(2);

		/**
		 * Time between attempts to reconnect a lost ZMQ connection.
		 */
		private Duration reconnectInterval = Duration.ofMillis(100);

		/**
		 * Messages each ZMQ connection queues before newer ones are dropped (and reported as a
		 * gap).
		 */
		private int receiveHighWaterMark = 1000;

		/**
		 * Time to wait before asking the node for its endpoints again ('discover'), or subscribing
		 * again, after a failure.
		 */
		private Duration retryInterval = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getHashblock() {
			return this.hashblock;
		}

		public void setHashblock(@Nullable String hashblock) {
			this.hashblock = hashblock;
		}

		public @Nullable String getHashtx() {
			return this.hashtx;
		}

		public void setHashtx(@Nullable String hashtx) {
			this.hashtx = hashtx;
		}

		public @Nullable String getRawblock() {
			return this.rawblock;
		}

		public void setRawblock(@Nullable String rawblock) {
			this.rawblock = rawblock;
		}

		public @Nullable String getRawtx() {
			return this.rawtx;
		}

		public void setRawtx(@Nullable String rawtx) {
			this.rawtx = rawtx;
		}

		public @Nullable String getSequence() {
			return this.sequence;
		}

		public void setSequence(@Nullable String sequence) {
			this.sequence = sequence;
		}

		public boolean isDiscover() {
			return this.discover;
		}

		public void setDiscover(boolean discover) {
			this.discover = discover;
		}

		public Duration getHandshakeTimeout() {
			return this.handshakeTimeout;
		}

		public void setHandshakeTimeout(Duration handshakeTimeout) {
			this.handshakeTimeout = handshakeTimeout;
		}

		public Duration getReconnectInterval() {
			return this.reconnectInterval;
		}

		public void setReconnectInterval(Duration reconnectInterval) {
			this.reconnectInterval = reconnectInterval;
		}

		public int getReceiveHighWaterMark() {
			return this.receiveHighWaterMark;
		}

		public void setReceiveHighWaterMark(int receiveHighWaterMark) {
			this.receiveHighWaterMark = receiveHighWaterMark;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

	}

	/**
	 * Following the chain: every block of the node's best chain delivered exactly once, in order
	 * (a reorg as disconnects, newest first, then connects), to the application's BlockHandler
	 * beans and as BlockConnectedEvent and BlockDisconnectedEvent, resuming from a stored cursor.
	 * Defaults equal the core's {@code ChainFollower.Builder} defaults.
	 */
	public static class Follow {

		/**
		 * Whether to follow the chain. Also on, unless set to false, when 'notifications.blocks'
		 * is true and the URL is http:// or https://. With the follower on, BlockConnectedEvent
		 * and BlockDisconnectedEvent come from it only, never from the client's own notifications.
		 */
		private boolean enabled = false;

		/**
		 * Name of the follower: the key of its cursor in the store.
		 */
		private String name = org.bitcoinrpc.client.follow.ChainFollower.DEFAULT_NAME;

		/**
		 * Where to start when the store holds no cursor for the name (a stored cursor always wins):
		 * 'tip' (the next block mined is the first handled), a block height (the block at that
		 * height is the first handled, from 1) or a 64-hex block hash (its child is the first
		 * handled).
		 */
		private String start = "tip";

		/**
		 * What wakes the follower when a block arrives: 'auto' (block notifications over a
		 * websocket; over HTTP ZMQ when 'bitcoin.rpc.zmq' is enabled with a block topic, else
		 * waitfornewblock), 'notifications' (btcd's websocket notifyblocks), 'wait-for-new-block'
		 * (Bitcoin Core's long-poll, one RPC thread held), 'zmq' (Bitcoin Core's ZMQ block
		 * messages) or 'poll' (nothing: getbestblockhash every poll interval).
		 */
		private Source source = Source.AUTO;

		/**
		 * Time between polls of the node's best block (getbestblockhash), also the longest wait
		 * before retrying failed calls (at most 5s). When unset: 30s as a safety net while the
		 * source listens (its connection is up), 1s while it does not or with 'source=poll'.
		 */
		private @Nullable Duration pollInterval;

		/**
		 * With whole blocks (FullBlockHandler beans, @BlockListener methods taking the block, or
		 * 'with-transactions'): how many whole blocks (getblock verbosity 2) are fetched ahead of
		 * the handlers, the bound on what is held in memory (1 to 64).
		 */
		private int prefetch = org.bitcoinrpc.client.follow.ChainFollower.DEFAULT_PREFETCH;

		/**
		 * Whether to fetch every block with its transactions (getblock verbosity 2) even without
		 * a FullBlockHandler bean or a @BlockListener method taking the block, so that
		 * BlockConnectedEvent and BlockDisconnectedEvent carry it (getBlock()).
		 */
		private boolean withTransactions = false;

		/**
		 * Where the follower keeps its cursor. 'memory' unless set, even with a DataSource: the
		 * follower writes to the application's database only when asked to with 'jdbc'.
		 */
		private Store store = Store.MEMORY;

		/**
		 * Table of the cursors with the 'jdbc' store, one row per follower name, created if absent
		 * with its lease table ('_lease' appended).
		 */
		private String table = org.bitcoinrpc.client.follow.JdbcCursorStore.DEFAULT_TABLE;

		/**
		 * How long the lease of a follower name lasts with the 'jdbc' store: when several instances
		 * share the database, a standby takes over at most this long after the active one died,
		 * and every block must be handled within it.
		 */
		private Duration lease = org.bitcoinrpc.client.follow.JdbcCursorStore.DEFAULT_LEASE_DURATION;

		/**
		 * Directory of the cursor files, one per follower name. Required with the 'file' store.
		 */
		private @Nullable Path directory;

		/**
		 * What a BlockHandler bean or a block event listener that throws makes the follower do.
		 */
		private FailurePolicy failurePolicy = FailurePolicy.RETRY;

		private final Retry retry = new Retry();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getStart() {
			return this.start;
		}

		public void setStart(String start) {
			this.start = start;
		}

		public Source getSource() {
			return this.source;
		}

		public void setSource(Source source) {
			this.source = source;
		}

		public @Nullable Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(@Nullable Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public int getPrefetch() {
			return this.prefetch;
		}

		public void setPrefetch(int prefetch) {
			this.prefetch = prefetch;
		}

		public boolean isWithTransactions() {
			return this.withTransactions;
		}

		public void setWithTransactions(boolean withTransactions) {
			this.withTransactions = withTransactions;
		}

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

		public @Nullable Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable Path directory) {
			this.directory = directory;
		}

		public FailurePolicy getFailurePolicy() {
			return this.failurePolicy;
		}

		public void setFailurePolicy(FailurePolicy failurePolicy) {
			this.failurePolicy = failurePolicy;
		}

		public Retry getRetry() {
			return this.retry;
		}

		/**
		 * What wakes a follower when a block arrives; it polls getbestblockhash whatever wakes it.
		 */
		public enum Source {

			/**
			 * Block notifications over a websocket; over HTTP ZMQ when 'bitcoin.rpc.zmq' is
			 * enabled with a block topic (sequence, hashblock or discover), else waitfornewblock.
			 */
			AUTO,

			/**
			 * btcd's block notifications over the websocket (notifyblocks); needs a ws:// or
			 * wss:// URL.
			 */
			NOTIFICATIONS,

			/**
			 * Bitcoin Core's waitfornewblock, one call held at the node (an RPC thread) that
			 * answers when the tip moves; a node without it is polled.
			 */
			WAIT_FOR_NEW_BLOCK,

			/**
			 * Bitcoin Core's ZMQ block messages ('bitcoin.rpc.zmq'); the follower polls while the
			 * ZMQ connection is down.
			 */
			ZMQ,

			/**
			 * Nothing: the follower polls getbestblockhash every poll interval.
			 */
			POLL

		}

		/**
		 * Where a follower keeps its cursor.
		 */
		public enum Store {

			/**
			 * In memory: kept across a stop and start of the context, lost with the process (a
			 * new process starts at 'start' again).
			 */
			MEMORY,

			/**
			 * In files under 'directory', one per follower name, each replaced atomically.
			 */
			FILE,

			/**
			 * In 'table' of the application's DataSource (needs spring-jdbc), in the Spring-managed
			 * transaction of each block: BlockHandler writes with JdbcTemplate or JPA on that
			 * DataSource commit with the cursor, exactly once.
			 */
			JDBC

		}

		/**
		 * What a handler failure does.
		 */
		public enum FailurePolicy {

			/**
			 * Offer the same block again, with exponential back-off ('retry.*'), for ever;
			 * nothing after it is delivered first.
			 */
			RETRY,

			/**
			 * Stop the follower; the cursor stays before the block, which the next start of the
			 * context offers again.
			 */
			STOP,

			/**
			 * Move past the block as if handled, logging an ERROR and publishing
			 * FollowerEvent.BlockSkipped.
			 */
			SKIP

		}

		/**
		 * Back-off of the 'retry' failure policy.
		 */
		public static class Retry {

			/**
			 * Delay before the first retry of a block whose handling failed; doubled at each
			 * further attempt, with jitter.
			 */
			private Duration initialDelay = Duration.ofSeconds(1);

			/**
			 * Longest delay between two attempts at one block.
			 */
			private Duration maxDelay = Duration.ofMinutes(1);

			public Duration getInitialDelay() {
				return this.initialDelay;
			}

			public void setInitialDelay(Duration initialDelay) {
				this.initialDelay = initialDelay;
			}

			public Duration getMaxDelay() {
				return this.maxDelay;
			}

			public void setMaxDelay(Duration maxDelay) {
				this.maxDelay = maxDelay;
			}

		}

	}

}
