package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import tools.jackson.core.type.TypeReference;

/**
 * A view of a {@link BitcoinRpcClient} whose calls go to one Bitcoin Core wallet, at
 * {@code /wallet/<name>} (the name URL-encoded). It shares the client's connections, timeouts
 * and lifecycle; it is cheap, so take one per wallet or per call: {@code client.wallet("w1")}.
 */
public final class WalletClient implements WalletCalls, ChainCalls, MempoolCalls, TransactionCalls, PsbtCalls,
		NetworkCalls, MiningCalls, UtilityCalls, WalletSpendCalls, WalletManagementCalls {

	private final BitcoinRpcClient client;

	private final String name;

	WalletClient(BitcoinRpcClient client, String name) {
		this.client = client;
		this.name = Objects.requireNonNull(name, "wallet name must not be null");
	}

	/** The wallet's name. */
	public String name() {
		return this.name;
	}

	/** A batch whose calls all go to this wallet. */
	public RpcBatch batch() {
		return new RpcBatch(this.client, this.name);
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType) {
		return this.client.send(method, params, resultType, resultType, null, this.name);
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType, Duration timeout) {
		return this.client.send(method, params, resultType, resultType, timeout, this.name);
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType) {
		return this.client.send(method, params, resultType.getType(), resultType, null, this.name);
	}

	@Override
	public <T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType,
			Duration timeout) {
		return this.client.send(method, params, resultType.getType(), resultType, timeout, this.name);
	}

	@Override
	public String toString() {
		return "WalletClient[" + this.name + " at " + this.client.options().url() + "]";
	}

}
