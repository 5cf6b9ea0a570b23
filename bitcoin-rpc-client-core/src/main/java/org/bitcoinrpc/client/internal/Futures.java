package org.bitcoinrpc.client.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.bitcoinrpc.client.BitcoinRpcException;
import org.jspecify.annotations.Nullable;

/**
 * The blocking side of the API: waits for a call's future and rethrows its failure as it is.
 */
public final class Futures {

	private Futures() {
	}

	/**
	 * Waits for a future and rethrows its failure (the client's exceptions are unchecked).
	 * Interruption fails the wait, not the call: the call still completes later. No timeout is
	 * needed here: every call's future completes by its own timeout.
	 */
	public static <T> T await(CompletableFuture<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException | CompletionException ex) {
			throw rethrow(ex.getCause());
		}
		catch (CancellationException ex) {
			throw new BitcoinRpcException("The call was cancelled", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BitcoinRpcException("Interrupted while waiting for the reply", ex);
		}
	}

	/** The failure inside the wrappers {@code CompletableFuture} stages put around it. */
	static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static RuntimeException rethrow(@Nullable Throwable cause) {
		if (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new BitcoinRpcException(String.valueOf(cause), cause);
	}

}
