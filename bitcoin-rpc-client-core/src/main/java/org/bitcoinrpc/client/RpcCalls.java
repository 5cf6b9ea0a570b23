package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * The generic call, which every typed call is built on. Each comes in two forms: the
 * {@code ...Async} form returns a future that always completes (see {@link BitcoinRpcClient}),
 * the plain form blocks for it and throws the same exceptions unwrapped.
 * <p>
 * Arguments follow the same rule in every call interface: an {@code ...Async} call never throws
 * for a bad argument (null, blank, out of range, malformed hash...); it returns a future failed
 * with the {@link IllegalArgumentException} or {@link NullPointerException} that names the
 * argument, before anything is sent. The blocking form throws that exception unwrapped.
 */
public interface RpcCalls {

	/** Calls any method with the client's default timeout; the result is decoded into {@code resultType}. */
	<T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType);

	/** Calls any method with its own timeout. */
	<T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType, Duration timeout);

	/** Calls any method with a generic result type, e.g. {@code new TypeReference<List<String>>() {}}. */
	<T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType);

	/** Calls any method with a generic result type and its own timeout. */
	<T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType, Duration timeout);

	/** Blocking form of {@link #callAsync(String, List, Class)}. */
	default <T> @Nullable T call(String method, List<?> params, Class<T> resultType) {
		return Futures.await(callAsync(method, params, resultType));
	}

	/** Blocking form of {@link #callAsync(String, List, Class, Duration)}. */
	default <T> @Nullable T call(String method, List<?> params, Class<T> resultType, Duration timeout) {
		return Futures.await(callAsync(method, params, resultType, timeout));
	}

	/** Blocking form of {@link #callAsync(String, List, TypeReference)}. */
	default <T> @Nullable T call(String method, List<?> params, TypeReference<T> resultType) {
		return Futures.await(callAsync(method, params, resultType));
	}

	/**
	 * Positional params with optional arguments left out: a {@code null} stands for "not given"
	 * and is sent as JSON {@code null}, which both nodes read as the argument's default; trailing
	 * ones are dropped, so a call with no optional arguments sends what the recordings show.
	 * @param values the arguments in the method's order, {@code null} for any not given
	 * @return the params list (unmodifiable, may contain nulls)
	 */
	static List<@Nullable Object> params(@Nullable Object... values) {
		int end = values.length;
		while (end > 0 && values[end - 1] == null) {
			end--;
		}
		return java.util.Collections.unmodifiableList(java.util.Arrays.asList(java.util.Arrays.copyOf(values, end)));
	}

	/** A call's non-null result, or a protocol error naming the method. */
	static <T> T required(@Nullable T value, String method) {
		if (value == null) {
			throw new RpcProtocolException(method + " returned null");
		}
		return value;
	}

}
