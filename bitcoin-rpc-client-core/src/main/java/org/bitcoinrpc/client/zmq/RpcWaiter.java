package org.bitcoinrpc.client.zmq;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Waits on the receive thread for one RPC call of the {@link BlockSource}, bounded by the RPC
 * timeout, and gives up at once when the subscriber is closed, so {@code close()} never waits for
 * a slow node. Blocking here is deliberate: while the receive thread waits, new ZMQ messages queue
 * in the sockets (up to the high-water mark) and are applied afterwards, in order.
 */
final class RpcWaiter {

	private final Duration timeout;

	/** Completed once by {@code close()} from any thread. */
	private final CompletableFuture<Void> closed;

	RpcWaiter(Duration timeout, CompletableFuture<Void> closed) {
		this.timeout = timeout;
		this.closed = closed;
	}

	<T> T await(CompletableFuture<T> call, String what) {
		try {
			CompletableFuture.anyOf(call, this.closed).get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Closed();
		}
		catch (TimeoutException ex) {
			throw new RpcFailed(what + " timed out after " + this.timeout.toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			// anyOf failed: the call failed (closed only ever completes normally).
		}
		if (this.closed.isDone()) {
			throw new Closed();
		}
		T value;
		try {
			value = call.join();
		}
		catch (CompletionException | CancellationException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new RpcFailed(what + " failed: " + cause, cause);
		}
		if (value == null) {
			throw new RpcFailed(what + " returned null", null);
		}
		return value;
	}

	/** An RPC call failed or timed out; the caller retries later. */
	static final class RpcFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RpcFailed(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	/** The subscriber was closed while waiting; unwinds the receive thread. */
	static final class Closed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Closed() {
			super("The ZMQ subscriber was closed", null, false, false);
		}

	}

}
