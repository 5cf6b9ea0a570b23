package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.ResendPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries over HTTP, after a failure the transport calls transient (the node could not be
 * reached, or was busy) or the node's {@code -28} (warming up): a call the {@link ResendPolicy}
 * deems safe is posted again after the {@link Delay} for its attempt, at most
 * {@link #MAX_RETRIES} times and only while the wait ends before the call's own timeout. Here
 * rather than in the transport because each question it asks is about the call: its method, its
 * attempts so far, its time left. Counts what it resends. Thread-safe.
 */
public final class Retries {

	/** Retries of one call at most, whatever its timeout would still allow. */
	public static final int MAX_RETRIES = 3;

	private static final Logger logger = LoggerFactory.getLogger(Retries.class);

	private final ResendPolicy policy;

	private final Delay delay;

	private final ScheduledExecutorService timer;

	private final AtomicLong resent;

	Retries(ResendPolicy policy, Delay delay, ScheduledExecutorService timer, AtomicLong resent) {
		this.policy = policy;
		this.delay = delay;
		this.timer = timer;
		this.resent = resent;
	}

	/**
	 * Schedules {@code repost} if the call may be retried, and returns whether it did; if not, the
	 * caller fails the call with {@code failure}.
	 */
	boolean retry(PendingRequest<?> request, RuntimeException failure, Runnable repost) {
		if (!this.policy.isSafeToResend(request.method())) {
			return false;
		}
		int attempt = request.nextAttempt();
		if (attempt > MAX_RETRIES + 1) {
			return false;
		}
		Duration wait = this.delay.delay(attempt - 1);
		if (wait.toNanos() >= request.remainingNanos()) {
			return false;
		}
		logger.debug("Retrying {} (id {}) in {} ms, attempt {}: {}", request.method(), request.id(), wait.toMillis(),
				attempt, failure.getMessage());
		try {
			this.timer.schedule(() -> {
				if (!request.future().isDone()) {
					repost.run();
				}
			}, wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
		this.resent.incrementAndGet();
		return true;
	}

}
