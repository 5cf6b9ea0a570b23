package org.bitcoinrpc.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.MemoryInfo;
import org.bitcoinrpc.client.model.RpcInfo;
import tools.jackson.core.type.TypeReference;

/**
 * Calls about the node process itself (Bitcoin Core's "Control" group): help, logging, memory,
 * stopping, and the chain overrides {@code invalidateblock} and {@code reconsiderblock}, which
 * Core keeps hidden (not in {@code help}) and btcd lists. None of the calls that change the node
 * is resent after a reconnect (see {@link ResendPolicy#readOnlyCalls()}).
 */
public interface ControlCalls extends RpcCalls {

	/** {@code help} (both nodes): one usage line per method, as one text (Core groups them under {@code == Category ==} headers). */
	@RpcMethod("help")
	default CompletableFuture<String> helpAsync() {
		return callAsync("help", List.of(), String.class);
	}

	@RpcMethod("help")
	default String help() {
		return RpcCalls.required(Futures.await(helpAsync()), "help");
	}

	/**
	 * {@code help <command>} (both nodes): the full help text of one method. For an unknown method
	 * btcd fails with -8 ({@link RpcInvalidParameterException}); Core answers a text saying so.
	 */
	@RpcMethod("help")
	default CompletableFuture<String> helpAsync(String command) {
		return CallArguments.checked(
				() -> callAsync("help", List.of(CallArguments.checkNotBlank(command, "command")), String.class));
	}

	@RpcMethod("help")
	default String help(String command) {
		return RpcCalls.required(Futures.await(helpAsync(command)), "help");
	}

	/**
	 * {@code stop} (both nodes): asks the node to shut down. The result is the node's own words,
	 * which differ: Core {@code "Bitcoin Core stopping"}, btcd {@code "btcd stopping."}. The
	 * connection closes soon after; the call is never resent. (Named for the node so that it is
	 * not taken for {@code BitcoinRpcClient.shutdown()}, which closes the client.)
	 */
	@RpcMethod("stop")
	default CompletableFuture<String> stopNodeAsync() {
		return callAsync("stop", List.of(), String.class);
	}

	@RpcMethod("stop")
	default String stopNode() {
		return RpcCalls.required(Futures.await(stopNodeAsync()), "stop");
	}

	/** {@code getmemoryinfo} (Bitcoin Core only): the locked memory pool's use. */
	@RpcMethod("getmemoryinfo")
	default CompletableFuture<MemoryInfo> getMemoryInfoAsync() {
		return callAsync("getmemoryinfo", List.of(), MemoryInfo.class);
	}

	@RpcMethod("getmemoryinfo")
	default MemoryInfo getMemoryInfo() {
		return RpcCalls.required(Futures.await(getMemoryInfoAsync()), "getmemoryinfo");
	}

	/**
	 * {@code getmemoryinfo "mallocinfo"} (Bitcoin Core only, built with glibc): glibc's
	 * {@code malloc_info} XML, as one text.
	 */
	@RpcMethod("getmemoryinfo")
	default CompletableFuture<String> getMallocInfoAsync() {
		return callAsync("getmemoryinfo", List.of("mallocinfo"), String.class);
	}

	@RpcMethod("getmemoryinfo")
	default String getMallocInfo() {
		return RpcCalls.required(Futures.await(getMallocInfoAsync()), "getmemoryinfo");
	}

	/** {@code getrpcinfo} (Bitcoin Core only): the calls running now and the debug log's path. */
	@RpcMethod("getrpcinfo")
	default CompletableFuture<RpcInfo> getRpcInfoAsync() {
		return callAsync("getrpcinfo", List.of(), RpcInfo.class);
	}

	@RpcMethod("getrpcinfo")
	default RpcInfo getRpcInfo() {
		return RpcCalls.required(Futures.await(getRpcInfoAsync()), "getrpcinfo");
	}

	/**
	 * {@code logging} (Bitcoin Core only): every log category and whether it is logged. btcd's
	 * counterpart is {@link BtcdCalls#debugLevel(String)}.
	 */
	@RpcMethod("logging")
	default CompletableFuture<Map<String, Boolean>> loggingAsync() {
		return callAsync("logging", List.of(), new TypeReference<Map<String, Boolean>>() {
		});
	}

	@RpcMethod("logging")
	default Map<String, Boolean> logging() {
		return RpcCalls.required(Futures.await(loggingAsync()), "logging");
	}

	/**
	 * {@code logging <include> <exclude>} (Bitcoin Core only): turns categories on and off
	 * ({@code "all"} or {@code "1"} for every one), then answers as {@link #logging()}.
	 * @param include the categories to turn on, may be empty
	 * @param exclude the categories to turn off, may be empty
	 */
	@RpcMethod("logging")
	default CompletableFuture<Map<String, Boolean>> loggingAsync(List<String> include, List<String> exclude) {
		return CallArguments.checked(() -> callAsync("logging",
				List.of(List.copyOf(CallArguments.checkNotNull(include, "include")),
						List.copyOf(CallArguments.checkNotNull(exclude, "exclude"))),
				new TypeReference<Map<String, Boolean>>() {
				}));
	}

	@RpcMethod("logging")
	default Map<String, Boolean> logging(List<String> include, List<String> exclude) {
		return RpcCalls.required(Futures.await(loggingAsync(include, exclude)), "logging");
	}

	/**
	 * {@code invalidateblock <hash>} (btcd; hidden on Core): marks a block and its descendants
	 * invalid, so the chain goes back; the result is {@code null}. For an unknown hash Core fails
	 * with -5, btcd with -32600 "Invalid request: malformed" ({@link RpcErrorCode#INVALID_REQUEST}).
	 */
	@RpcMethod("invalidateblock")
	default CompletableFuture<Void> invalidateBlockAsync(String blockHash) {
		return CallArguments.checked(() -> callAsync("invalidateblock",
				List.of(ChainCalls.checkHash(blockHash, "blockHash")), Void.class));
	}

	@RpcMethod("invalidateblock")
	default void invalidateBlock(String blockHash) {
		Futures.await(invalidateBlockAsync(blockHash));
	}

	/**
	 * {@code reconsiderblock <hash>} (btcd; hidden on Core): undoes {@link #invalidateBlock(String)}
	 * for the block and its descendants; the result is {@code null}.
	 */
	@RpcMethod("reconsiderblock")
	default CompletableFuture<Void> reconsiderBlockAsync(String blockHash) {
		return CallArguments.checked(() -> callAsync("reconsiderblock",
				List.of(ChainCalls.checkHash(blockHash, "blockHash")), Void.class));
	}

	@RpcMethod("reconsiderblock")
	default void reconsiderBlock(String blockHash) {
		Futures.await(reconsiderBlockAsync(blockHash));
	}

}
