package org.bitcoinrpc.client.follow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcMethodNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Bitcoin Core's {@code waitfornewblock} as a wake-up over HTTP: one call held open at the node,
 * answered as soon as the tip moves (or after the timeout), so a new block is seen at once
 * without asking every second. Core 28+ takes the tip the caller knows ({@code current_tip}),
 * which closes the race with a block mined just before the call; older ones get the timeout
 * alone; btcd has no such call ({@code -32601}) and the follower polls instead.
 * <p>
 * {@link #caughtUp} is called by the follower's thread; completions run on the client's threads.
 */
final class LongPoll implements WakeSource.Subscription {

	private static final Logger logger = LoggerFactory.getLogger(LongPoll.class);

	/** How long one call waits at the node. */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private enum Support {

		UNKNOWN, WITH_TIP, TIMEOUT_ONLY, NONE

	}

	private final BitcoinRpcClient client;

	private final String follower;

	private final Runnable wake;

	/** What the node takes; learnt from the first answers, written by completions, read by anyone. */
	private volatile Support support = Support.UNKNOWN;

	/** Set once by {@link #close()}. */
	private volatile boolean closed;

	/** Whether a call is at the node; set by {@link #start}, cleared by its completion. */
	private final AtomicBoolean inFlight = new AtomicBoolean();

	LongPoll(BitcoinRpcClient client, String follower, Runnable wake) {
		this.client = client;
		this.follower = follower;
		this.wake = wake;
	}

	/** Whether a call is waiting at the node now: the follower may then poll seldom. */
	@Override
	public boolean isListening() {
		return this.inFlight.get() && this.support != Support.NONE;
	}

	/** Asks the node to answer when its tip is no longer the follower's, unless a call is already waiting. */
	@Override
	public void caughtUp(Cursor tip) {
		start(tip.hash());
	}

	/** The call waiting now, if any, still answers; it then wakes nobody. */
	@Override
	public void close() {
		this.closed = true;
	}

	private void start(String tipHash) {
		Support current = this.support;
		if (this.closed || current == Support.NONE || !this.inFlight.compareAndSet(false, true)) {
			return;
		}
		boolean withTip = current != Support.TIMEOUT_ONLY;
		List<Object> params = withTip ? List.of(TIMEOUT.toMillis(), tipHash) : List.of(TIMEOUT.toMillis());
		this.client.callAsync("waitfornewblock", params, JsonNode.class, TIMEOUT.plusSeconds(10))
			.whenComplete((result, failure) -> {
				this.inFlight.set(false);
				if (this.closed) {
					return;
				}
				if (failure == null) {
					if (this.support == Support.UNKNOWN) {
						this.support = withTip ? Support.WITH_TIP : Support.TIMEOUT_ONLY;
						logger.info("Follower '{}' is woken by waitfornewblock", this.follower);
					}
					this.wake.run();
					return;
				}
				Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
						: failure;
				if (cause instanceof RpcMethodNotFoundException) {
					this.support = Support.NONE;
					logger.info("The node has no waitfornewblock (btcd): follower '{}' polls getbestblockhash", this.follower);
					// The follower may be waiting the long-poll's long interval: back to polling now.
					this.wake.run();
				}
				else if (withTip && this.support == Support.UNKNOWN && cause instanceof RpcErrorException error
						&& isParameterError(error.code())) {
					// A Core before 28 takes no current_tip: try the timeout alone.
					this.support = Support.TIMEOUT_ONLY;
					this.wake.run();
				}
				else {
					// The node down, a timeout, a node still warming up: wake the follower, which polls
					// meanwhile, but not at once, which could spin against a node that fails at once.
					CompletableFuture.runAsync(this.wake, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
				}
			});
	}

	private static boolean isParameterError(int code) {
		return code == RpcErrorCode.INVALID_PARAMETER || code == RpcErrorCode.INVALID_PARAMS
				|| code == RpcErrorCode.MISC_ERROR || code == RpcErrorCode.TYPE_ERROR;
	}

}
