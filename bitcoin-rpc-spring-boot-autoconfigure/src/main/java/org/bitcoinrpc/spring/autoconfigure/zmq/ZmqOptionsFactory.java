package org.bitcoinrpc.spring.autoconfigure.zmq;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.client.internal.UserInfo;
import org.bitcoinrpc.client.zmq.ZmqOptions;
import org.bitcoinrpc.client.zmq.ZmqTopic;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.bitcoinrpc.spring.autoconfigure.MaskedPropertyValueException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Turns {@code bitcoin.rpc.zmq.*} into {@link ZmqOptions}, checking every value so that a mistake
 * fails the start-up with the name of the property at fault, and reads the endpoints a node lists
 * in {@code getzmqnotifications}.
 */
final class ZmqOptionsFactory {

	private static final Log logger = LogFactory.getLog(ZmqOptionsFactory.class);

	static final String PREFIX = "bitcoin.rpc.zmq.";

	/**
	 * {@code tcp://host:port}: a host name, an IPv4 address or a bracketed IPv6 address, and a
	 * port. Only TCP: jeromq's {@code ipc://} is not the Unix socket libzmq (and so Core) uses.
	 */
	private static final Pattern TCP = Pattern.compile("tcp://(\\[[0-9A-Fa-f:.%]+\\]|[^\\s/:\\[\\]@*?#]+):([0-9]{1,5})");

	/** What a node may list in {@code getzmqnotifications} for an endpoint bound on every interface. */
	private static final Pattern LISTED = Pattern.compile("tcp://(\\*|\\[[0-9A-Fa-f:.%]+\\]|[^\\s/:\\[\\]@?#]+):([0-9]{1,5})");

	private static final Set<String> WILDCARDS = Set.of("*", "0.0.0.0", "[::]", "[0:0:0:0:0:0:0:0]");

	private ZmqOptionsFactory() {
	}

	/**
	 * The checked properties.
	 * @param properties {@code bitcoin.rpc.zmq.*}
	 * @return what the lifecycle needs
	 * @throws InvalidConfigurationPropertyValueException naming the property at fault
	 */
	static Settings settings(BitcoinRpcProperties.Zmq properties) {
		Map<ZmqTopic, String> endpoints = new EnumMap<>(ZmqTopic.class);
		endpoint(endpoints, ZmqTopic.HASHBLOCK, properties.getHashblock());
		endpoint(endpoints, ZmqTopic.HASHTX, properties.getHashtx());
		endpoint(endpoints, ZmqTopic.RAWBLOCK, properties.getRawblock());
		endpoint(endpoints, ZmqTopic.RAWTX, properties.getRawtx());
		endpoint(endpoints, ZmqTopic.SEQUENCE, properties.getSequence());
		if (endpoints.isEmpty() && !properties.isDiscover()) {
			throw invalid("enabled", true, "ZMQ needs an endpoint: set at least one of " + PREFIX + "hashblock, " + PREFIX
					+ "hashtx, " + PREFIX + "rawblock, " + PREFIX + "rawtx or " + PREFIX + "sequence (as zmqpub* in "
					+ "bitcoin.conf, e.g. tcp://127.0.0.1:28332), or " + PREFIX + "discover=true");
		}
		Duration handshakeTimeout = positive(properties.getHandshakeTimeout(), "handshake-timeout");
		Duration reconnectInterval = positive(properties.getReconnectInterval(), "reconnect-interval");
		Duration retryInterval = positive(properties.getRetryInterval(), "retry-interval");
		if (properties.getReceiveHighWaterMark() < 1) {
			throw invalid("receive-high-water-mark", properties.getReceiveHighWaterMark(), "Must be at least 1");
		}
		if (!endpoints.isEmpty() && !endpoints.containsKey(ZmqTopic.SEQUENCE) && !endpoints.containsKey(ZmqTopic.HASHBLOCK)) {
			logger.info("Neither " + PREFIX + "sequence nor " + PREFIX + "hashblock is set: ZMQ wakes no chain follower");
		}
		return new Settings(Collections.unmodifiableMap(endpoints), properties.isDiscover(), handshakeTimeout,
				reconnectInterval, properties.getReceiveHighWaterMark(), retryInterval);
	}

	private static void endpoint(Map<ZmqTopic, String> endpoints, ZmqTopic topic, @Nullable String value) {
		if (!StringUtils.hasText(value)) {
			// Blank means unset, so that an environment variable can switch a topic off.
			return;
		}
		String endpoint = value.trim();
		if (UserInfo.present(endpoint)) {
			// ZMQ has no login in its addresses: what is before the '@' may be a password.
			throw new MaskedPropertyValueException(PREFIX + topic.wireName(), UserInfo.mask(endpoint),
					"Must be tcp://host:port without user info, as zmqpub" + topic.wireName() + " in bitcoin.conf");
		}
		if (!isTcpEndpoint(endpoint)) {
			throw invalid(topic.wireName(), value, "Must be tcp://host:port, as zmqpub" + topic.wireName()
					+ " in bitcoin.conf (e.g. tcp://127.0.0.1:28332)");
		}
		endpoints.put(topic, endpoint);
	}

	/**
	 * Whether an endpoint is {@code tcp://host:port} with a port from 1 to 65535.
	 * @param endpoint the endpoint
	 * @return true if it can be connected to
	 */
	static boolean isTcpEndpoint(String endpoint) {
		Matcher matcher = TCP.matcher(endpoint);
		return matcher.matches() && validPort(matcher.group(2));
	}

	private static boolean validPort(String port) {
		int value = Integer.parseInt(port);
		return value >= 1 && value <= 65535;
	}

	/**
	 * The endpoints of a {@code getzmqnotifications} result ({@code [{"type": "pubhashblock",
	 * "address": "tcp://127.0.0.1:28332", "hwm": 1000}, ...]}), by topic. An address bound on every
	 * interface ({@code tcp://0.0.0.0:28332}) is reached at {@code rpcHost}; addresses that are not
	 * TCP and types that are not a known topic are skipped; of several addresses for one topic the
	 * first is used.
	 * @param result the RPC result
	 * @param rpcHost the host of the RPC URL, as {@code URI.getHost()} gives it
	 * @return the endpoints, maybe none
	 */
	static Map<ZmqTopic, String> discovered(@Nullable JsonNode result, String rpcHost) {
		Map<ZmqTopic, String> endpoints = new EnumMap<>(ZmqTopic.class);
		if (result == null || !result.isArray()) {
			logger.warn("getzmqnotifications did not return a list: " + result);
			return endpoints;
		}
		for (JsonNode entry : result) {
			String type = entry.path("type").asString("");
			String address = entry.path("address").asString("");
			ZmqTopic topic = type.startsWith("pub") ? ZmqTopic.fromWireName(type.substring(3)) : null;
			if (topic == null) {
				logger.debug("Skipping ZMQ notification type '" + type + "' listed by getzmqnotifications");
				continue;
			}
			String endpoint = reachable(address, rpcHost);
			if (endpoint == null) {
				logger.warn("Skipping the " + topic.wireName() + " endpoint '" + address
						+ "' listed by getzmqnotifications: only tcp://host:port can be used");
				continue;
			}
			if (endpoints.containsKey(topic)) {
				logger.debug("The node lists several " + topic.wireName() + " endpoints; using " + endpoints.get(topic));
				continue;
			}
			endpoints.put(topic, endpoint);
		}
		return endpoints;
	}

	/** The address to connect to for a listed one, or null if it cannot be used. */
	private static @Nullable String reachable(String address, String rpcHost) {
		Matcher matcher = LISTED.matcher(address.trim());
		if (!matcher.matches() || !validPort(matcher.group(2))) {
			return null;
		}
		String host = matcher.group(1);
		if (WILDCARDS.contains(host.toLowerCase(Locale.ROOT))) {
			String target = (rpcHost.contains(":") && !rpcHost.startsWith("[")) ? "[" + rpcHost + "]" : rpcHost;
			return "tcp://" + target + ":" + matcher.group(2);
		}
		return address.trim();
	}

	private static Duration positive(@Nullable Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(name, value, "Must be a positive duration");
		}
		return value;
	}

	private static InvalidConfigurationPropertyValueException invalid(String name, @Nullable Object value, String reason) {
		return new InvalidConfigurationPropertyValueException(PREFIX + name, value, reason);
	}

	/**
	 * {@code bitcoin.rpc.zmq.*}, checked.
	 *
	 * @param endpoints the configured endpoints, maybe none (then {@code discover} is true)
	 * @param discover whether to ask the node when none is configured
	 * @param handshakeTimeout as {@link ZmqOptions#handshakeTimeout()}
	 * @param reconnectInterval as {@link ZmqOptions#reconnectInterval()}
	 * @param receiveHighWaterMark as {@link ZmqOptions#receiveHighWaterMark()}
	 * @param retryInterval between discovery attempts, and attempts to start the subscriber
	 */
	record Settings(Map<ZmqTopic, String> endpoints, boolean discover, Duration handshakeTimeout,
			Duration reconnectInterval, int receiveHighWaterMark, Duration retryInterval) {

		/**
		 * Whether the subscriber may wake a chain follower: a block topic ({@code sequence} or
		 * {@code hashblock}) is configured, or the endpoints are discovered (the node may list one).
		 * @return true if ZMQ can be the follower's source
		 */
		boolean wakesFollowers() {
			return this.endpoints.isEmpty() ? this.discover
					: this.endpoints.containsKey(ZmqTopic.SEQUENCE) || this.endpoints.containsKey(ZmqTopic.HASHBLOCK);
		}

		/**
		 * The options for some endpoints.
		 * @param endpoints at least one
		 * @return the options
		 */
		ZmqOptions options(Map<ZmqTopic, String> endpoints) {
			ZmqOptions.Builder builder = ZmqOptions.builder()
				.handshakeTimeout(this.handshakeTimeout)
				.reconnectInterval(this.reconnectInterval)
				.receiveHighWaterMark(this.receiveHighWaterMark);
			endpoints.forEach(builder::endpoint);
			return builder.build();
		}

	}

}
