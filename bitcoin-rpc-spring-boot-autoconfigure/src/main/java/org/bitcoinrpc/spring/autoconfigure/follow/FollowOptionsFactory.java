package org.bitcoinrpc.spring.autoconfigure.follow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.client.follow.FailurePolicy;
import org.bitcoinrpc.client.follow.JdbcTransactions;
import org.bitcoinrpc.client.follow.StartPoint;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties.Follow.Source;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqLifecycle;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Turns {@code bitcoin.rpc.follow.*} into a {@link ChainFollower}'s settings and its
 * {@link CursorStore}, checking every value so that a mistake fails the start-up with the name of
 * the property at fault.
 */
final class FollowOptionsFactory {

	static final String PREFIX = "bitcoin.rpc.follow.";

	/** The core's retry bounds in {@link FailurePolicy#DEFAULT}. */
	static final Duration CORE_RETRY_INITIAL_DELAY = FailurePolicy.DEFAULT_RETRY_INITIAL_DELAY;

	static final Duration CORE_RETRY_MAX_DELAY = FailurePolicy.DEFAULT_RETRY_MAX_DELAY;

	/** The core's poll intervals when none is set; only for the log. */
	static final Duration CORE_POLL_INTERVAL = ChainFollower.DEFAULT_POLL_INTERVAL;

	static final Duration CORE_SAFETY_NET_INTERVAL = ChainFollower.DEFAULT_SAFETY_NET_INTERVAL;

	private static final Pattern HEIGHT = Pattern.compile("[0-9]+");

	private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

	private FollowOptionsFactory() {
	}

	/**
	 * The checked settings.
	 * @param properties {@code bitcoin.rpc.follow.*}
	 * @return what the lifecycle gives the follower's builder
	 * @throws InvalidConfigurationPropertyValueException naming the property at fault
	 */
	static Settings settings(BitcoinRpcProperties.Follow properties) {
		String name = properties.getName();
		if (!StringUtils.hasText(name)) {
			throw invalid("name", name, "Must not be blank: it is the key of the follower's cursor in the store");
		}
		StartPoint startPoint = startPoint(properties.getStart());
		Duration pollInterval = properties.getPollInterval();
		if (pollInterval != null) {
			positive(pollInterval, "poll-interval");
		}
		int prefetch = properties.getPrefetch();
		if (prefetch < 1 || prefetch > 64) {
			throw invalid("prefetch", prefetch, "Must be between 1 and 64: the whole blocks fetched ahead of the handlers");
		}
		return new Settings(name.trim(), startPoint, pollInterval, failurePolicy(properties), prefetch);
	}

	/**
	 * {@code bitcoin.rpc.follow.source}, resolved ({@code auto}) and checked against the transport
	 * and ZMQ: {@code auto} is {@code notifications} over a websocket, and over HTTP {@code zmq}
	 * when ZMQ is configured with a block topic, else {@code wait-for-new-block}.
	 * @param properties {@code bitcoin.rpc.*}
	 * @param mode the client's transport
	 * @param zmq the ZMQ lifecycle, or {@code null} when ZMQ is not configured (or jeromq is missing)
	 * @return the source, never {@code AUTO}
	 * @throws InvalidConfigurationPropertyValueException naming {@code bitcoin.rpc.follow.source}
	 * and what to set for it to work
	 */
	static Source source(BitcoinRpcProperties properties, TransportMode mode, @Nullable BitcoinRpcZmqLifecycle zmq) {
		Source source = properties.getFollow().getSource();
		if (source == null) {
			throw invalid("source", null, "Must be auto, notifications, wait-for-new-block, zmq or poll");
		}
		boolean websocket = mode == TransportMode.WEBSOCKET;
		return switch (source) {
			case AUTO -> websocket ? Source.NOTIFICATIONS
					: (zmq != null && zmq.wakesFollowers()) ? Source.ZMQ : Source.WAIT_FOR_NEW_BLOCK;
			case NOTIFICATIONS -> {
				if (!websocket) {
					throw invalid("source", "notifications", "Needs a ws:// or wss:// bitcoin.rpc.url (btcd's websocket "
							+ "block notifications); over HTTP use auto, wait-for-new-block, zmq or poll");
				}
				yield source;
			}
			case ZMQ -> {
				if (zmq == null) {
					throw invalid("source", "zmq", zmqMissing(properties));
				}
				if (!zmq.wakesFollowers()) {
					throw invalid("source", "zmq", "Needs a ZMQ block topic: set bitcoin.rpc.zmq.sequence (or "
							+ "bitcoin.rpc.zmq.hashblock), or bitcoin.rpc.zmq.discover=true");
				}
				yield source;
			}
			case WAIT_FOR_NEW_BLOCK, POLL -> source;
		};
	}

	private static String zmqMissing(BitcoinRpcProperties properties) {
		if (!properties.getZmq().isEnabled()) {
			return "Needs ZMQ: set bitcoin.rpc.zmq.enabled=true with bitcoin.rpc.zmq.sequence (or hashblock), "
					+ "and put org.zeromq:jeromq on the class path";
		}
		// The default class loader (the thread's context one), as the auto-configuration's conditions look.
		if (!ClassUtils.isPresent("org.zeromq.ZMQ", null)) {
			return "Needs org.zeromq:jeromq on the class path: bitcoin.rpc.zmq.enabled is true, but ZMQ is not "
					+ "configured without it";
		}
		return "Needs the ZMQ subscriber (a BitcoinRpcZmqLifecycle bean), which is not configured";
	}

	/**
	 * {@code bitcoin.rpc.follow.start}: {@code tip}, a height from 1, or a 64-hex block hash.
	 * @param start the property's value
	 * @return the start point
	 * @throws InvalidConfigurationPropertyValueException for anything else
	 */
	static StartPoint startPoint(@Nullable String start) {
		String reason = "Must be 'tip', a block height from 1 (the first block handled) or a 64-hex block hash "
				+ "(its child is the first block handled)";
		String value = (start != null) ? start.trim() : "";
		if (value.toLowerCase(Locale.ROOT).equals("tip")) {
			return StartPoint.tip();
		}
		if (HASH.matcher(value).matches()) {
			return StartPoint.after(value);
		}
		if (HEIGHT.matcher(value).matches()) {
			long height;
			try {
				height = Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				throw invalid("start", start, reason);
			}
			if (height == 0) {
				// The core accepts height 0 but its follower then stops: the genesis block has no parent to start after.
				throw invalid("start", start, "Must be at least 1: the genesis block cannot be handled");
			}
			return StartPoint.height(height);
		}
		throw invalid("start", start, reason);
	}

	private static FailurePolicy failurePolicy(BitcoinRpcProperties.Follow properties) {
		BitcoinRpcProperties.Follow.FailurePolicy policy = properties.getFailurePolicy();
		if (policy == null) {
			throw invalid("failure-policy", null, "Must be retry, stop or skip");
		}
		// Checked whatever the policy, so that a bad value does not wait for a switch to 'retry'.
		Duration initial = positive(properties.getRetry().getInitialDelay(), "retry.initial-delay");
		Duration max = positive(properties.getRetry().getMaxDelay(), "retry.max-delay");
		if (max.compareTo(initial) < 0) {
			throw invalid("retry.max-delay", max,
					"Must not be shorter than " + PREFIX + "retry.initial-delay (" + initial + ")");
		}
		return switch (policy) {
			case STOP -> FailurePolicy.stop();
			case SKIP -> FailurePolicy.skip();
			case RETRY -> (initial.equals(CORE_RETRY_INITIAL_DELAY) && max.equals(CORE_RETRY_MAX_DELAY))
					// The core's own instance, so the defaults are the core's defaults.
					? FailurePolicy.DEFAULT : FailurePolicy.retry(Delay.exponentialWithJitter(initial, max));
		};
	}

	/**
	 * The store {@code bitcoin.rpc.follow.store} names.
	 * @param properties {@code bitcoin.rpc.follow.*}
	 * @return a new store
	 * @throws InvalidConfigurationPropertyValueException naming the property at fault
	 */
	static CursorStore cursorStore(BitcoinRpcProperties.Follow properties) {
		BitcoinRpcProperties.Follow.Store store = properties.getStore();
		if (store == null) {
			throw invalid("store", null, "Must be memory, file or jdbc");
		}
		return switch (store) {
			case MEMORY -> CursorStore.inMemory();
			case FILE -> CursorStore.files(directory(properties.getDirectory()));
			// Only reached when the JDBC store's configuration did not apply: spring-jdbc is missing.
			case JDBC -> throw invalid("store", "jdbc", "Needs spring-jdbc on the class path (for example "
					+ "spring-boot-starter-jdbc) and a DataSource bean; or use memory or file");
		};
	}

	/**
	 * The {@code jdbc} store, its {@code table} and {@code lease} checked.
	 * @param properties {@code bitcoin.rpc.follow.*}
	 * @param transactions the transactions it runs in
	 * @return a new store
	 * @throws InvalidConfigurationPropertyValueException naming the property at fault
	 */
	static CursorStore jdbcCursorStore(BitcoinRpcProperties.Follow properties, JdbcTransactions transactions) {
		Duration lease = positive(properties.getLease(), "lease");
		if (lease.toMillis() < 1) {
			throw invalid("lease", lease, "Must be 1ms or more");
		}
		String table = properties.getTable();
		if (!StringUtils.hasText(table)) {
			throw invalid("table", table, "Must not be blank: the name of the cursors' table");
		}
		try {
			return CursorStore.jdbc(transactions, table.trim(), lease);
		}
		catch (IllegalArgumentException ex) {
			// The lease was checked above: the core refused the table's name, and says why.
			throw invalid("table", table, ex.getMessage());
		}
	}

	private static Path directory(@Nullable Path directory) {
		if (directory == null || directory.toString().isBlank()) {
			throw invalid("directory", null, "Must be set when " + PREFIX + "store is file: the directory of the "
					+ "cursor files, one per follower name");
		}
		return directory;
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
	 * {@code bitcoin.rpc.follow.*}, checked.
	 *
	 * @param name the follower's name
	 * @param startPoint where to start without a stored cursor
	 * @param pollInterval the poll interval, or {@code null} for the core's default
	 * @param failurePolicy what a handler failure does
	 * @param prefetch whole blocks fetched ahead, with FullBlockHandler beans
	 */
	record Settings(String name, StartPoint startPoint, @Nullable Duration pollInterval, FailurePolicy failurePolicy,
			int prefetch) {

		/**
		 * Applies the settings to a builder.
		 * @param builder a follower's builder
		 * @return the builder
		 */
		ChainFollower.Builder apply(ChainFollower.Builder builder) {
			builder.name(this.name).startPoint(this.startPoint).failurePolicy(this.failurePolicy).prefetch(this.prefetch);
			if (this.pollInterval != null) {
				builder.pollInterval(this.pollInterval);
			}
			return builder;
		}

		/**
		 * The poll interval the follower uses.
		 * @param listening whether a wake source listens (polling is then a safety net)
		 * @return the configured interval, or the core's default
		 */
		Duration effectivePollInterval(boolean listening) {
			if (this.pollInterval != null) {
				return this.pollInterval;
			}
			return listening ? CORE_SAFETY_NET_INTERVAL : CORE_POLL_INTERVAL;
		}

	}

}
