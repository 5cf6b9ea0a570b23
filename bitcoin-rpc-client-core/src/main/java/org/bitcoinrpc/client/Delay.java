package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before reconnect (or retry) attempt {@code n}, counted from 1. The counter
 * restarts at 1 after a good connection.
 */
@FunctionalInterface
public interface Delay {

	/** The delay before attempt {@code attempt} (1 for the first). */
	Duration delay(int attempt);

	/** The same delay every time. */
	static Delay constant(Duration delay) {
		requirePositive(delay, "delay");
		return (attempt) -> delay;
	}

	/**
	 * {@code step} times the attempt number, at most {@code max}: the Go client's policy
	 * (5 s, 10 s, ... up to 60 s) with {@code linear(Duration.ofSeconds(5), Duration.ofSeconds(60))}.
	 */
	static Delay linear(Duration step, Duration max) {
		requirePositive(step, "step");
		requirePositive(max, "max");
		return (attempt) -> {
			Duration delay = step.multipliedBy(Math.max(1, attempt));
			return (delay.compareTo(max) > 0 || delay.isNegative()) ? max : delay;
		};
	}

	/** {@code initial} doubled at each attempt, at most {@code max}, with full jitter. */
	static Delay exponentialWithJitter(Duration initial, Duration max) {
		return exponentialWithJitter(initial, max, () -> ThreadLocalRandom.current().nextDouble());
	}

	/**
	 * {@code initial} doubled at each attempt, capped at {@code max}, then scaled by a random
	 * factor in {@code [0.5, 1.0)} from {@code random} (values in {@code [0, 1)}), so that many
	 * clients of one restarted node do not reconnect in lock-step.
	 */
	static Delay exponentialWithJitter(Duration initial, Duration max, DoubleSupplier random) {
		requirePositive(initial, "initial");
		requirePositive(max, "max");
		Objects.requireNonNull(random, "random must not be null");
		return (attempt) -> {
			int shift = Math.min(Math.max(0, attempt - 1), 30);
			long nanos = initial.toNanos();
			long capped = (nanos > (max.toNanos() >> shift)) ? max.toNanos() : Math.min(max.toNanos(), nanos << shift);
			double factor = 0.5 + 0.5 * Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
			return Duration.ofNanos(Math.max(1, (long) (capped * factor)));
		};
	}

	private static void requirePositive(Duration value, String name) {
		Objects.requireNonNull(value, name + " must not be null");
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}

}
