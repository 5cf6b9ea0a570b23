package org.bitcoinrpc.spring.metrics;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
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
 * number of time series stays bounded whatever the application calls. When the calls are
 * observed ({@link org.bitcoinrpc.spring.observation.ObservationCallTracer}) the observation
 * makes this timer (with a {@code node} and an {@code error} tag too), and these metrics are
 * built with {@code timeRequests} false so that no call is counted twice.</li>
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
 * <li>{@value #NOTIFICATIONS_DROPPED} (function counter): events dropped because listeners fell
 * behind and the client's event queue ({@code notification-queue-size}) was full; block and
 * connection events are never dropped.</li>
 * <li>{@value #MESSAGES_MALFORMED} (function counter): messages from the node that were not valid
 * JSON-RPC, or replies that could not be used.</li>
 * <li>{@value #TIP_HEIGHT} (gauge): the height of the node's best block, from the block
 * notifications the client receives (btcd's {@code blockconnected} and
 * {@code filteredblockconnected}; a disconnected tip lowers it by one). {@code NaN} until the first
 * one, so it needs block notifications ({@code bitcoin.rpc.notifications.blocks=true}, or the
 * chain follower over a websocket); with Bitcoin Core over HTTP use the chain follower's
 * {@code bitcoin.rpc.follow.tip.height}.</li>
 * <li>{@value #TIP_AGE} (time gauge, seconds for most registries): time since the best block was
 * mined, by its header's time (never below 0); {@code NaN} until a block notification arrived, and
 * after a disconnect until the next block connects. It grows when the chain, or the node,
 * stalls.</li>
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

	/** Name of the dropped notifications counter. */
	public static final String NOTIFICATIONS_DROPPED = "bitcoin.rpc.notifications.dropped";

	/** Name of the malformed messages counter. */
	public static final String MESSAGES_MALFORMED = "bitcoin.rpc.messages.malformed";

	/** Name of the gauge of the node's best block height. */
	public static final String TIP_HEIGHT = "bitcoin.rpc.chain.tip.height";

	/** Name of the gauge of the age of the node's best block. */
	public static final String TIP_AGE = "bitcoin.rpc.chain.tip.age";

	/** Name of the ZMQ gaps counter. */
	public static final String ZMQ_GAPS = "bitcoin.rpc.zmq.gaps";

	/** The {@code method} tag value for methods outside {@link #KNOWN_METHODS}. */
	public static final String OTHER_METHOD = MethodTags.OTHER_METHOD;

	/** The {@code type} tag value for notifications the client does not know. */
	public static final String UNKNOWN_TYPE = "unknown";

	/** Methods tagged by name; the others are tagged {@value #OTHER_METHOD}. */
	public static final Set<String> KNOWN_METHODS = MethodTags.KNOWN_METHODS;

	private static final CallOutcome[] OUTCOMES = CallOutcome.values();

	private final BitcoinRpcClient client;

	private final Tags tags;

	private final boolean timeRequests;

	/** Registries already bound, so binding twice does not count everything twice. Guarded by itself. */
	private final Set<MeterRegistry> bound = Collections.newSetFromMap(new IdentityHashMap<>());

	/**
	 * Metrics for a client.
	 * @param client the client
	 * @param tags tags to add to every meter
	 */
	public BitcoinRpcMetrics(BitcoinRpcClient client, Iterable<Tag> tags) {
		this(client, tags, true);
	}

	/**
	 * Metrics for a client, with or without the request timer.
	 * @param client the client
	 * @param tags tags to add to every meter
	 * @param timeRequests whether to record {@value #REQUESTS}; false when something else does,
	 * such as an {@link org.bitcoinrpc.spring.observation.ObservationCallTracer} whose registry
	 * makes timers from observations
	 */
	public BitcoinRpcMetrics(BitcoinRpcClient client, Iterable<Tag> tags, boolean timeRequests) {
		this.client = client;
		this.tags = Tags.of(tags);
		this.timeRequests = timeRequests;
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
		FunctionCounter.builder(NOTIFICATIONS_DROPPED, this.client, BitcoinRpcClient::droppedNotifications)
			.tags(this.tags)
			.description("Notifications dropped because listeners fell behind and the event queue was full")
			.register(registry);
		FunctionCounter.builder(MESSAGES_MALFORMED, this.client, BitcoinRpcClient::malformedMessages)
			.tags(this.tags)
			.description("Messages from the Bitcoin node that were not valid JSON-RPC, or replies that could not be used")
			.register(registry);
		ChainTip tip = new ChainTip();
		Gauge.builder(TIP_HEIGHT, tip, ChainTip::height)
			.tags(this.tags)
			.description("Height of the Bitcoin node's best block, from block notifications")
			.register(registry);
		Clock clock = registry.config().clock();
		TimeGauge.builder(TIP_AGE, tip, TimeUnit.MILLISECONDS, (known) -> known.ageMillis(clock.wallTime()))
			.tags(this.tags)
			.description("Time since the Bitcoin node's best block was mined, by its header time")
			.register(registry);
		NotificationCounters notifications = new NotificationCounters(registry, this.tags);
		GapCounters gaps = new GapCounters(registry, this.tags);
		if (this.timeRequests) {
			RequestTimers timers = new RequestTimers(registry, this.tags);
			this.client.addCallObserver(timers::record);
		}
		this.client.addListener((event) -> {
			if (event instanceof Notification notification) {
				notifications.increment(typeTag(notification));
				tip.update(notification);
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
		return MethodTags.of(method);
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

	/**
	 * The best block as the block notifications tell it. Written by the client's event thread
	 * only (listeners run there, in order); read by any thread that reads the gauges.
	 */
	private static final class ChainTip {

		/** Offset of the time field in a block header: version (4), previous hash (32), merkle root (32). */
		private static final int HEADER_TIME_OFFSET = 68;

		private volatile long height = -1;

		/** Unix seconds, or -1 when not known. */
		private volatile long time = -1;

		void update(Notification notification) {
			if (notification instanceof Notification.BlockConnected connected) {
				connected(connected.height(), connected.time());
			}
			else if (notification instanceof Notification.FilteredBlockConnected connected) {
				connected(connected.height(), headerTime(connected.header()));
			}
			else if (notification instanceof Notification.BlockDisconnected disconnected) {
				disconnected(disconnected.height());
			}
			else if (notification instanceof Notification.FilteredBlockDisconnected disconnected) {
				disconnected(disconnected.height());
			}
		}

		private void connected(long height, long time) {
			// Time first: a reader that sees the new height sees its time.
			this.time = time;
			this.height = height;
		}

		/** The block below becomes the tip; its time is not in the notification. */
		private void disconnected(long height) {
			this.time = -1;
			this.height = height - 1;
		}

		double height() {
			long known = this.height;
			return (known < 0) ? Double.NaN : known;
		}

		double ageMillis(long nowMillis) {
			long known = this.time;
			return (known < 0) ? Double.NaN : Math.max(0, nowMillis - known * 1000);
		}

		/** The header's little-endian 32-bit time, or -1 if the header is not 80 bytes of hex. */
		static long headerTime(String headerHex) {
			if (headerHex.length() != 160) {
				return -1;
			}
			long time = 0;
			for (int i = 3; i >= 0; i--) {
				int at = (HEADER_TIME_OFFSET + i) * 2;
				int high = Character.digit(headerHex.charAt(at), 16);
				int low = Character.digit(headerHex.charAt(at + 1), 16);
				if (high < 0 || low < 0) {
					return -1;
				}
				time = (time << 8) | (high << 4) | low;
			}
			return time;
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
