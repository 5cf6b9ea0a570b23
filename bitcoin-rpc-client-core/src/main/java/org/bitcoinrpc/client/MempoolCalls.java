package org.bitcoinrpc.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.MempoolEntry;
import org.bitcoinrpc.client.model.MempoolInfo;
import org.bitcoinrpc.client.model.MempoolSequence;
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
		return callAsync("getmempoolentry", List.of(ChainCalls.checkHash(txid, "txid")), MempoolEntry.class);
	}

	@RpcMethod("getmempoolentry")
	default MempoolEntry getMempoolEntry(String txid) {
		return RpcCalls.required(Futures.await(getMempoolEntryAsync(txid)), "getmempoolentry");
	}

}
