package org.bitcoinrpc.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.OutPoint;
import org.bitcoinrpc.client.model.RescannedBlock;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * btcd's websocket-only subscription calls. Notifications arrive at the
 * {@link BitcoinEventListener}s as {@link Notification} records. The client remembers every
 * subscription the node accepted and registers it again, combined, after a reconnect.
 */
public interface NotificationCalls extends RpcCalls {

	/** {@code notifyblocks}: {@link Notification.BlockConnected} and {@link Notification.BlockDisconnected}, and their filtered twins. */
	@RpcMethod("notifyblocks")
	default CompletableFuture<Void> notifyBlocksAsync() {
		return callAsync("notifyblocks", List.of(), Void.class);
	}

	@RpcMethod("notifyblocks")
	default void notifyBlocks() {
		Futures.await(notifyBlocksAsync());
	}

	@RpcMethod("stopnotifyblocks")
	default CompletableFuture<Void> stopNotifyBlocksAsync() {
		return callAsync("stopnotifyblocks", List.of(), Void.class);
	}

	@RpcMethod("stopnotifyblocks")
	default void stopNotifyBlocks() {
		Futures.await(stopNotifyBlocksAsync());
	}

	/** {@code notifynewtransactions [verbose]}: {@link Notification.TxAccepted}, or {@link Notification.TxAcceptedVerbose}. */
	@RpcMethod("notifynewtransactions")
	default CompletableFuture<Void> notifyNewTransactionsAsync(boolean verbose) {
		return callAsync("notifynewtransactions", List.of(verbose), Void.class);
	}

	@RpcMethod("notifynewtransactions")
	default void notifyNewTransactions(boolean verbose) {
		Futures.await(notifyNewTransactionsAsync(verbose));
	}

	@RpcMethod("stopnotifynewtransactions")
	default CompletableFuture<Void> stopNotifyNewTransactionsAsync() {
		return callAsync("stopnotifynewtransactions", List.of(), Void.class);
	}

	@RpcMethod("stopnotifynewtransactions")
	default void stopNotifyNewTransactions() {
		Futures.await(stopNotifyNewTransactionsAsync());
	}

	/** {@code notifyspent [outpoints]}: {@link Notification.RedeemingTx} when one is spent (deprecated in btcd in favour of {@code loadtxfilter}). */
	@RpcMethod("notifyspent")
	default CompletableFuture<Void> notifySpentAsync(List<OutPoint> outpoints) {
		return CallArguments.checked(() -> callAsync("notifyspent", List.of(List.copyOf(outpoints)), Void.class));
	}

	@RpcMethod("notifyspent")
	default void notifySpent(List<OutPoint> outpoints) {
		Futures.await(notifySpentAsync(outpoints));
	}

	@RpcMethod("stopnotifyspent")
	default CompletableFuture<Void> stopNotifySpentAsync(List<OutPoint> outpoints) {
		return CallArguments.checked(() -> callAsync("stopnotifyspent", List.of(List.copyOf(outpoints)), Void.class));
	}

	@RpcMethod("stopnotifyspent")
	default void stopNotifySpent(List<OutPoint> outpoints) {
		Futures.await(stopNotifySpentAsync(outpoints));
	}

	/** {@code notifyreceived [addresses]}: {@link Notification.RecvTx} for payments to them (deprecated in btcd in favour of {@code loadtxfilter}). */
	@RpcMethod("notifyreceived")
	default CompletableFuture<Void> notifyReceivedAsync(List<String> addresses) {
		return CallArguments.checked(() -> callAsync("notifyreceived", List.of(List.copyOf(addresses)), Void.class));
	}

	@RpcMethod("notifyreceived")
	default void notifyReceived(List<String> addresses) {
		Futures.await(notifyReceivedAsync(addresses));
	}

	@RpcMethod("stopnotifyreceived")
	default CompletableFuture<Void> stopNotifyReceivedAsync(List<String> addresses) {
		return CallArguments.checked(() -> callAsync("stopnotifyreceived", List.of(List.copyOf(addresses)), Void.class));
	}

	@RpcMethod("stopnotifyreceived")
	default void stopNotifyReceived(List<String> addresses) {
		Futures.await(stopNotifyReceivedAsync(addresses));
	}

	/**
	 * {@code loadtxfilter [reload, addresses, outpoints]}: {@link Notification.RelevantTxAccepted}
	 * and the matching transactions in {@link Notification.FilteredBlockConnected}; needed before
	 * {@link #rescanBlocks}. With {@code reload} the filter is replaced, else extended.
	 */
	@RpcMethod("loadtxfilter")
	default CompletableFuture<Void> loadTxFilterAsync(boolean reload, List<String> addresses, List<OutPoint> outpoints) {
		return CallArguments.checked(() -> callAsync("loadtxfilter", List.of(reload, List.copyOf(addresses), List.copyOf(outpoints)), Void.class));
	}

	@RpcMethod("loadtxfilter")
	default void loadTxFilter(boolean reload, List<String> addresses, List<OutPoint> outpoints) {
		Futures.await(loadTxFilterAsync(reload, addresses, outpoints));
	}

	/**
	 * {@code rescanblocks [hashes]}: the blocks among these (parent to child, in order) with
	 * transactions matching the loaded filter.
	 */
	@RpcMethod("rescanblocks")
	default CompletableFuture<List<RescannedBlock>> rescanBlocksAsync(List<String> blockHashes) {
		return CallArguments.checked(() -> {
			blockHashes.forEach(ChainCalls::checkHash);
			return callAsync("rescanblocks", List.of(List.copyOf(blockHashes)), new TypeReference<List<RescannedBlock>>() {
			});
		});
	}

	@RpcMethod("rescanblocks")
	default List<RescannedBlock> rescanBlocks(List<String> blockHashes) {
		return RpcCalls.required(Futures.await(rescanBlocksAsync(blockHashes)), "rescanblocks");
	}

	/**
	 * {@code rescan [begin, addresses, outpoints, end?]}: long-running; reports through
	 * {@link Notification.RescanProgress}, {@link Notification.RescanFinished} and
	 * {@link Notification.RecvTx}/{@link Notification.RedeemingTx}. Never resent after a lost
	 * connection. Give it a long timeout through {@link #callAsync(String, List, Class, java.time.Duration)}
	 * if the range is large.
	 */
	@RpcMethod("rescan")
	default CompletableFuture<Void> rescanAsync(String beginBlock, List<String> addresses, List<OutPoint> outpoints,
			@Nullable String endBlock) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(beginBlock, "beginBlock must not be null");
			List<Object> params = (endBlock != null)
					? List.of(beginBlock, List.copyOf(addresses), List.copyOf(outpoints), endBlock)
					: List.of(beginBlock, List.copyOf(addresses), List.copyOf(outpoints));
			return callAsync("rescan", params, Void.class);
		});
	}

	@RpcMethod("rescan")
	default void rescan(String beginBlock, List<String> addresses, List<OutPoint> outpoints, @Nullable String endBlock) {
		Futures.await(rescanAsync(beginBlock, addresses, outpoints, endBlock));
	}

}
