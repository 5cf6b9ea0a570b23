package org.bitcoinrpc.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Argument checks shared by every typed call interface. The rule: an {@code ...Async} call with a
 * bad argument never throws; it returns a future failed with the {@link IllegalArgumentException}
 * or {@link NullPointerException} the check raised, so a caller composing futures sees the mistake
 * where it handles failures, as {@link BitcoinRpcClient} does for a bad timeout. The blocking form
 * throws that same exception unwrapped, through {@code Futures.await}.
 */
final class CallArguments {

	private CallArguments() {
	}

	/**
	 * Runs a typed call's argument checks and request: the call's future, or a future failed with
	 * the {@link IllegalArgumentException} or {@link NullPointerException} a check threw.
	 */
	static <T> CompletableFuture<T> checked(Supplier<CompletableFuture<T>> call) {
		try {
			return call.get();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** A non-blank text argument. */
	static String checkNotBlank(String value, String argument) {
		if (value == null) {
			throw new NullPointerException(argument + " must not be null");
		}
		if (value.isBlank()) {
			throw new IllegalArgumentException(argument + " must not be blank");
		}
		return value;
	}

	/** A non-null argument. */
	static <T> T checkNotNull(T value, String argument) {
		if (value == null) {
			throw new NullPointerException(argument + " must not be null");
		}
		return value;
	}

}
