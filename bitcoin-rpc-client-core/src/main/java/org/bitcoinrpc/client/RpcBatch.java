package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.PendingRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Several calls sent as one JSON-RPC batch (a JSON array in one POST or one websocket frame).
 * Each call has its own future, completed from its own element of the reply: one failing call
 * does not fail the others.
 * <pre>{@code
 * RpcBatch batch = client.batch();
 * CompletableFuture<Long> height = batch.add("getblockcount", List.of(), Long.class);
 * CompletableFuture<String> tip = batch.add("getbestblockhash", List.of(), String.class);
 * batch.send();
 * }</pre>
 * The futures complete only after {@link #send()}. Not thread-safe: build a batch on one thread.
 */
public final class RpcBatch {

	private final BitcoinRpcClient client;

	private final @Nullable String wallet;

	private final List<PendingRequest<?>> requests = new ArrayList<>();

	private boolean sent;

	RpcBatch(BitcoinRpcClient client, @Nullable String wallet) {
		this.client = client;
		this.wallet = wallet;
	}

	/** Adds a call with the client's default timeout. */
	public <T> CompletableFuture<T> add(String method, List<?> params, Class<T> resultType) {
		return add(this.client.newRequest(method, params, resultType, resultType, null, this.wallet));
	}

	/** Adds a call with a generic result type. */
	public <T> CompletableFuture<T> add(String method, List<?> params, TypeReference<T> resultType) {
		return add(this.client.newRequest(method, params, resultType.getType(), resultType, null, this.wallet));
	}

	/** Adds a call with its own timeout, counted from {@link #send()}. */
	public <T> CompletableFuture<T> add(String method, List<?> params, Class<T> resultType, Duration timeout) {
		return add(this.client.newRequest(method, params, resultType, resultType, timeout, this.wallet));
	}

	private <T> CompletableFuture<T> add(PendingRequest<T> request) {
		if (this.sent) {
			throw new IllegalStateException("This batch was already sent; start a new one with client.batch()");
		}
		this.requests.add(request);
		return request.future();
	}

	/** How many calls the batch holds. */
	public int size() {
		return this.requests.size();
	}

	/**
	 * Sends the batch. Returns a future that completes once every call's future has (each with its
	 * own result or error); it never fails itself.
	 */
	public CompletableFuture<Void> send() {
		if (this.sent) {
			throw new IllegalStateException("This batch was already sent");
		}
		if (this.requests.isEmpty()) {
			throw new IllegalStateException("The batch is empty: add calls before sending it");
		}
		this.sent = true;
		this.client.sendBatch(List.copyOf(this.requests));
		return CompletableFuture.allOf(this.requests.stream().map(PendingRequest::future).toArray(CompletableFuture[]::new))
			.handle((ignored, failure) -> null);
	}

	@Override
	public String toString() {
		return "RpcBatch[" + this.requests.size() + " calls" + ((this.wallet == null) ? "" : ", wallet " + this.wallet) + "]";
	}

}
