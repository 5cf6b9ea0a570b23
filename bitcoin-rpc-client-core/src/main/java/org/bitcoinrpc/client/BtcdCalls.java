package org.bitcoinrpc.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.AddedNodeInfo;
import org.bitcoinrpc.client.model.BtcdApiVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * btcd's own methods (btcd only: Bitcoin Core answers -32601 for each): compact filters
 * (BIP 157/158), raw headers, log levels, the built-in CPU miner, peer control with {@code node},
 * and the forms of {@code getaddednodeinfo} that btcd requires. The calls btcd shares with Core
 * are in the other interfaces.
 */
public interface BtcdCalls extends RpcCalls {

	/** The only compact filter type btcd serves: BIP 158's "basic" filter. */
	int REGULAR_FILTER = 0;

	/**
	 * {@code debuglevel <levelspec>} (btcd only): sets the log level of every subsystem
	 * ({@code "info"}) or of some ({@code "PEER=debug,RPCS=trace"}); the result is btcd's text,
	 * {@code "Done."}. {@code "show"} answers the list of subsystems instead, as one text. An
	 * unknown level fails with -32602 ({@link RpcErrorCode#INVALID_PARAMS}).
	 */
	@RpcMethod("debuglevel")
	default CompletableFuture<String> debugLevelAsync(String levelSpec) {
		return CallArguments.checked(() -> callAsync("debuglevel",
				List.of(CallArguments.checkNotBlank(levelSpec, "levelSpec")), String.class));
	}

	@RpcMethod("debuglevel")
	default String debugLevel(String levelSpec) {
		return RpcCalls.required(Futures.await(debugLevelAsync(levelSpec)), "debuglevel");
	}

	/**
	 * {@code getcfilter <blockHash> 0} (btcd only, with {@code --nocfilters} off): the block's BIP 158
	 * basic filter, hex. <strong>Empty for an unknown block:</strong> btcd answers {@code ""} there
	 * rather than an error (a real filter is never empty: even one with no items is {@code "00"}).
	 */
	@RpcMethod("getcfilter")
	default CompletableFuture<Optional<String>> getCFilterAsync(String blockHash) {
		return getCFilterAsync(blockHash, REGULAR_FILTER);
	}

	@RpcMethod("getcfilter")
	default Optional<String> getCFilter(String blockHash) {
		return Futures.await(getCFilterAsync(blockHash));
	}

	/**
	 * {@code getcfilter <blockHash> <filterType>} (btcd only): as {@link #getCFilter(String)}. btcd
	 * knows only type 0; any other fails with -5 "Block not found", even for a block it has.
	 */
	@RpcMethod("getcfilter")
	default CompletableFuture<Optional<String>> getCFilterAsync(String blockHash, int filterType) {
		return CallArguments.checked(() -> CallArguments
			.checked(() -> callAsync("getcfilter",
					List.of(ChainCalls.checkHash(blockHash, "blockHash"), checkFilterType(filterType)), String.class))
			// "" is btcd's answer for a block it does not know: no filter, not an empty one.
			.thenApply((filter) -> Optional.ofNullable(filter).filter((hex) -> !hex.isEmpty())));
	}

	@RpcMethod("getcfilter")
	default Optional<String> getCFilter(String blockHash, int filterType) {
		return Futures.await(getCFilterAsync(blockHash, filterType));
	}

	/**
	 * {@code getcfilterheader <blockHash> 0} (btcd only): the BIP 157 filter header, hex. An
	 * unknown block fails with -5 ({@link RpcInvalidAddressOrKeyException}), unlike {@code getcfilter}.
	 */
	@RpcMethod("getcfilterheader")
	default CompletableFuture<String> getCFilterHeaderAsync(String blockHash) {
		return getCFilterHeaderAsync(blockHash, REGULAR_FILTER);
	}

	@RpcMethod("getcfilterheader")
	default String getCFilterHeader(String blockHash) {
		return RpcCalls.required(Futures.await(getCFilterHeaderAsync(blockHash)), "getcfilterheader");
	}

	/** {@code getcfilterheader <blockHash> <filterType>} (btcd only), for another filter type. */
	@RpcMethod("getcfilterheader")
	default CompletableFuture<String> getCFilterHeaderAsync(String blockHash, int filterType) {
		return CallArguments.checked(() -> callAsync("getcfilterheader",
				List.of(ChainCalls.checkHash(blockHash, "blockHash"), checkFilterType(filterType)), String.class));
	}

	@RpcMethod("getcfilterheader")
	default String getCFilterHeader(String blockHash, int filterType) {
		return RpcCalls.required(Futures.await(getCFilterHeaderAsync(blockHash, filterType)), "getcfilterheader");
	}

	/**
	 * {@code getheaders <locator> <hashStop>} (btcd only): serialized 80-byte block headers, hex,
	 * after the first locator hash btcd knows, up to {@code hashStop} or 2000 headers.
	 * @param locator block hashes, newest first, as in the P2P {@code getheaders} message
	 * @param hashStop the last header wanted, or {@code null} for as many as btcd sends
	 */
	@RpcMethod("getheaders")
	default CompletableFuture<List<String>> getHeadersAsync(List<String> locator,
			@Nullable String hashStop) {
		return CallArguments.checked(() -> {
			List<String> hashes = new ArrayList<>();
			for (String hash : CallArguments.checkNotNull(locator, "locator")) {
				hashes.add(ChainCalls.checkHash(hash, "locator hash"));
			}
			// btcd reads "" as "no stop hash".
			String stop = (hashStop != null) ? ChainCalls.checkHash(hashStop, "hashStop") : "";
			return callAsync("getheaders", List.of(hashes, stop), new TypeReference<List<String>>() {
			});
		});
	}

	@RpcMethod("getheaders")
	default List<String> getHeaders(List<String> locator, @Nullable String hashStop) {
		return RpcCalls.required(Futures.await(getHeadersAsync(locator, hashStop)), "getheaders");
	}

	/** {@code getgenerate} (btcd only): whether the built-in CPU miner runs. */
	@RpcMethod("getgenerate")
	default CompletableFuture<Boolean> getGenerateAsync() {
		return callAsync("getgenerate", List.of(), Boolean.class);
	}

	@RpcMethod("getgenerate")
	default boolean getGenerate() {
		return RpcCalls.required(Futures.await(getGenerateAsync()), "getgenerate");
	}

	/**
	 * {@code setgenerate <generate>} (btcd only): starts or stops the built-in CPU miner (it needs
	 * {@code --miningaddr}); the result is {@code null}.
	 */
	@RpcMethod("setgenerate")
	default CompletableFuture<Void> setGenerateAsync(boolean generate) {
		return callAsync("setgenerate", List.of(generate), Void.class);
	}

	@RpcMethod("setgenerate")
	default void setGenerate(boolean generate) {
		Futures.await(setGenerateAsync(generate));
	}

	/**
	 * {@code setgenerate <generate> <threads>} (btcd only): as {@link #setGenerate(boolean)}, with
	 * that many mining threads ({@code -1} for one per CPU).
	 */
	@RpcMethod("setgenerate")
	default CompletableFuture<Void> setGenerateAsync(boolean generate, int threads) {
		return CallArguments.checked(() -> {
			if (threads < -1) {
				throw new IllegalArgumentException("threads must be -1 or more, was " + threads);
			}
			return callAsync("setgenerate", List.of(generate, threads), Void.class);
		});
	}

	@RpcMethod("setgenerate")
	default void setGenerate(boolean generate, int threads) {
		Futures.await(setGenerateAsync(generate, threads));
	}

	/** {@code gethashespersec} (btcd only): the CPU miner's hash rate, 0 while it is off. */
	@RpcMethod("gethashespersec")
	default CompletableFuture<Long> getHashesPerSecAsync() {
		return callAsync("gethashespersec", List.of(), Long.class);
	}

	@RpcMethod("gethashespersec")
	default long getHashesPerSec() {
		return RpcCalls.required(Futures.await(getHashesPerSecAsync()), "gethashespersec");
	}

	/**
	 * {@code getaddednodeinfo true} (btcd only in this form; Core's is
	 * {@link NetworkCalls#getAddedNodeInfo()}): the added peers <strong>that are connected</strong>,
	 * with their addresses (btcd lists an added peer only once it connected).
	 */
	@RpcMethod("getaddednodeinfo")
	default CompletableFuture<List<AddedNodeInfo>> getAddedNodeDetailsAsync() {
		return callAsync("getaddednodeinfo", List.of(true), new TypeReference<List<AddedNodeInfo>>() {
		});
	}

	@RpcMethod("getaddednodeinfo")
	default List<AddedNodeInfo> getAddedNodeDetails() {
		return RpcCalls.required(Futures.await(getAddedNodeDetailsAsync()), "getaddednodeinfo");
	}

	/**
	 * {@code getaddednodeinfo false} (btcd only): the connected added peers as plain
	 * {@code host:port} texts (btcd's {@code dns=false} shape).
	 */
	@RpcMethod("getaddednodeinfo")
	default CompletableFuture<List<String>> getAddedNodeAddressesAsync() {
		return callAsync("getaddednodeinfo", List.of(false), new TypeReference<List<String>>() {
		});
	}

	@RpcMethod("getaddednodeinfo")
	default List<String> getAddedNodeAddresses() {
		return RpcCalls.required(Futures.await(getAddedNodeAddressesAsync()), "getaddednodeinfo");
	}

	/**
	 * {@code node <command> <target>} (btcd only): connects to, disconnects or removes a peer; the
	 * result is {@code null}. An unknown peer fails with -8 "peer not found", a target that is
	 * neither an address nor a node id with -8 "invalid address or node ID".
	 * @param target {@code host:port}, or for disconnect and remove a node id from {@code getpeerinfo}
	 */
	@RpcMethod("node")
	default CompletableFuture<Void> nodeAsync(BtcdNodeCommand command, String target) {
		return CallArguments.checked(() -> callAsync("node", List.of(
				CallArguments.checkNotNull(command, "command").wireName(), CallArguments.checkNotBlank(target, "target")),
				Void.class));
	}

	@RpcMethod("node")
	default void node(BtcdNodeCommand command, String target) {
		Futures.await(nodeAsync(command, target));
	}

	/**
	 * {@code node connect <address> perm|temp} (btcd only): connects to a peer, as a persistent
	 * peer (reconnected when it drops) or a one-off connection.
	 */
	@RpcMethod("node")
	default CompletableFuture<Void> nodeConnectAsync(String address, boolean permanent) {
		return CallArguments.checked(() -> callAsync("node",
				List.of("connect", CallArguments.checkNotBlank(address, "address"), permanent ? "perm" : "temp"),
				Void.class));
	}

	@RpcMethod("node")
	default void nodeConnect(String address, boolean permanent) {
		Futures.await(nodeConnectAsync(address, permanent));
	}

	/**
	 * {@code version} (btcd only; Core has no such method): the versions of btcd's JSON-RPC API,
	 * by API name ({@code btcdjsonrpcapi}). This is not btcd's release version (that is in
	 * {@code getinfo}), hence the name.
	 */
	@RpcMethod("version")
	default CompletableFuture<Map<String, BtcdApiVersion>> apiVersionAsync() {
		return callAsync("version", List.of(), new TypeReference<Map<String, BtcdApiVersion>>() {
		});
	}

	@RpcMethod("version")
	default Map<String, BtcdApiVersion> apiVersion() {
		return RpcCalls.required(Futures.await(apiVersionAsync()), "version");
	}

	private static int checkFilterType(int filterType) {
		if (filterType < 0 || filterType > 255) {
			throw new IllegalArgumentException("filterType must be 0 to 255, was " + filterType);
		}
		return filterType;
	}

}
