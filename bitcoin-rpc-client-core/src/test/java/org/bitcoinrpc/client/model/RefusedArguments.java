package org.bitcoinrpc.client.model;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.assertj.core.api.ThrowableAssertAlternative;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts the rule every typed call follows for a bad argument: the {@code ...Async} form does not
 * throw, it returns a future already failed with the check's exception.
 */
final class RefusedArguments {

	private RefusedArguments() {
	}

	/**
	 * Asserts that {@code future} has already failed with exactly {@code type}; chain a message
	 * check on the result.
	 */
	static ThrowableAssertAlternative<?> assertRefused(CompletableFuture<?> future,
			Class<? extends RuntimeException> type) {
		return assertThat(future).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isExactlyInstanceOf(type);
	}

}
