package org.bitcoinrpc.spring.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionState;
import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcTimeoutException;
import org.bitcoinrpc.client.zmq.ZmqStats;
import org.bitcoinrpc.client.zmq.ZmqTopic;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of a {@link BitcoinRpcClient}: UP when it is connected and {@code getblockcount}
 * answers within a short timeout, DOWN otherwise, with the reason.
 * <p>
 * Details: {@code url} (the client's URL, which never holds credentials), {@code mode},
 * {@code state}, {@code pendingRequests}, {@code reconnectAttempts} and, when UP,
 * {@code blockHeight}; when DOWN, {@code reason} (one of {@code not connected},
 * {@code authentication failed}, {@code timeout}, {@code error}) and {@code error}. No detail
 * ever holds a user, password or cookie.
 * <p>
 * {@code state} is the client's state after the check's call, so it never says
 * {@code CONNECTED} next to a connection the call just found lost (over HTTP a failed call is how
 * the client learns that the node is gone): {@code not connected} then, with the call's error.
 * While the client is not connected no call is made and {@code error} is the last connection
 * failure, or the client's {@link BitcoinRpcClient#connectionStatus() status}.
 * <p>
 * With ZMQ notifications configured, the detail {@code zmq} describes the subscriber:
 * {@code subscribed} (false while waiting for the RPC connection or the node's endpoints), and
 * once subscribed {@code endpoints}, {@code connectedEndpoints}, {@code messages} (per topic),
 * {@code gaps}, {@code missedMessages}, {@code lastMessageTime} and {@code lastMessageAge} (ISO-8601,
 * once a message arrived), {@code reconnects}, {@code sequenceResets} and {@code decodeErrors}.
 * ZMQ does not change the status: it is the RPC connection's (a follower woken by ZMQ polls while
 * ZMQ is down).
 * <p>
 * With the chain follower on, the detail {@code follow} describes it (see
 * {@link BitcoinRpcFollowHealth}), and while the node answers the health is DOWN with the
 * reason {@value BitcoinRpcFollowHealth#STOPPED} when the follower stopped by itself, or
 * {@value BitcoinRpcFollowHealth#LAGGING} when it is more blocks behind than its maximum lag.
 */
public class BitcoinRpcHealthIndicator extends AbstractHealthIndicator {

	/** The default time {@code getblockcount} may take before the node counts as DOWN. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final BitcoinRpcClient client;

	private final Supplier<@Nullable Throwable> lastConnectionFailure;

	private final Duration timeout;

	private final @Nullable Supplier<@Nullable ZmqStats> zmqStats;

	private final @Nullable BitcoinRpcFollowHealth follow;

	/**
	 * An indicator with the default timeout and no knowledge of connection failures.
	 * @param client the client
	 */
	public BitcoinRpcHealthIndicator(BitcoinRpcClient client) {
		this(client, () -> null, DEFAULT_TIMEOUT);
	}

	/**
	 * An indicator.
	 * @param client the client
	 * @param lastConnectionFailure why the client is not connected, if known (the first attempt's
	 * error, or the latest reconnect failure), to report while it is not
	 * @param timeout time {@code getblockcount} may take
	 */
	public BitcoinRpcHealthIndicator(BitcoinRpcClient client, Supplier<@Nullable Throwable> lastConnectionFailure,
			Duration timeout) {
		this(client, lastConnectionFailure, timeout, null);
	}

	/**
	 * An indicator that also reports a ZMQ subscriber.
	 * @param client the client
	 * @param lastConnectionFailure why the client is not connected, if known (the first attempt's
	 * error, or the latest reconnect failure), to report while it is not
	 * @param timeout time {@code getblockcount} may take
	 * @param zmqStats the ZMQ subscriber's counters, {@code null} when not subscribed; {@code null}
	 * itself when ZMQ is not configured (no {@code zmq} detail)
	 */
	public BitcoinRpcHealthIndicator(BitcoinRpcClient client, Supplier<@Nullable Throwable> lastConnectionFailure,
			Duration timeout, @Nullable Supplier<@Nullable ZmqStats> zmqStats) {
		this(client, lastConnectionFailure, timeout, zmqStats, null);
	}

	/**
	 * An indicator that also reports a ZMQ subscriber and a chain follower.
	 * @param client the client
	 * @param lastConnectionFailure why the client is not connected, if known (the first attempt's
	 * error, or the latest reconnect failure), to report while it is not
	 * @param timeout time {@code getblockcount} may take
	 * @param zmqStats the ZMQ subscriber's counters, {@code null} when not subscribed; {@code null}
	 * itself when ZMQ is not configured (no {@code zmq} detail)
	 * @param follow the chain follower's detail and rules; {@code null} when there is no follower
	 * (no {@code follow} detail)
	 */
	public BitcoinRpcHealthIndicator(BitcoinRpcClient client, Supplier<@Nullable Throwable> lastConnectionFailure,
			Duration timeout, @Nullable Supplier<@Nullable ZmqStats> zmqStats, @Nullable BitcoinRpcFollowHealth follow) {
		super("Bitcoin RPC health check failed");
		this.client = client;
		this.lastConnectionFailure = lastConnectionFailure;
		this.timeout = timeout;
		this.zmqStats = zmqStats;
		this.follow = follow;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		ConnectionState state = this.client.state();
		Long height = null;
		Throwable callFailure = null;
		if (state == ConnectionState.CONNECTED) {
			try {
				height = this.client.callAsync("getblockcount", List.of(), Long.class, this.timeout)
					// The call's own timeout completes the future; this bound is only a safety net.
					.get(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException | CompletionException ex) {
				callFailure = unwrap(ex);
			}
			catch (TimeoutException ex) {
				callFailure = new RpcTimeoutException("getblockcount did not answer within " + this.timeout);
			}
			// The call may have found the node gone (over HTTP that is how the client learns it):
			// report the state it left, never CONNECTED next to a lost connection.
			state = this.client.state();
		}
		builder.withDetail("url", this.client.options().url().toString())
			.withDetail("mode", this.client.options().mode().name())
			.withDetail("state", state.name())
			.withDetail("pendingRequests", this.client.pendingRequests())
			.withDetail("reconnectAttempts", this.client.reconnectAttempts());
		if (this.zmqStats != null) {
			builder.withDetail("zmq", zmqDetails(this.zmqStats.get(), Instant.now()));
		}
		BitcoinRpcFollowHealth.Check follow = null;
		if (this.follow != null) {
			// The node's height just asked: the follower's own view stops while a handler is stuck.
			follow = this.follow.check(Instant.now(), (state == ConnectionState.CONNECTED) ? height : null);
			builder.withDetail("follow", follow.details());
		}
		if (state != ConnectionState.CONNECTED) {
			notConnected(builder, callFailure);
			return;
		}
		if (callFailure == null) {
			builder.withDetail("blockHeight", (height != null) ? height : -1L);
			// The node answers: only then can the follower be at fault, so its reason comes second.
			String followReason = (follow != null) ? follow.downReason() : null;
			if (followReason != null) {
				builder.down().withDetail("reason", followReason);
			}
			else {
				builder.up();
			}
			return;
		}
		// Connected, and the node answered with an error or too late.
		String reason = (callFailure instanceof RpcAuthenticationException) ? "authentication failed"
				: (callFailure instanceof RpcTimeoutException) ? "timeout" : "error";
		builder.down().withDetail("reason", reason).withDetail("error", describe(callFailure));
	}

	/**
	 * DOWN for a client that is not connected: the reason, and the error from the freshest source,
	 * the call that just failed, else the lifecycle's typed error, else the client's own status.
	 */
	private void notConnected(Health.Builder builder, @Nullable Throwable callFailure) {
		Throwable failure = (callFailure != null) ? callFailure : this.lastConnectionFailure.get();
		builder.down().withDetail("reason", (failure instanceof RpcAuthenticationException)
				? "authentication failed" : "not connected");
		if (failure != null) {
			builder.withDetail("error", describe(failure));
		}
		else {
			String status = this.client.connectionStatus();
			if (!status.isEmpty()) {
				builder.withDetail("error", status);
			}
		}
	}

	/**
	 * The {@code zmq} detail for a subscriber's counters.
	 * @param stats the counters, or {@code null} when not subscribed
	 * @param now the time to measure the last message's age at
	 * @return the detail
	 */
	static Map<String, Object> zmqDetails(@Nullable ZmqStats stats, Instant now) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("subscribed", stats != null);
		if (stats == null) {
			return details;
		}
		details.put("endpoints", stats.endpoints());
		details.put("connectedEndpoints", stats.connectedEndpoints());
		Map<String, Long> messages = new LinkedHashMap<>();
		for (ZmqTopic topic : ZmqTopic.values()) {
			if (stats.messages().containsKey(topic)) {
				messages.put(topic.wireName(), stats.messages(topic));
			}
		}
		details.put("messages", messages);
		details.put("gaps", stats.gaps());
		details.put("missedMessages", stats.missedMessages());
		Instant last = stats.lastMessageTime();
		if (last != null) {
			Duration age = Duration.between(last, now);
			details.put("lastMessageTime", last.toString());
			details.put("lastMessageAge", (age.isNegative() ? Duration.ZERO : age).toString());
		}
		details.put("reconnects", stats.reconnects());
		details.put("sequenceResets", stats.sequenceResets());
		details.put("decodeErrors", stats.decodeErrors());
		return details;
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/** The client's messages name the URL without credentials and never hold a password or cookie. */
	private static String describe(Throwable failure) {
		return failure.getClass().getName() + ": " + failure.getMessage();
	}

}
