package org.bitcoinrpc.spring.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionState;
import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcTimeoutException;
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
 */
public class BitcoinRpcHealthIndicator extends AbstractHealthIndicator {

	/** The default time {@code getblockcount} may take before the node counts as DOWN. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private final BitcoinRpcClient client;

	private final Supplier<@Nullable Throwable> lastConnectionFailure;

	private final Duration timeout;

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
		super("Bitcoin RPC health check failed");
		this.client = client;
		this.lastConnectionFailure = lastConnectionFailure;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		ConnectionState state = this.client.state();
		builder.withDetail("url", this.client.options().url().toString())
			.withDetail("mode", this.client.options().mode().name())
			.withDetail("state", state.name())
			.withDetail("pendingRequests", this.client.pendingRequests())
			.withDetail("reconnectAttempts", this.client.reconnectAttempts());
		if (state != ConnectionState.CONNECTED) {
			Throwable failure = this.lastConnectionFailure.get();
			builder.down().withDetail("reason", (failure instanceof RpcAuthenticationException)
					? "authentication failed" : "not connected");
			if (failure != null) {
				builder.withDetail("error", describe(failure));
			}
			return;
		}
		try {
			Long height = this.client.callAsync("getblockcount", List.of(), Long.class, this.timeout)
				// The call's own timeout completes the future; this bound is only a safety net.
				.get(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
			builder.up().withDetail("blockHeight", (height != null) ? height : -1L);
		}
		catch (ExecutionException | CompletionException ex) {
			Throwable cause = unwrap(ex);
			String reason = (cause instanceof RpcAuthenticationException) ? "authentication failed"
					: (cause instanceof RpcTimeoutException) ? "timeout" : "error";
			builder.down().withDetail("reason", reason).withDetail("error", describe(cause));
		}
		catch (TimeoutException ex) {
			builder.down()
				.withDetail("reason", "timeout")
				.withDetail("error", "getblockcount did not answer within " + this.timeout);
		}
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
