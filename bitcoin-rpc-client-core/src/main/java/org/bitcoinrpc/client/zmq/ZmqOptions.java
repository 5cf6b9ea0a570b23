package org.bitcoinrpc.client.zmq;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.bitcoinrpc.client.internal.UserInfo;
import org.jspecify.annotations.Nullable;

/**
 * Options of a {@link ZmqSubscriber}: which topics to subscribe to and where, and how its sockets
 * cope with loss and reconnects. Immutable; make one with {@link #builder()}, change a copy with {@link #mutate()}.
 * <pre>{@code
 * ZmqOptions options = ZmqOptions.builder()
 *         .endpoint(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:28334")
 *         .endpoint(ZmqTopic.RAWTX, "tcp://127.0.0.1:28333")
 *         .build();
 * }</pre>
 * Topics that share an endpoint (Core allows {@code -zmqpubhashblock} and {@code -zmqpubrawtx}
 * on the same address) share one socket.
 */
public final class ZmqOptions {

	/** Messages the receive queue of each socket holds before ZMQ drops new ones: 1000, as Core's send side. */
	public static final int DEFAULT_RECEIVE_HIGH_WATER_MARK = 1000;

	/** Time between attempts to reconnect a lost socket (ZMQ's own reconnect): 100 ms. */
	public static final Duration DEFAULT_RECONNECT_INTERVAL = Duration.ofMillis(100);

	/**
	 * How long a new connection's ZMTP handshake may take before the socket drops it and
	 * reconnects: 2 s. Short on purpose: jeromq 0.6.0 sometimes leaves a freshly connected socket
	 * without a handshake (zeromq/jeromq PR #1022), which ZMQ's own default (30 s) would leave idle
	 * for that long, losing every message meanwhile.
	 */
	public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

	private static final Pattern ENDPOINT = Pattern.compile("(tcp|ipc|inproc)://\\S+");

	private final Map<ZmqTopic, String> endpoints;

	private final int receiveHighWaterMark;

	private final Duration reconnectInterval;

	private final Duration handshakeTimeout;

	private ZmqOptions(Builder builder) {
		this.endpoints = Collections.unmodifiableMap(new EnumMap<>(builder.endpoints));
		this.receiveHighWaterMark = builder.receiveHighWaterMark;
		this.reconnectInterval = builder.reconnectInterval;
		this.handshakeTimeout = builder.handshakeTimeout;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding these options. */
	public Builder mutate() {
		Builder builder = new Builder();
		builder.endpoints.putAll(this.endpoints);
		builder.receiveHighWaterMark = this.receiveHighWaterMark;
		builder.reconnectInterval = this.reconnectInterval;
		builder.handshakeTimeout = this.handshakeTimeout;
		return builder;
	}

	/** The configured topics and their endpoints, in topic order. */
	public Map<ZmqTopic, String> endpoints() {
		return this.endpoints;
	}

	/** The endpoint of a topic, or {@code null} if it is not subscribed. */
	public @Nullable String endpoint(ZmqTopic topic) {
		return this.endpoints.get(topic);
	}

	/** The distinct endpoints, one socket each, in topic order. */
	public Set<String> distinctEndpoints() {
		return Collections.unmodifiableSet(new LinkedHashSet<>(this.endpoints.values()));
	}

	/**
	 * The topic whose block messages, gaps and (re)connections wake the subscriber's followers:
	 * {@code sequence} if configured (it reports disconnects too), else {@code hashblock}, else
	 * {@code null} (the subscriber then wakes no follower and never listens for one).
	 */
	public @Nullable ZmqTopic blockTopic() {
		if (this.endpoints.containsKey(ZmqTopic.SEQUENCE)) {
			return ZmqTopic.SEQUENCE;
		}
		return this.endpoints.containsKey(ZmqTopic.HASHBLOCK) ? ZmqTopic.HASHBLOCK : null;
	}

	public int receiveHighWaterMark() {
		return this.receiveHighWaterMark;
	}

	public Duration reconnectInterval() {
		return this.reconnectInterval;
	}

	public Duration handshakeTimeout() {
		return this.handshakeTimeout;
	}

	@Override
	public String toString() {
		return "ZmqOptions[endpoints=" + this.endpoints + ", receiveHighWaterMark=" + this.receiveHighWaterMark
				+ ", reconnectInterval=" + this.reconnectInterval + ", handshakeTimeout=" + this.handshakeTimeout + "]";
	}

	/** Builds {@link ZmqOptions}; each setter checks its argument. Not thread-safe. */
	public static final class Builder {

		private final EnumMap<ZmqTopic, String> endpoints = new EnumMap<>(ZmqTopic.class);

		private int receiveHighWaterMark = DEFAULT_RECEIVE_HIGH_WATER_MARK;

		private Duration reconnectInterval = DEFAULT_RECONNECT_INTERVAL;

		private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

		private Builder() {
		}

		/**
		 * Subscribes to a topic at an endpoint, as given to Core with
		 * {@code -zmqpub<topic>=<endpoint>}, e.g. {@code tcp://127.0.0.1:28332}.
		 */
		public Builder endpoint(ZmqTopic topic, String endpoint) {
			Objects.requireNonNull(topic, "topic must not be null");
			Objects.requireNonNull(endpoint, "endpoint must not be null");
			if (UserInfo.present(endpoint)) {
				// ZMQ addresses carry no credentials; whatever is before the '@' may be a password.
				throw new IllegalArgumentException("endpoint must not contain user info (ZMQ has no login), was '"
						+ UserInfo.mask(endpoint) + "'");
			}
			if (!ENDPOINT.matcher(endpoint).matches()) {
				throw new IllegalArgumentException("endpoint must look like tcp://host:port (or ipc://, inproc://), was '"
						+ endpoint + "'");
			}
			this.endpoints.put(topic, endpoint);
			return this;
		}

		/** Stops subscribing to a topic. */
		public Builder removeEndpoint(ZmqTopic topic) {
			this.endpoints.remove(Objects.requireNonNull(topic, "topic must not be null"));
			return this;
		}

		public Builder receiveHighWaterMark(int receiveHighWaterMark) {
			if (receiveHighWaterMark < 1) {
				throw new IllegalArgumentException("receiveHighWaterMark must be at least 1, was " + receiveHighWaterMark);
			}
			this.receiveHighWaterMark = receiveHighWaterMark;
			return this;
		}

		public Builder reconnectInterval(Duration reconnectInterval) {
			this.reconnectInterval = positive(reconnectInterval, "reconnectInterval");
			return this;
		}

		public Builder handshakeTimeout(Duration handshakeTimeout) {
			this.handshakeTimeout = positive(handshakeTimeout, "handshakeTimeout");
			return this;
		}

		/** The options; at least one endpoint must have been given. */
		public ZmqOptions build() {
			if (this.endpoints.isEmpty()) {
				throw new IllegalStateException("At least one topic endpoint must be given");
			}
			return new ZmqOptions(this);
		}

		private static Duration positive(Duration value, String name) {
			Objects.requireNonNull(value, name + " must not be null");
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, was " + value);
			}
			return value;
		}

	}

}
