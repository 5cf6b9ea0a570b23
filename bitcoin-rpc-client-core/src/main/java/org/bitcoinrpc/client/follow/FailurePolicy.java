package org.bitcoinrpc.client.follow;

import java.time.Duration;
import java.util.Objects;

import org.bitcoinrpc.client.Delay;

/**
 * What a follower does when its {@link BlockHandler} throws. Never "go on as if nothing
 * happened": a block is retried, or the follower stops, or the block is skipped with a
 * {@link FollowerEvent.BlockSkipped} and an ERROR in the log.
 */
public sealed interface FailurePolicy {

	/** The first wait of {@link #DEFAULT}. */
	Duration DEFAULT_RETRY_INITIAL_DELAY = Duration.ofSeconds(1);

	/** The longest wait of {@link #DEFAULT}. */
	Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofMinutes(1);

	/** The default: retry the same block with exponential back-off from 1 s to 1 min, with jitter. */
	FailurePolicy DEFAULT = retry(Delay.exponentialWithJitter(DEFAULT_RETRY_INITIAL_DELAY, DEFAULT_RETRY_MAX_DELAY));

	/** Retry the same block for ever, waiting {@code delay.delay(attempt)} before attempt {@code attempt + 1}. */
	static FailurePolicy retry(Delay delay) {
		return new Retry(Objects.requireNonNull(delay, "delay must not be null"));
	}

	/** Stop the follower: the cursor stays before the block, which a restarted follower offers again. */
	static FailurePolicy stop() {
		return Stop.INSTANCE;
	}

	/** Move past the block as if handled, with a {@link FollowerEvent.BlockSkipped} and an ERROR in the log. */
	static FailurePolicy skip() {
		return Skip.INSTANCE;
	}

	/** {@link #retry(Delay)}. */
	record Retry(Delay delay) implements FailurePolicy {
	}

	/** {@link #stop()}. */
	enum Stop implements FailurePolicy {

		INSTANCE

	}

	/** {@link #skip()}. */
	enum Skip implements FailurePolicy {

		INSTANCE

	}

}
