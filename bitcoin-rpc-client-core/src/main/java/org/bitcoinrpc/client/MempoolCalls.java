package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.ImportMempoolOptions;
import org.bitcoinrpc.client.model.MempoolCluster;
import org.bitcoinrpc.client.model.MempoolEntry;
import org.bitcoinrpc.client.model.MempoolInfo;
import org.bitcoinrpc.client.model.MempoolSequence;
import org.bitcoinrpc.client.model.OutputRef;
import org.bitcoinrpc.client.model.TxSpending;
import org.bitcoinrpc.client.model.TxSpendingOptions;
import tools.jackson.core.type.TypeReference;

/**
 * Calls about the mempool. btcd and Bitcoin Core share them, with different field sets in
 * {@link MempoolInfo} and {@link MempoolEntry}; btcd does not implement {@code getmempoolentry}.
 */
public interface MempoolCalls extends RpcCalls {

	/** {@code getmempoolinfo}: size and limits (btcd sends only {@code size} and {@code bytes}). */
	@RpcMethod("getmempoolinfo")
	default CompletableFuture<MempoolInfo> getMempoolInfoAsync() {
		return callAsync("getmempoolinfo", List.of(), MempoolInfo.class);
	}

	@RpcMethod("getmempoolinfo")
	default MempoolInfo getMempoolInfo() {
		return RpcCalls.required(Futures.await(getMempoolInfoAsync()), "getmempoolinfo");
	}

	/** {@code getrawmempool}: the txids in the mempool ({@code []} when empty). */
	@RpcMethod("getrawmempool")
	default CompletableFuture<List<String>> getRawMempoolAsync() {
		return callAsync("getrawmempool", List.of(), new TypeReference<List<String>>() {
		});
	}

	@RpcMethod("getrawmempool")
	default List<String> getRawMempool() {
		return RpcCalls.required(Futures.await(getRawMempoolAsync()), "getrawmempool");
	}

	/**
	 * {@code getrawmempool true}: every mempool entry by txid. An empty mempool is {@code {}} on
	 * both nodes, an empty map here.
	 */
	@RpcMethod("getrawmempool")
	default CompletableFuture<Map<String, MempoolEntry>> getRawMempoolVerboseAsync() {
		return callAsync("getrawmempool", List.of(true), new TypeReference<Map<String, MempoolEntry>>() {
		});
	}

	@RpcMethod("getrawmempool")
	default Map<String, MempoolEntry> getRawMempoolVerbose() {
		return RpcCalls.required(Futures.await(getRawMempoolVerboseAsync()), "getrawmempool");
	}

	/**
	 * {@code getrawmempool false true} (Core only): the txids with the mempool sequence number that
	 * the ZMQ {@code sequence} topic counts, so a subscriber can line the two up.
	 */
	@RpcMethod("getrawmempool")
	default CompletableFuture<MempoolSequence> getRawMempoolSequenceAsync() {
		return callAsync("getrawmempool", List.of(false, true), MempoolSequence.class);
	}

	@RpcMethod("getrawmempool")
	default MempoolSequence getRawMempoolSequence() {
		return RpcCalls.required(Futures.await(getRawMempoolSequenceAsync()), "getrawmempool");
	}

	/**
	 * {@code getmempoolentry <txid>} (Core only; btcd answers -1 "Command unimplemented", use
	 * {@link #getRawMempoolVerbose()} there). A txid not in the mempool fails with -5.
	 */
	@RpcMethod("getmempoolentry")
	default CompletableFuture<MempoolEntry> getMempoolEntryAsync(String txid) {
		return CallArguments.checked(() -> callAsync("getmempoolentry", List.of(ChainCalls.checkHash(txid, "txid")), MempoolEntry.class));
	}

	@RpcMethod("getmempoolentry")
	default MempoolEntry getMempoolEntry(String txid) {
		return RpcCalls.required(Futures.await(getMempoolEntryAsync(txid)), "getmempoolentry");
	}

	/**
	 * {@code getmempoolancestors <txid>} (Core only): the txids of a mempool transaction's in-mempool
	 * ancestors, itself excluded. A txid not in the mempool fails with -5.
	 */
	@RpcMethod("getmempoolancestors")
	default CompletableFuture<List<String>> getMempoolAncestorsAsync(String txid) {
		return CallArguments.checked(() -> callAsync("getmempoolancestors", List.of(ChainCalls.checkHash(txid, "txid")), new TypeReference<List<String>>() {
		}));
	}

	@RpcMethod("getmempoolancestors")
	default List<String> getMempoolAncestors(String txid) {
		return RpcCalls.required(Futures.await(getMempoolAncestorsAsync(txid)), "getmempoolancestors");
	}

	/** {@code getmempoolancestors <txid> true} (Core only): the ancestors' mempool entries by txid. */
	@RpcMethod("getmempoolancestors")
	default CompletableFuture<Map<String, MempoolEntry>> getMempoolAncestorsVerboseAsync(String txid) {
		return CallArguments.checked(() -> callAsync("getmempoolancestors", List.of(ChainCalls.checkHash(txid, "txid"), true), new TypeReference<Map<String, MempoolEntry>>() {
		}));
	}

	@RpcMethod("getmempoolancestors")
	default Map<String, MempoolEntry> getMempoolAncestorsVerbose(String txid) {
		return RpcCalls.required(Futures.await(getMempoolAncestorsVerboseAsync(txid)), "getmempoolancestors");
	}

	/**
	 * {@code getmempooldescendants <txid>} (Core only): the txids of a mempool transaction's
	 * in-mempool descendants, itself excluded. A txid not in the mempool fails with -5.
	 */
	@RpcMethod("getmempooldescendants")
	default CompletableFuture<List<String>> getMempoolDescendantsAsync(String txid) {
		return CallArguments.checked(() -> callAsync("getmempooldescendants", List.of(ChainCalls.checkHash(txid, "txid")), new TypeReference<List<String>>() {
		}));
	}

	@RpcMethod("getmempooldescendants")
	default List<String> getMempoolDescendants(String txid) {
		return RpcCalls.required(Futures.await(getMempoolDescendantsAsync(txid)), "getmempooldescendants");
	}

	/** {@code getmempooldescendants <txid> true} (Core only): the descendants' mempool entries by txid. */
	@RpcMethod("getmempooldescendants")
	default CompletableFuture<Map<String, MempoolEntry>> getMempoolDescendantsVerboseAsync(String txid) {
		return CallArguments.checked(() -> callAsync("getmempooldescendants", List.of(ChainCalls.checkHash(txid, "txid"), true), new TypeReference<Map<String, MempoolEntry>>() {
		}));
	}

	@RpcMethod("getmempooldescendants")
	default Map<String, MempoolEntry> getMempoolDescendantsVerbose(String txid) {
		return RpcCalls.required(Futures.await(getMempoolDescendantsVerboseAsync(txid)), "getmempooldescendants");
	}

	/**
	 * {@code getmempoolcluster <txid>} (Core 31 and later): the cluster of a mempool transaction, as
	 * its chunks. A txid not in the mempool fails with -5.
	 */
	@RpcMethod("getmempoolcluster")
	default CompletableFuture<MempoolCluster> getMempoolClusterAsync(String txid) {
		return CallArguments.checked(() -> callAsync("getmempoolcluster", List.of(ChainCalls.checkHash(txid, "txid")), MempoolCluster.class));
	}

	@RpcMethod("getmempoolcluster")
	default MempoolCluster getMempoolCluster(String txid) {
		return RpcCalls.required(Futures.await(getMempoolClusterAsync(txid)), "getmempoolcluster");
	}

	/**
	 * {@code gettxspendingprevout [{txid, vout}, ...]} (btcd and Core): for each output, the
	 * transaction spending it, in the order asked. btcd looks in the mempool only; Core also in
	 * blocks when it runs {@code -txospenderindex}. At least one output is needed.
	 */
	@RpcMethod("gettxspendingprevout")
	default CompletableFuture<List<TxSpending>> getTxSpendingPrevoutAsync(List<OutputRef> outputs) {
		return CallArguments.checked(() -> callAsync("gettxspendingprevout", List.of(checkOutputs(outputs)), new TypeReference<List<TxSpending>>() {
		}));
	}

	@RpcMethod("gettxspendingprevout")
	default List<TxSpending> getTxSpendingPrevout(List<OutputRef> outputs) {
		return RpcCalls.required(Futures.await(getTxSpendingPrevoutAsync(outputs)), "gettxspendingprevout");
	}

	/**
	 * {@code gettxspendingprevout [outputs] <options>} (Core only: btcd takes no options), e.g.
	 * {@code TxSpendingOptions.DEFAULTS.withReturnSpendingTx(true)} for the spending transactions'
	 * hex.
	 */
	@RpcMethod("gettxspendingprevout")
	default CompletableFuture<List<TxSpending>> getTxSpendingPrevoutAsync(List<OutputRef> outputs,
			TxSpendingOptions options) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(options, "options must not be null");
			return callAsync("gettxspendingprevout", List.of(checkOutputs(outputs), options), new TypeReference<List<TxSpending>>() {
			});
		});
	}

	@RpcMethod("gettxspendingprevout")
	default List<TxSpending> getTxSpendingPrevout(List<OutputRef> outputs, TxSpendingOptions options) {
		return RpcCalls.required(Futures.await(getTxSpendingPrevoutAsync(outputs, options)), "gettxspendingprevout");
	}

	/**
	 * {@code savemempool} (Core only): writes the mempool to {@code mempool.dat} in the data
	 * directory.
	 * @return the file's absolute path on the node's machine
	 */
	@RpcMethod("savemempool")
	default CompletableFuture<String> saveMempoolAsync() {
		return callAsync("savemempool", List.of(), new TypeReference<Map<String, String>>() {
		}).thenApply((saved) -> RpcCalls.required(RpcCalls.required(saved, "savemempool").get("filename"), "savemempool"));
	}

	@RpcMethod("savemempool")
	default String saveMempool() {
		return Futures.await(saveMempoolAsync());
	}

	/**
	 * {@code importmempool <path>} (Core only): adds the transactions of a mempool file (on the
	 * node's machine) to the mempool, with Core's default options. Core answers {@code {}}; a large
	 * file can outlast the client's default timeout, so this call takes its own.
	 * @param path the file's path on the node's machine
	 * @param timeout how long to wait for the answer
	 */
	@RpcMethod("importmempool")
	default CompletableFuture<Void> importMempoolAsync(String path, Duration timeout) {
		return importMempoolAsync(path, ImportMempoolOptions.DEFAULTS, timeout);
	}

	@RpcMethod("importmempool")
	default void importMempool(String path, Duration timeout) {
		Futures.await(importMempoolAsync(path, timeout));
	}

	/**
	 * {@code importmempool <path> <options>} (Core only): as {@link #importMempoolAsync(String, Duration)}
	 * with options; options with no member given are not sent.
	 * @param path the file's path on the node's machine
	 * @param options what to take from the file besides the transactions
	 * @param timeout how long to wait for the answer
	 */
	@RpcMethod("importmempool")
	default CompletableFuture<Void> importMempoolAsync(String path, ImportMempoolOptions options, Duration timeout) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(options, "options must not be null");
			return callAsync("importmempool",
					RpcCalls.params(ChainCalls.checkPath(path), options.toJson().isEmpty() ? null : options), Object.class,
					ChainCalls.checkTimeout(timeout, "timeout"))
				.thenApply((ignored) -> null);
		});
	}

	@RpcMethod("importmempool")
	default void importMempool(String path, ImportMempoolOptions options, Duration timeout) {
		Futures.await(importMempoolAsync(path, options, timeout));
	}

	/** A non-empty list of outputs, copied. */
	private static List<OutputRef> checkOutputs(List<OutputRef> outputs) {
		Objects.requireNonNull(outputs, "outputs must not be null");
		if (outputs.isEmpty()) {
			throw new IllegalArgumentException("outputs must not be empty");
		}
		return List.copyOf(outputs);
	}

}
