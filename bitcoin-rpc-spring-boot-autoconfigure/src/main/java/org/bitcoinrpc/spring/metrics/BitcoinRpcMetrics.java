package org.bitcoinrpc.spring.metrics;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.CallOutcome;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.ConnectionState;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.bitcoinrpc.client.zmq.ZmqTopic;

/**
 * Micrometer metrics of a {@link BitcoinRpcClient}:
 * <ul>
 * <li>{@value #REQUESTS} (timer) tagged {@code method} and {@code outcome}: every call and how it
 * ended. Method names outside a known set of Bitcoin RPC methods are tagged {@code other}, so the
 * number of time series stays bounded whatever the application calls.</li>
 * <li>{@value #PENDING} (gauge): calls sent and not yet answered.</li>
 * <li>{@value #CONNECTION_STATE} (gauge): 1 when connected, 0 otherwise.</li>
 * <li>{@value #RECONNECT_ATTEMPTS} (counter): reconnect attempts scheduled.</li>
 * <li>{@value #RESENT} (function counter): calls sent again after a reconnect or retried.</li>
 * <li>{@value #NOTIFICATIONS} (counter) tagged {@code type}: notifications received, by method
 * ({@code unknown} for the ones the client does not know). Bitcoin Core ZMQ notifications count
 * here too, as {@code zmq:<topic>} (e.g. {@code zmq:sequence} for block announcements and mempool
 * changes, {@code zmq:hashblock}); the blocks a chain follower delivers are not notifications.</li>
 * <li>{@value #ZMQ_GAPS} (counter) tagged {@code topic}: gaps in a ZMQ topic's sequence numbers,
 * that is, messages lost between the node and the application (each gap may hide several).</li>
 * </ul>
 * Extra tags given to the constructor go on every meter.
 */
public class BitcoinRpcMetrics implements MeterBinder {

	/** Name of the request timer. */
	public static final String REQUESTS = "bitcoin.rpc.requests";

	/** Name of the pending requests gauge. */
	public static final String PENDING = "bitcoin.rpc.requests.pending";

	/** Name of the connection state gauge. */
	public static final String CONNECTION_STATE = "bitcoin.rpc.connection.state";

	/** Name of the reconnect attempts counter. */
	public static final String RECONNECT_ATTEMPTS = "bitcoin.rpc.reconnect.attempts";

	/** Name of the resent requests counter. */
	public static final String RESENT = "bitcoin.rpc.requests.resent";

	/** Name of the notifications counter. */
	public static final String NOTIFICATIONS = "bitcoin.rpc.notifications";

	/** Name of the ZMQ gaps counter. */
	public static final String ZMQ_GAPS = "bitcoin.rpc.zmq.gaps";

	/** The {@code method} tag value for methods outside {@link #KNOWN_METHODS}. */
	public static final String OTHER_METHOD = "other";

	/** The {@code type} tag value for notifications the client does not know. */
	public static final String UNKNOWN_TYPE = "unknown";

	/**
	 * Methods tagged by name: btcd's and Bitcoin Core's common read, mempool, network, mining,
	 * fee, wallet and subscription calls.
	 */
	public static final Set<String> KNOWN_METHODS = Set.of(
			// chain and blocks
			"getbestblock", "getbestblockhash", "getblock", "getblockchaininfo", "getblockcount", "getblockhash",
			"getblockheader", "getblockstats", "getchaintips", "getdifficulty", "getcfilter", "getcfilterheader",
			"gettxout", "gettxoutsetinfo", "verifychain",
			// transactions and mempool
			"getrawtransaction", "decoderawtransaction", "decodescript", "createrawtransaction", "sendrawtransaction",
			"testmempoolaccept", "getrawmempool", "getmempoolinfo", "getmempoolentry", "searchrawtransactions",
			// network and node
			"getinfo", "getnetworkinfo", "getzmqnotifications", "getpeerinfo", "getconnectioncount", "getnettotals", "getnodeaddresses",
			"addnode", "node", "ping", "uptime", "help", "version", "session", "authenticate", "stop",
			// mining
			"getmininginfo", "getnetworkhashps", "getblocktemplate", "submitblock", "generate", "generatetoaddress",
			"getgenerate", "setgenerate", "gethashespersec",
			// fees
			"estimatefee", "estimatesmartfee",
			// wallet basics
			"getbalance", "getbalances", "getnewaddress", "getrawchangeaddress", "getaddressinfo", "validateaddress",
			"getwalletinfo", "gettransaction", "listtransactions", "listunspent", "listsinceblock", "sendtoaddress",
			"sendmany", "signrawtransactionwithwallet", "walletpassphrase", "walletlock",
			// btcd websocket subscriptions and rescans
			"notifyblocks", "stopnotifyblocks", "notifynewtransactions", "stopnotifynewtransactions", "notifyspent",
			"stopnotifyspent", "notifyreceived", "stopnotifyreceived", "loadtxfilter", "rescan", "rescanblocks");

	private static final CallOutcome[] OUTCOMES = CallOutcome.values();

	private final BitcoinRpcClient client;

	private final Tags tags;

	/** Registries already bound, so binding twice does not count everything twice. Guarded by itself. */
	private final Set<MeterRegistry> bound = Collections.newSetFromMap(new IdentityHashMap<>());

	/**
	 * Metrics for a client.
	 * @param client the client
	 * @param tags tags to add to every meter
	 */
	public BitcoinRpcMetrics(BitcoinRpcClient client, Iterable<Tag> tags) {
		this.client = client;
		this.tags = Tags.of(tags);
	}

	/**
	 * Metrics for a client, without extra tags.
	 * @param client the client
	 */
	public BitcoinRpcMetrics(BitcoinRpcClient client) {
		this(client, Tags.empty());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		synchronized (this.bound) {
			if (!this.bound.add(registry)) {
				return;
			}
		}
		Gauge.builder(PENDING, this.client, BitcoinRpcClient::pendingRequests)
			.tags(this.tags)
			.description("Calls sent to the Bitcoin node and not yet answered")
			.register(registry);
		Gauge.builder(CONNECTION_STATE, this.client, (client) -> (client.state() == ConnectionState.CONNECTED) ? 1 : 0)
			.tags(this.tags)
			.description("Whether the client is connected to the Bitcoin node (1) or not (0)")
			.register(registry);
		FunctionCounter.builder(RESENT, this.client, BitcoinRpcClient::resentRequests)
			.tags(this.tags)
			.description("Calls sent again after a reconnect, or retried over HTTP")
			.register(registry);
		Counter reconnectAttempts = Counter.builder(RECONNECT_ATTEMPTS)
			.tags(this.tags)
			.description("Reconnect attempts to the Bitcoin node")
			.register(registry);
		RequestTimers timers = new RequestTimers(registry, this.tags);
		NotificationCounters notifications = new NotificationCounters(registry, this.tags);
		GapCounters gaps = new GapCounters(registry, this.tags);
		this.client.addCallObserver(timers::record);
		this.client.addListener((event) -> {
			if (event instanceof Notification notification) {
				notifications.increment(typeTag(notification));
			}
			else if (event instanceof ZmqEvent zmq) {
				notifications.increment(typeTag(zmq));
				if (zmq instanceof ZmqEvent.NotificationGap gap) {
					gaps.increment(gap.topic());
				}
			}
			else if (event instanceof ConnectionEvent.Reconnecting) {
				reconnectAttempts.increment();
			}
		});
	}

	/**
	 * The {@code method} tag for a method name: itself if known, else {@value #OTHER_METHOD}.
	 * @param method the RPC method
	 * @return the tag value
	 */
	public static String methodTag(String method) {
		String name = method.toLowerCase(Locale.ROOT);
		return KNOWN_METHODS.contains(name) ? name : OTHER_METHOD;
	}

	/**
	 * The {@code type} tag for a notification: its method, or {@value #UNKNOWN_TYPE}.
	 * @param notification the notification
	 * @return the tag value
	 */
	public static String typeTag(Notification notification) {
		return (notification instanceof Notification.Unknown) ? UNKNOWN_TYPE : notification.method();
	}

	/**
	 * The {@code type} tag for a ZMQ event: {@code zmq:} and its topic.
	 * @param event the ZMQ event
	 * @return the tag value, e.g. {@code zmq:sequence}
	 */
	public static String typeTag(ZmqEvent event) {
		return "zmq:" + event.topic().wireName();
	}

	/** Timers by method tag and outcome, made on first use; at most (known methods + 1) x outcomes. */
	private static final class RequestTimers {

		private final MeterRegistry registry;

		private final Tags tags;

		private final Map<String, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();

		RequestTimers(MeterRegistry registry, Tags tags) {
			this.registry = registry;
			this.tags = tags;
		}

		/** Called on the thread that completed the call: a map lookup and a record, nothing more. */
		void record(String method, CallOutcome outcome, long durationNanos) {
			String tag = methodTag(method);
			AtomicReferenceArray<Timer> byOutcome = this.timers.computeIfAbsent(tag,
					(key) -> new AtomicReferenceArray<>(OUTCOMES.length));
			Timer timer = byOutcome.get(outcome.ordinal());
			if (timer == null) {
				// A benign race: two threads may both register; Micrometer returns the same timer.
				timer = Timer.builder(REQUESTS)
					.tags(this.tags)
					.tag("method", tag)
					.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
					.description("Calls to the Bitcoin node, by method and outcome")
					.register(this.registry);
				byOutcome.set(outcome.ordinal(), timer);
			}
			timer.record(durationNanos, TimeUnit.NANOSECONDS);
		}

	}

	/** Counters by notification type; the types are the client's fixed set, "unknown" and the ZMQ topics. */
	private static final class NotificationCounters {

		private final MeterRegistry registry;

		private final Tags tags;

		private final Map<String, Counter> counters = new ConcurrentHashMap<>();

		NotificationCounters(MeterRegistry registry, Tags tags) {
			this.registry = registry;
			this.tags = tags;
		}

		void increment(String typeTag) {
			this.counters.computeIfAbsent(typeTag, (type) -> Counter.builder(NOTIFICATIONS)
				.tags(this.tags)
				.tag("type", type)
				.description("Notifications received from the Bitcoin node, by type")
				.register(this.registry)).increment();
		}

	}

	/** ZMQ gap counters by topic, at most one per Core topic. */
	private static final class GapCounters {

		private final MeterRegistry registry;

		private final Tags tags;

		private final Map<ZmqTopic, Counter> counters = new ConcurrentHashMap<>();

		GapCounters(MeterRegistry registry, Tags tags) {
			this.registry = registry;
			this.tags = tags;
		}

		void increment(ZmqTopic topic) {
			this.counters.computeIfAbsent(topic, (key) -> Counter.builder(ZMQ_GAPS)
				.tags(this.tags)
				.tag("topic", key.wireName())
				.description("Gaps in the sequence numbers of a Bitcoin Core ZMQ topic (lost messages)")
				.register(this.registry)).increment();
		}

	}

}
