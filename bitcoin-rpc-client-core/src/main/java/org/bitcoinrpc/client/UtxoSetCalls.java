package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.LoadedUtxoSnapshot;
import org.bitcoinrpc.client.model.ScanBlocksResult;
import org.bitcoinrpc.client.model.ScanObject;
import org.bitcoinrpc.client.model.ScanProgress;
import org.bitcoinrpc.client.model.ScanTxOutSetResult;
import org.bitcoinrpc.client.model.TxOutSetHashType;
import org.bitcoinrpc.client.model.TxOutSetInfo;
import org.bitcoinrpc.client.model.UtxoSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * Bitcoin Core's calls over the whole UTXO set or the whole chain: snapshots, statistics and scans
 * for the coins of descriptors (btcd has none of them and answers -32601). They read every coin or
 * every block filter, so each comes with a form taking the call's own timeout, and those that
 * usually outlast the client's default take one always.
 */
public interface UtxoSetCalls extends RpcCalls {

	/**
	 * {@code dumptxoutset <path> latest} (Core only): writes an assumeutxo snapshot of the current
	 * UTXO set to a new file on the node's machine (an existing file fails with -8). Reads the whole
	 * set, so the call takes its own timeout.
	 * @param path where the node writes the file, absolute or relative to its data directory
	 * @param timeout how long to wait for the answer
	 */
	@RpcMethod("dumptxoutset")
	default CompletableFuture<UtxoSnapshot> dumpTxOutSetAsync(String path, Duration timeout) {
		return CallArguments.checked(() -> callAsync("dumptxoutset", List.of(ChainCalls.checkPath(path), "latest"), UtxoSnapshot.class,
				ChainCalls.checkTimeout(timeout, "timeout")));
	}

	@RpcMethod("dumptxoutset")
	default UtxoSnapshot dumpTxOutSet(String path, Duration timeout) {
		return RpcCalls.required(Futures.await(dumpTxOutSetAsync(path, timeout)), "dumptxoutset");
	}

	/**
	 * {@code dumptxoutset <path> rollback {"rollback": <height>}} (Core only): a snapshot of the UTXO
	 * set as of a past height. The node rolls its chain back to it and forward again meanwhile, and
	 * does not relay or validate blocks until done: give it a generous timeout.
	 * @param path where the node writes the file
	 * @param height the height of the snapshot's base block
	 * @param timeout how long to wait for the answer
	 */
	@RpcMethod("dumptxoutset")
	default CompletableFuture<UtxoSnapshot> dumpTxOutSetAsync(String path, long height, Duration timeout) {
		return CallArguments.checked(() -> callAsync("dumptxoutset",
				List.of(ChainCalls.checkPath(path), "rollback", Map.of("rollback", ChainCalls.checkCount(height, "height"))),
				UtxoSnapshot.class, ChainCalls.checkTimeout(timeout, "timeout")));
	}

	@RpcMethod("dumptxoutset")
	default UtxoSnapshot dumpTxOutSet(String path, long height, Duration timeout) {
		return RpcCalls.required(Futures.await(dumpTxOutSetAsync(path, height, timeout)), "dumptxoutset");
	}

	/**
	 * {@code loadtxoutset <path>} (Core only): loads an assumeutxo snapshot and syncs from it, then
	 * validates the history in the background. Only snapshots at the heights hard-coded in Core's
	 * chain parameters load; any other fails with -32603 "Unable to load UTXO snapshot" (mapped to
	 * {@link RpcErrorException}). Typed from Core's help text: the recordings have no success.
	 * @param path the snapshot file on the node's machine
	 * @param timeout how long to wait for the answer (loading reads the whole file)
	 */
	@RpcMethod("loadtxoutset")
	default CompletableFuture<LoadedUtxoSnapshot> loadTxOutSetAsync(String path, Duration timeout) {
		return CallArguments.checked(() -> callAsync("loadtxoutset", List.of(ChainCalls.checkPath(path)), LoadedUtxoSnapshot.class,
				ChainCalls.checkTimeout(timeout, "timeout")));
	}

	@RpcMethod("loadtxoutset")
	default LoadedUtxoSnapshot loadTxOutSet(String path, Duration timeout) {
		return RpcCalls.required(Futures.await(loadTxOutSetAsync(path, timeout)), "loadtxoutset");
	}

	/**
	 * {@code gettxoutsetinfo} (Core only): UTXO set statistics at the tip with Core's default hash,
	 * {@code hash_serialized_3}, within the client's default timeout. Without
	 * {@code -coinstatsindex} the node reads the whole set, which takes minutes on mainnet: use
	 * {@link #getTxOutSetInfoAsync(TxOutSetHashType, Duration)} there.
	 */
	@RpcMethod("gettxoutsetinfo")
	default CompletableFuture<TxOutSetInfo> getTxOutSetInfoAsync() {
		return callAsync("gettxoutsetinfo", List.of(), TxOutSetInfo.class);
	}

	@RpcMethod("gettxoutsetinfo")
	default TxOutSetInfo getTxOutSetInfo() {
		return RpcCalls.required(Futures.await(getTxOutSetInfoAsync()), "gettxoutsetinfo");
	}

	/**
	 * {@code gettxoutsetinfo <hash_type>} (Core only) at the tip, with the call's own timeout.
	 * @param hashType the hash to compute
	 * @param timeout how long to wait for the answer
	 */
	@RpcMethod("gettxoutsetinfo")
	default CompletableFuture<TxOutSetInfo> getTxOutSetInfoAsync(TxOutSetHashType hashType, Duration timeout) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(hashType, "hashType must not be null");
			return callAsync("gettxoutsetinfo", List.of(hashType.wireName()), TxOutSetInfo.class,
					ChainCalls.checkTimeout(timeout, "timeout"));
		});
	}

	@RpcMethod("gettxoutsetinfo")
	default TxOutSetInfo getTxOutSetInfo(TxOutSetHashType hashType, Duration timeout) {
		return RpcCalls.required(Futures.await(getTxOutSetInfoAsync(hashType, timeout)), "gettxoutsetinfo");
	}

	/**
	 * {@code gettxoutsetinfo <hash_type> <height>} (Core only): the statistics as of a past height,
	 * which needs {@code -coinstatsindex} and a hash type of {@code muhash} or {@code none}.
	 * @param hashType the hash to compute
	 * @param height the height of the block to report on
	 * @param timeout how long to wait for the answer
	 */
	@RpcMethod("gettxoutsetinfo")
	default CompletableFuture<TxOutSetInfo> getTxOutSetInfoAsync(TxOutSetHashType hashType, long height,
			Duration timeout) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(hashType, "hashType must not be null");
			return callAsync("gettxoutsetinfo", List.of(hashType.wireName(), ChainCalls.checkCount(height, "height")),
					TxOutSetInfo.class, ChainCalls.checkTimeout(timeout, "timeout"));
		});
	}

	@RpcMethod("gettxoutsetinfo")
	default TxOutSetInfo getTxOutSetInfo(TxOutSetHashType hashType, long height, Duration timeout) {
		return RpcCalls.required(Futures.await(getTxOutSetInfoAsync(hashType, height, timeout)), "gettxoutsetinfo");
	}

	/**
	 * {@code scantxoutset start <scanobjects>} (Core only): the unspent outputs paying the
	 * descriptors, found by reading the whole UTXO set (minutes on mainnet), so the call takes its
	 * own timeout. Only one scan runs at a time: another fails with -8. An invalid descriptor fails
	 * with -5.
	 * @param scanObjects what to look for, at least one
	 * @param timeout how long to wait for the answer
	 */
	@RpcMethod("scantxoutset")
	default CompletableFuture<ScanTxOutSetResult> scanTxOutSetAsync(List<ScanObject> scanObjects, Duration timeout) {
		return CallArguments.checked(() -> callAsync("scantxoutset", List.of("start", checkScanObjects(scanObjects)), ScanTxOutSetResult.class,
				ChainCalls.checkTimeout(timeout, "timeout")));
	}

	@RpcMethod("scantxoutset")
	default ScanTxOutSetResult scanTxOutSet(List<ScanObject> scanObjects, Duration timeout) {
		return RpcCalls.required(Futures.await(scanTxOutSetAsync(scanObjects, timeout)), "scantxoutset");
	}

	/**
	 * {@code scantxoutset status} (Core only): the progress of the running scan, or empty when none
	 * runs (Core answers {@code null}).
	 */
	@RpcMethod("scantxoutset")
	default CompletableFuture<Optional<ScanProgress>> scanTxOutSetStatusAsync() {
		return callAsync("scantxoutset", List.of("status"), ScanProgress.class).thenApply(Optional::ofNullable);
	}

	@RpcMethod("scantxoutset")
	default Optional<ScanProgress> scanTxOutSetStatus() {
		return Futures.await(scanTxOutSetStatusAsync());
	}

	/**
	 * {@code scantxoutset abort} (Core only): stops the running scan, whose own call then answers with
	 * {@code success} false.
	 * @return whether a scan was running and was stopped
	 */
	@RpcMethod("scantxoutset")
	default CompletableFuture<Boolean> scanTxOutSetAbortAsync() {
		return callAsync("scantxoutset", List.of("abort"), Boolean.class);
	}

	@RpcMethod("scantxoutset")
	default boolean scanTxOutSetAbort() {
		return RpcCalls.required(Futures.await(scanTxOutSetAbortAsync()), "scantxoutset");
	}

	/**
	 * {@code scanblocks start <scanobjects>} (Core only, needs {@code -blockfilterindex}): the blocks
	 * whose compact filters match the descriptors, from the genesis block to the tip. Reads every
	 * filter, so the call takes its own timeout.
	 * @param scanObjects what to look for, at least one
	 * @param timeout how long to wait for the answer
	 */
	@RpcMethod("scanblocks")
	default CompletableFuture<ScanBlocksResult> scanBlocksAsync(List<ScanObject> scanObjects, Duration timeout) {
		return CallArguments.checked(() -> callAsync("scanblocks", List.of("start", checkScanObjects(scanObjects)), ScanBlocksResult.class,
				ChainCalls.checkTimeout(timeout, "timeout")));
	}

	@RpcMethod("scanblocks")
	default ScanBlocksResult scanBlocks(List<ScanObject> scanObjects, Duration timeout) {
		return RpcCalls.required(Futures.await(scanBlocksAsync(scanObjects, timeout)), "scanblocks");
	}

	/**
	 * {@code scanblocks start <scanobjects> <start_height> <stop_height>} (Core only): as
	 * {@link #scanBlocksAsync(List, Duration)} over a range of heights.
	 * @param scanObjects what to look for, at least one
	 * @param startHeight the first height to scan
	 * @param stopHeight the last height to scan, {@code null} for the tip
	 * @param timeout how long to wait for the answer
	 */
	@RpcMethod("scanblocks")
	default CompletableFuture<ScanBlocksResult> scanBlocksAsync(List<ScanObject> scanObjects, long startHeight,
			@Nullable Long stopHeight, Duration timeout) {
		return CallArguments.checked(() -> {
			ChainCalls.checkCount(startHeight, "startHeight");
			if (stopHeight != null && stopHeight < startHeight) {
				throw new IllegalArgumentException(
						"stopHeight must not be below startHeight " + startHeight + ", was " + stopHeight);
			}
			return callAsync("scanblocks", RpcCalls.params("start", checkScanObjects(scanObjects), startHeight, stopHeight),
					ScanBlocksResult.class, ChainCalls.checkTimeout(timeout, "timeout"));
		});
	}

	@RpcMethod("scanblocks")
	default ScanBlocksResult scanBlocks(List<ScanObject> scanObjects, long startHeight,
			@Nullable Long stopHeight, Duration timeout) {
		return RpcCalls.required(Futures.await(scanBlocksAsync(scanObjects, startHeight, stopHeight, timeout)),
				"scanblocks");
	}

	/**
	 * {@code scanblocks status} (Core only): the progress of the running scan, or empty when none
	 * runs. Typed from Core's help text: there is no recording of it.
	 */
	@RpcMethod("scanblocks")
	default CompletableFuture<Optional<ScanProgress>> scanBlocksStatusAsync() {
		return callAsync("scanblocks", List.of("status"), ScanProgress.class).thenApply(Optional::ofNullable);
	}

	@RpcMethod("scanblocks")
	default Optional<ScanProgress> scanBlocksStatus() {
		return Futures.await(scanBlocksStatusAsync());
	}

	/**
	 * {@code scanblocks abort} (Core only): stops the running scan. Typed from Core's help text.
	 * @return whether a scan was running and was stopped
	 */
	@RpcMethod("scanblocks")
	default CompletableFuture<Boolean> scanBlocksAbortAsync() {
		return callAsync("scanblocks", List.of("abort"), Boolean.class);
	}

	@RpcMethod("scanblocks")
	default boolean scanBlocksAbort() {
		return RpcCalls.required(Futures.await(scanBlocksAbortAsync()), "scanblocks");
	}

	/** At least one scan object, copied. */
	private static List<ScanObject> checkScanObjects(List<ScanObject> scanObjects) {
		Objects.requireNonNull(scanObjects, "scanObjects must not be null");
		if (scanObjects.isEmpty()) {
			throw new IllegalArgumentException("scanObjects must not be empty");
		}
		return List.copyOf(scanObjects);
	}

}
