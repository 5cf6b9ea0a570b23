package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.Block;
import org.bitcoinrpc.client.model.BlockFilter;
import org.bitcoinrpc.client.model.BlockHeader;
import org.bitcoinrpc.client.model.BlockRef;
import org.bitcoinrpc.client.model.BlockStats;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.model.BlockchainInfo;
import org.bitcoinrpc.client.model.ChainStates;
import org.bitcoinrpc.client.model.ChainTip;
import org.bitcoinrpc.client.model.ChainTxStats;
import org.bitcoinrpc.client.model.DeploymentInfo;
import org.bitcoinrpc.client.model.DescriptorActivity;
import org.bitcoinrpc.client.model.ScanObject;
import org.bitcoinrpc.client.model.TxOut;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Calls about the block chain: those btcd and Bitcoin Core share, and Core's other blockchain
 * calls (each says "Core only"; btcd answers them with -32601).
 */
public interface ChainCalls extends RpcCalls {

	/**
	 * What the {@code waitfor*} calls add to the node's timeout for their own, so the answer the
	 * node sends when its wait ends still arrives.
	 */
	Duration WAIT_MARGIN = Duration.ofSeconds(10);

	/** {@code getblockcount}: the height of the best chain. */
	@RpcMethod("getblockcount")
	default CompletableFuture<Long> getBlockCountAsync() {
		return callAsync("getblockcount", List.of(), Long.class);
	}

	@RpcMethod("getblockcount")
	default long getBlockCount() {
		return RpcCalls.required(Futures.await(getBlockCountAsync()), "getblockcount");
	}

	/** {@code getbestblockhash}: the hash of the best chain's tip. */
	@RpcMethod("getbestblockhash")
	default CompletableFuture<String> getBestBlockHashAsync() {
		return callAsync("getbestblockhash", List.of(), String.class);
	}

	@RpcMethod("getbestblockhash")
	default String getBestBlockHash() {
		return RpcCalls.required(Futures.await(getBestBlockHashAsync()), "getbestblockhash");
	}

	/** {@code getblockhash <height>}: the hash of the best-chain block at a height. */
	@RpcMethod("getblockhash")
	default CompletableFuture<String> getBlockHashAsync(long height) {
		return callAsync("getblockhash", List.of(height), String.class);
	}

	@RpcMethod("getblockhash")
	default String getBlockHash(long height) {
		return RpcCalls.required(Futures.await(getBlockHashAsync(height)), "getblockhash");
	}

	/** {@code getblockheader <hash> true}: the decoded header. */
	@RpcMethod("getblockheader")
	default CompletableFuture<BlockHeader> getBlockHeaderAsync(String blockHash) {
		return CallArguments.checked(() -> callAsync("getblockheader", List.of(checkHash(blockHash), true), BlockHeader.class));
	}

	@RpcMethod("getblockheader")
	default BlockHeader getBlockHeader(String blockHash) {
		return RpcCalls.required(Futures.await(getBlockHeaderAsync(blockHash)), "getblockheader");
	}

	/**
	 * {@code getblock <hash> 1}: the block with its transaction ids. The verbosity is sent as an
	 * integer, which both nodes accept (btcd rejects booleans).
	 */
	@RpcMethod("getblock")
	default CompletableFuture<Block> getBlockAsync(String blockHash) {
		return CallArguments.checked(() -> callAsync("getblock", List.of(checkHash(blockHash), 1), Block.class));
	}

	@RpcMethod("getblock")
	default Block getBlock(String blockHash) {
		return RpcCalls.required(Futures.await(getBlockAsync(blockHash)), "getblock");
	}

	/**
	 * {@code getblockchaininfo}: the state of the chain. btcd adds {@code bip9_softforks}; Core adds
	 * {@code bits}, {@code target}, {@code time}, {@code chainwork}, {@code size_on_disk},
	 * {@code verificationprogress} and {@code warnings}.
	 */
	@RpcMethod("getblockchaininfo")
	default CompletableFuture<BlockchainInfo> getBlockchainInfoAsync() {
		return callAsync("getblockchaininfo", List.of(), BlockchainInfo.class);
	}

	@RpcMethod("getblockchaininfo")
	default BlockchainInfo getBlockchainInfo() {
		return RpcCalls.required(Futures.await(getBlockchainInfoAsync()), "getblockchaininfo");
	}

	/** {@code getbestblock} (btcd only; Core answers -32601): the tip's hash and height. */
	@RpcMethod("getbestblock")
	default CompletableFuture<BlockRef> getBestBlockAsync() {
		return callAsync("getbestblock", List.of(), BlockRef.class);
	}

	@RpcMethod("getbestblock")
	default BlockRef getBestBlock() {
		return RpcCalls.required(Futures.await(getBestBlockAsync()), "getbestblock");
	}

	/** {@code getblockheader <hash> false}: the 80-byte serialized header as 160 hex characters. */
	@RpcMethod("getblockheader")
	default CompletableFuture<String> getBlockHeaderHexAsync(String blockHash) {
		return CallArguments.checked(() -> callAsync("getblockheader", List.of(checkHash(blockHash, "blockHash"), false), String.class));
	}

	@RpcMethod("getblockheader")
	default String getBlockHeaderHex(String blockHash) {
		return RpcCalls.required(Futures.await(getBlockHeaderHexAsync(blockHash)), "getblockheader");
	}

	/**
	 * {@code getblock <hash> 0}: the serialized block as hex (Core includes witness data). The
	 * verbosity is sent as the integer 0: btcd rejects {@code false}.
	 */
	@RpcMethod("getblock")
	default CompletableFuture<String> getBlockHexAsync(String blockHash) {
		return CallArguments.checked(() -> callAsync("getblock", List.of(checkHash(blockHash, "blockHash"), 0), String.class));
	}

	@RpcMethod("getblock")
	default String getBlockHex(String blockHash) {
		return RpcCalls.required(Futures.await(getBlockHexAsync(blockHash)), "getblock");
	}

	/**
	 * {@code getblock <hash> 2}: the block with every transaction decoded. btcd puts them under
	 * {@code rawtx} (with {@code blockhash}/{@code confirmations}/{@code time} in each), Core under
	 * {@code tx} (with {@code fee} on every non-coinbase transaction); both land in
	 * {@link BlockWithTransactions#transactions()}.
	 */
	@RpcMethod("getblock")
	default CompletableFuture<BlockWithTransactions> getBlockWithTransactionsAsync(String blockHash) {
		return CallArguments.checked(() -> callAsync("getblock", List.of(checkHash(blockHash, "blockHash"), 2), BlockWithTransactions.class));
	}

	@RpcMethod("getblock")
	default BlockWithTransactions getBlockWithTransactions(String blockHash) {
		return RpcCalls.required(Futures.await(getBlockWithTransactionsAsync(blockHash)), "getblock");
	}

	/** {@code getchaintips}: every known branch tip, the active one with status {@code active}. */
	@RpcMethod("getchaintips")
	default CompletableFuture<List<ChainTip>> getChainTipsAsync() {
		return callAsync("getchaintips", List.of(), new TypeReference<List<ChainTip>>() {
		});
	}

	@RpcMethod("getchaintips")
	default List<ChainTip> getChainTips() {
		return RpcCalls.required(Futures.await(getChainTipsAsync()), "getchaintips");
	}

	/**
	 * {@code getdifficulty}: the tip's difficulty. btcd prints it like an integer ({@code 1} on
	 * simnet), Core in exponent form ({@code 4.656542373906925e-10} on regtest); both are read
	 * exactly.
	 */
	@RpcMethod("getdifficulty")
	default CompletableFuture<BigDecimal> getDifficultyAsync() {
		return callAsync("getdifficulty", List.of(), BigDecimal.class);
	}

	@RpcMethod("getdifficulty")
	default BigDecimal getDifficulty() {
		return RpcCalls.required(Futures.await(getDifficultyAsync()), "getdifficulty");
	}

	/**
	 * {@code gettxout <txid> <n>}: an unspent output, or {@link Optional#empty()} when it is spent
	 * or unknown (both nodes answer {@code null}, not an error). The node's default applies to
	 * mempool spends (both default to including the mempool).
	 */
	@RpcMethod("gettxout")
	default CompletableFuture<Optional<TxOut>> getTxOutAsync(String txid, int n) {
		return CallArguments.checked(() -> callAsync("gettxout", List.of(checkHash(txid, "txid"), checkIndex(n, "n")), TxOut.class)
			.thenApply(Optional::ofNullable));
	}

	@RpcMethod("gettxout")
	default Optional<TxOut> getTxOut(String txid, int n) {
		return Futures.await(getTxOutAsync(txid, n));
	}

	/**
	 * {@code gettxout <txid> <n> <includeMempool>}: as {@link #getTxOutAsync(String, int)}; with
	 * {@code includeMempool} an output spent by a mempool transaction counts as spent, and an
	 * output of a mempool transaction is found.
	 */
	@RpcMethod("gettxout")
	default CompletableFuture<Optional<TxOut>> getTxOutAsync(String txid, int n, boolean includeMempool) {
		return CallArguments.checked(() -> callAsync("gettxout", List.of(checkHash(txid, "txid"), checkIndex(n, "n"), includeMempool), TxOut.class)
			.thenApply(Optional::ofNullable));
	}

	@RpcMethod("gettxout")
	default Optional<TxOut> getTxOut(String txid, int n, boolean includeMempool) {
		return Futures.await(getTxOutAsync(txid, n, includeMempool));
	}

	/**
	 * {@code getblockfilter <hash>} (Core only, needs {@code -blockfilterindex}): the block's basic
	 * BIP 158 filter. An unknown block fails with -5.
	 */
	@RpcMethod("getblockfilter")
	default CompletableFuture<BlockFilter> getBlockFilterAsync(String blockHash) {
		return CallArguments.checked(() -> callAsync("getblockfilter", List.of(checkHash(blockHash, "blockHash")), BlockFilter.class));
	}

	@RpcMethod("getblockfilter")
	default BlockFilter getBlockFilter(String blockHash) {
		return RpcCalls.required(Futures.await(getBlockFilterAsync(blockHash)), "getblockfilter");
	}

	/**
	 * {@code getblockfrompeer <hash> <peerId>} (Core only): asks a peer for a block whose header the
	 * node has, e.g. to refetch a pruned block. It only sends the request: the block arrives later,
	 * if at all. A block the node already has fails with -1 "Block already downloaded" (checked before
	 * the peer); an unknown peer id with -1 too. Typed from Core's help text (result {@code {}}): the
	 * recordings have no success, the recording node had no peer.
	 */
	@RpcMethod("getblockfrompeer")
	default CompletableFuture<Void> getBlockFromPeerAsync(String blockHash, long peerId) {
		return CallArguments.checked(() -> callAsync("getblockfrompeer", List.of(checkHash(blockHash, "blockHash"), checkCount(peerId, "peerId")),
				Object.class)
			.thenApply((ignored) -> null));
	}

	@RpcMethod("getblockfrompeer")
	default void getBlockFromPeer(String blockHash, long peerId) {
		Futures.await(getBlockFromPeerAsync(blockHash, peerId));
	}

	/**
	 * {@code getblockstats <height>} (Core only): every statistic of a best-chain block. Amounts are
	 * satoshis, fee rates sat/vB. A height above the tip fails with -8.
	 */
	@RpcMethod("getblockstats")
	default CompletableFuture<BlockStats> getBlockStatsAsync(long height) {
		return CallArguments.checked(() -> callAsync("getblockstats", List.of(checkCount(height, "height")), BlockStats.class));
	}

	@RpcMethod("getblockstats")
	default BlockStats getBlockStats(long height) {
		return RpcCalls.required(Futures.await(getBlockStatsAsync(height)), "getblockstats");
	}

	/**
	 * {@code getblockstats <hash> <stats>} (Core only): only the named statistics (wire names, such
	 * as {@code avgfeerate} or {@code txs}); the others are {@code null} in the result. An empty list
	 * asks for all.
	 */
	@RpcMethod("getblockstats")
	default CompletableFuture<BlockStats> getBlockStatsAsync(String blockHash, List<String> stats) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(stats, "stats must not be null");
			return callAsync("getblockstats", List.of(checkHash(blockHash, "blockHash"), List.copyOf(stats)),
					BlockStats.class);
		});
	}

	@RpcMethod("getblockstats")
	default BlockStats getBlockStats(String blockHash, List<String> stats) {
		return RpcCalls.required(Futures.await(getBlockStatsAsync(blockHash, stats)), "getblockstats");
	}

	/** {@code getchainstates} (Core only): the chainstates, two while an assumeutxo snapshot is validated. */
	@RpcMethod("getchainstates")
	default CompletableFuture<ChainStates> getChainStatesAsync() {
		return callAsync("getchainstates", List.of(), ChainStates.class);
	}

	@RpcMethod("getchainstates")
	default ChainStates getChainStates() {
		return RpcCalls.required(Futures.await(getChainStatesAsync()), "getchainstates");
	}

	/**
	 * {@code getchaintxstats} (Core only): transaction statistics over the last month of blocks
	 * (Core's default window) ending at the tip.
	 */
	@RpcMethod("getchaintxstats")
	default CompletableFuture<ChainTxStats> getChainTxStatsAsync() {
		return callAsync("getchaintxstats", List.of(), ChainTxStats.class);
	}

	@RpcMethod("getchaintxstats")
	default ChainTxStats getChainTxStats() {
		return RpcCalls.required(Futures.await(getChainTxStatsAsync()), "getchaintxstats");
	}

	/**
	 * {@code getchaintxstats <nblocks> [<blockhash>]} (Core only): as {@link #getChainTxStatsAsync()}
	 * over a window of {@code blocks} blocks ending at {@code blockHash} ({@code null}: the tip).
	 */
	@RpcMethod("getchaintxstats")
	default CompletableFuture<ChainTxStats> getChainTxStatsAsync(long blocks, @Nullable String blockHash) {
		return CallArguments.checked(() -> callAsync("getchaintxstats",
				RpcCalls.params(checkCount(blocks, "blocks"), (blockHash != null) ? checkHash(blockHash, "blockHash") : null),
				ChainTxStats.class));
	}

	@RpcMethod("getchaintxstats")
	default ChainTxStats getChainTxStats(long blocks, @Nullable String blockHash) {
		return RpcCalls.required(Futures.await(getChainTxStatsAsync(blocks, blockHash)), "getchaintxstats");
	}

	/** {@code getdeploymentinfo} (Core only): the soft-fork deployments as of the tip. */
	@RpcMethod("getdeploymentinfo")
	default CompletableFuture<DeploymentInfo> getDeploymentInfoAsync() {
		return callAsync("getdeploymentinfo", List.of(), DeploymentInfo.class);
	}

	@RpcMethod("getdeploymentinfo")
	default DeploymentInfo getDeploymentInfo() {
		return RpcCalls.required(Futures.await(getDeploymentInfoAsync()), "getdeploymentinfo");
	}

	/** {@code getdeploymentinfo <blockhash>} (Core only): the deployments as of a given block. */
	@RpcMethod("getdeploymentinfo")
	default CompletableFuture<DeploymentInfo> getDeploymentInfoAsync(String blockHash) {
		return CallArguments.checked(() -> callAsync("getdeploymentinfo", List.of(checkHash(blockHash, "blockHash")), DeploymentInfo.class));
	}

	@RpcMethod("getdeploymentinfo")
	default DeploymentInfo getDeploymentInfo(String blockHash) {
		return RpcCalls.required(Futures.await(getDeploymentInfoAsync(blockHash)), "getdeploymentinfo");
	}

	/**
	 * {@code preciousblock <hash>} (Core only): treats the block as if it had arrived before others
	 * of the same work, which may switch the active chain to it. Core answers {@code null}.
	 */
	@RpcMethod("preciousblock")
	default CompletableFuture<Void> preciousBlockAsync(String blockHash) {
		return CallArguments.checked(() -> callAsync("preciousblock", List.of(checkHash(blockHash, "blockHash")), Object.class)
			.thenApply((ignored) -> null));
	}

	@RpcMethod("preciousblock")
	default void preciousBlock(String blockHash) {
		Futures.await(preciousBlockAsync(blockHash));
	}

	/**
	 * {@code pruneblockchain <height>} (Core only, needs {@code -prune}): deletes block files up to a
	 * height (or a Unix time, for values above 1000000000, as Core reads it). Returns the height of
	 * the last block pruned. A node not in prune mode fails with -1. Typed from Core's help text: the
	 * recordings have no success, the recording node did not prune.
	 */
	@RpcMethod("pruneblockchain")
	default CompletableFuture<Long> pruneBlockchainAsync(long height) {
		return CallArguments.checked(() -> callAsync("pruneblockchain", List.of(checkCount(height, "height")), Long.class));
	}

	@RpcMethod("pruneblockchain")
	default long pruneBlockchain(long height) {
		return RpcCalls.required(Futures.await(pruneBlockchainAsync(height)), "pruneblockchain");
	}

	/**
	 * {@code verifychain} (btcd and Core): verifies the last blocks of the chain with each node's
	 * defaults (Core: level 3, 6 blocks; btcd: level 3, 288 blocks). {@code false} when a check failed.
	 * Deep checks of many blocks can take long: see {@link #verifyChainAsync(int, long, Duration)}.
	 */
	@RpcMethod("verifychain")
	default CompletableFuture<Boolean> verifyChainAsync() {
		return callAsync("verifychain", List.of(), Boolean.class);
	}

	@RpcMethod("verifychain")
	default boolean verifyChain() {
		return RpcCalls.required(Futures.await(verifyChainAsync()), "verifychain");
	}

	/**
	 * {@code verifychain <checklevel> <nblocks>} (btcd and Core) with this call's own timeout, as a
	 * deep check of many blocks outlasts the client's default.
	 * @param checkLevel how thorough, 0 to 4
	 * @param blocks how many blocks to check, 0 for all
	 * @param timeout how long to wait for the answer
	 */
	@RpcMethod("verifychain")
	default CompletableFuture<Boolean> verifyChainAsync(int checkLevel, long blocks, Duration timeout) {
		return CallArguments.checked(() -> {
			if (checkLevel < 0 || checkLevel > 4) {
				throw new IllegalArgumentException("checkLevel must be 0 to 4, was " + checkLevel);
			}
			return callAsync("verifychain", List.of(checkLevel, checkCount(blocks, "blocks")), Boolean.class,
					checkTimeout(timeout, "timeout"));
		});
	}

	@RpcMethod("verifychain")
	default boolean verifyChain(int checkLevel, long blocks, Duration timeout) {
		return RpcCalls.required(Futures.await(verifyChainAsync(checkLevel, blocks, timeout)), "verifychain");
	}

	/**
	 * {@code waitforblock <hash> <timeout>} (Core only): waits until the block is the tip or the
	 * node's timeout passes, and answers the tip either way (compare its hash). The call's own
	 * timeout is the node's plus {@link #WAIT_MARGIN}, so the client does not give up first.
	 * @param blockHash the block to wait for
	 * @param nodeTimeout how long the node waits, positive (sent in milliseconds)
	 */
	@RpcMethod("waitforblock")
	default CompletableFuture<BlockRef> waitForBlockAsync(String blockHash, Duration nodeTimeout) {
		return CallArguments.checked(() -> waitForBlockAsync(blockHash, nodeTimeout, checkTimeout(nodeTimeout, "nodeTimeout").plus(WAIT_MARGIN)));
	}

	@RpcMethod("waitforblock")
	default BlockRef waitForBlock(String blockHash, Duration nodeTimeout) {
		return RpcCalls.required(Futures.await(waitForBlockAsync(blockHash, nodeTimeout)), "waitforblock");
	}

	/**
	 * {@code waitforblock <hash> <timeout>} with the call's own timeout; a {@code nodeTimeout} of
	 * zero makes the node wait without end, so {@code callTimeout} alone bounds the wait.
	 * @param blockHash the block to wait for
	 * @param nodeTimeout how long the node waits (sent in milliseconds), zero for no limit
	 * @param callTimeout how long the client waits for the answer
	 */
	@RpcMethod("waitforblock")
	default CompletableFuture<BlockRef> waitForBlockAsync(String blockHash, Duration nodeTimeout,
			Duration callTimeout) {
		return CallArguments.checked(() -> callAsync("waitforblock", List.of(checkHash(blockHash, "blockHash"), millis(nodeTimeout, "nodeTimeout")),
				BlockRef.class, checkTimeout(callTimeout, "callTimeout")));
	}

	@RpcMethod("waitforblock")
	default BlockRef waitForBlock(String blockHash, Duration nodeTimeout, Duration callTimeout) {
		return RpcCalls.required(Futures.await(waitForBlockAsync(blockHash, nodeTimeout, callTimeout)),
				"waitforblock");
	}

	/**
	 * {@code waitforblockheight <height> <timeout>} (Core only): waits until the tip is at least
	 * {@code height} or the node's timeout passes, and answers the tip either way. The call's own
	 * timeout is the node's plus {@link #WAIT_MARGIN}.
	 * @param height the height to wait for
	 * @param nodeTimeout how long the node waits, positive (sent in milliseconds)
	 */
	@RpcMethod("waitforblockheight")
	default CompletableFuture<BlockRef> waitForBlockHeightAsync(long height, Duration nodeTimeout) {
		return CallArguments.checked(() -> waitForBlockHeightAsync(height, nodeTimeout, checkTimeout(nodeTimeout, "nodeTimeout").plus(WAIT_MARGIN)));
	}

	@RpcMethod("waitforblockheight")
	default BlockRef waitForBlockHeight(long height, Duration nodeTimeout) {
		return RpcCalls.required(Futures.await(waitForBlockHeightAsync(height, nodeTimeout)), "waitforblockheight");
	}

	/**
	 * {@code waitforblockheight <height> <timeout>} with the call's own timeout; a
	 * {@code nodeTimeout} of zero makes the node wait without end.
	 * @param height the height to wait for
	 * @param nodeTimeout how long the node waits (sent in milliseconds), zero for no limit
	 * @param callTimeout how long the client waits for the answer
	 */
	@RpcMethod("waitforblockheight")
	default CompletableFuture<BlockRef> waitForBlockHeightAsync(long height, Duration nodeTimeout,
			Duration callTimeout) {
		return CallArguments.checked(() -> callAsync("waitforblockheight", List.of(checkCount(height, "height"), millis(nodeTimeout, "nodeTimeout")),
				BlockRef.class, checkTimeout(callTimeout, "callTimeout")));
	}

	@RpcMethod("waitforblockheight")
	default BlockRef waitForBlockHeight(long height, Duration nodeTimeout, Duration callTimeout) {
		return RpcCalls.required(Futures.await(waitForBlockHeightAsync(height, nodeTimeout, callTimeout)),
				"waitforblockheight");
	}

	/**
	 * {@code waitfornewblock <timeout>} (Core only): waits for the tip to change or the node's
	 * timeout to pass, and answers the tip either way (the old one after a timeout). The call's own
	 * timeout is the node's plus {@link #WAIT_MARGIN}.
	 * @param nodeTimeout how long the node waits, positive (sent in milliseconds)
	 */
	@RpcMethod("waitfornewblock")
	default CompletableFuture<BlockRef> waitForNewBlockAsync(Duration nodeTimeout) {
		return CallArguments.checked(() -> waitForNewBlockAsync(nodeTimeout, checkTimeout(nodeTimeout, "nodeTimeout").plus(WAIT_MARGIN)));
	}

	@RpcMethod("waitfornewblock")
	default BlockRef waitForNewBlock(Duration nodeTimeout) {
		return RpcCalls.required(Futures.await(waitForNewBlockAsync(nodeTimeout)), "waitfornewblock");
	}

	/**
	 * {@code waitfornewblock <timeout>} with the call's own timeout; a {@code nodeTimeout} of zero
	 * makes the node wait without end.
	 * @param nodeTimeout how long the node waits (sent in milliseconds), zero for no limit
	 * @param callTimeout how long the client waits for the answer
	 */
	@RpcMethod("waitfornewblock")
	default CompletableFuture<BlockRef> waitForNewBlockAsync(Duration nodeTimeout, Duration callTimeout) {
		return CallArguments.checked(() -> callAsync("waitfornewblock", List.of(millis(nodeTimeout, "nodeTimeout")), BlockRef.class,
				checkTimeout(callTimeout, "callTimeout")));
	}

	@RpcMethod("waitfornewblock")
	default BlockRef waitForNewBlock(Duration nodeTimeout, Duration callTimeout) {
		return RpcCalls.required(Futures.await(waitForNewBlockAsync(nodeTimeout, callTimeout)), "waitfornewblock");
	}

	/**
	 * {@code waitfornewblock <timeout> <current_tip>} (Core only; Core 30's help text lists
	 * {@code current_tip}, the recordings do not use it): waits for the tip to differ from
	 * {@code currentTip}, so a block that arrived between reading the tip and this call is not
	 * missed; answers at once if it already differs.
	 * @param nodeTimeout how long the node waits (sent in milliseconds), zero for no limit
	 * @param currentTip the tip the caller last saw
	 * @param callTimeout how long the client waits for the answer
	 */
	@RpcMethod("waitfornewblock")
	default CompletableFuture<BlockRef> waitForNewBlockAsync(Duration nodeTimeout, String currentTip,
			Duration callTimeout) {
		return CallArguments.checked(() -> callAsync("waitfornewblock",
				List.of(millis(nodeTimeout, "nodeTimeout"), checkHash(currentTip, "currentTip")), BlockRef.class,
				checkTimeout(callTimeout, "callTimeout")));
	}

	@RpcMethod("waitfornewblock")
	default BlockRef waitForNewBlock(Duration nodeTimeout, String currentTip, Duration callTimeout) {
		return RpcCalls.required(Futures.await(waitForNewBlockAsync(nodeTimeout, currentTip, callTimeout)),
				"waitfornewblock");
	}

	/**
	 * {@code gettxoutproof [<txid>, ...]} (Core only): a merkle proof that the transactions are in a
	 * block, as the hex of a serialized merkle block. Core finds the block through {@code -txindex} or
	 * an unspent output of the transactions; otherwise, or for an unknown txid, it fails with -5.
	 * @param txids transactions of one block, at least one
	 */
	@RpcMethod("gettxoutproof")
	default CompletableFuture<String> getTxOutProofAsync(List<String> txids) {
		return CallArguments.checked(() -> callAsync("gettxoutproof", List.of(checkTxids(txids)), String.class));
	}

	@RpcMethod("gettxoutproof")
	default String getTxOutProof(List<String> txids) {
		return RpcCalls.required(Futures.await(getTxOutProofAsync(txids)), "gettxoutproof");
	}

	/**
	 * {@code gettxoutproof [<txid>, ...] <blockhash>} (Core only): as {@link #getTxOutProofAsync(List)}
	 * looking in the given block, which works without {@code -txindex}.
	 */
	@RpcMethod("gettxoutproof")
	default CompletableFuture<String> getTxOutProofAsync(List<String> txids, String blockHash) {
		return CallArguments.checked(() -> callAsync("gettxoutproof", List.of(checkTxids(txids), checkHash(blockHash, "blockHash")), String.class));
	}

	@RpcMethod("gettxoutproof")
	default String getTxOutProof(List<String> txids, String blockHash) {
		return RpcCalls.required(Futures.await(getTxOutProofAsync(txids, blockHash)), "gettxoutproof");
	}

	/**
	 * {@code verifytxoutproof <proof>} (Core only): the txids a proof from {@code gettxoutproof}
	 * commits to; empty when the proof is invalid or its block is not in the best chain.
	 */
	@RpcMethod("verifytxoutproof")
	default CompletableFuture<List<String>> verifyTxOutProofAsync(String proof) {
		return CallArguments.checked(() -> callAsync("verifytxoutproof", List.of(checkHex(proof, "proof")), new TypeReference<List<String>>() {
		}));
	}

	@RpcMethod("verifytxoutproof")
	default List<String> verifyTxOutProof(String proof) {
		return RpcCalls.required(Futures.await(verifyTxOutProofAsync(proof)), "verifytxoutproof");
	}

	/**
	 * {@code getdescriptoractivity [<blockhash>, ...] [<scanobject>, ...]} (Core only): the receives
	 * and spends of the descriptors' scripts in the given blocks (typically those
	 * {@code scanblocks} found) and in the mempool, Core's default. An unknown block fails with -5.
	 */
	@RpcMethod("getdescriptoractivity")
	default CompletableFuture<DescriptorActivity> getDescriptorActivityAsync(List<String> blockHashes,
			List<ScanObject> scanObjects) {
		return CallArguments.checked(() -> callAsync("getdescriptoractivity", List.of(checkHashes(blockHashes), List.copyOf(scanObjects)),
				DescriptorActivity.class));
	}

	@RpcMethod("getdescriptoractivity")
	default DescriptorActivity getDescriptorActivity(List<String> blockHashes, List<ScanObject> scanObjects) {
		return RpcCalls.required(Futures.await(getDescriptorActivityAsync(blockHashes, scanObjects)),
				"getdescriptoractivity");
	}

	/**
	 * {@code getdescriptoractivity <blockhashes> <scanobjects> <include_mempool>} (Core only): as
	 * {@link #getDescriptorActivityAsync(List, List)}, saying whether mempool activity is included.
	 */
	@RpcMethod("getdescriptoractivity")
	default CompletableFuture<DescriptorActivity> getDescriptorActivityAsync(List<String> blockHashes,
			List<ScanObject> scanObjects, boolean includeMempool) {
		return CallArguments.checked(() -> callAsync("getdescriptoractivity",
				List.of(checkHashes(blockHashes), List.copyOf(scanObjects), includeMempool), DescriptorActivity.class));
	}

	@RpcMethod("getdescriptoractivity")
	default DescriptorActivity getDescriptorActivity(List<String> blockHashes, List<ScanObject> scanObjects,
			boolean includeMempool) {
		return RpcCalls.required(Futures.await(getDescriptorActivityAsync(blockHashes, scanObjects, includeMempool)),
				"getdescriptoractivity");
	}

	/** Txids for a proof: at least one, each checked. */
	private static List<String> checkTxids(List<String> txids) {
		Objects.requireNonNull(txids, "txids must not be null");
		if (txids.isEmpty()) {
			throw new IllegalArgumentException("txids must not be empty");
		}
		txids.forEach((txid) -> checkHash(txid, "txids"));
		return List.copyOf(txids);
	}

	/** Block hashes, each checked; may be empty. */
	private static List<String> checkHashes(List<String> hashes) {
		Objects.requireNonNull(hashes, "blockHashes must not be null");
		hashes.forEach((hash) -> checkHash(hash, "blockHashes"));
		return List.copyOf(hashes);
	}

	/** A count or height that must not be negative. */
	static long checkCount(long value, String argument) {
		if (value < 0) {
			throw new IllegalArgumentException(argument + " must not be negative, was " + value);
		}
		return value;
	}

	/** A file path on the node's machine: not blank. */
	static String checkPath(String path) {
		Objects.requireNonNull(path, "path must not be null");
		if (path.isBlank()) {
			throw new IllegalArgumentException("path must not be blank");
		}
		return path;
	}

	/** A call's own timeout: positive. */
	static Duration checkTimeout(Duration timeout, String argument) {
		Objects.requireNonNull(timeout, () -> argument + " must not be null");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(argument + " must be positive, was " + timeout);
		}
		return timeout;
	}

	/** A node-side wait in whole milliseconds, as Core's {@code waitfor*} take it; zero means none. */
	static long millis(Duration timeout, String argument) {
		Objects.requireNonNull(timeout, () -> argument + " must not be null");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException(argument + " must not be negative, was " + timeout);
		}
		return timeout.toMillis();
	}

	/** A block or transaction hash: 64 hex characters; the message names the argument. */
	static String checkHash(String hash, String argument) {
		Objects.requireNonNull(hash, () -> argument + " must not be null");
		if (hash.length() != 64 || !hash.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			throw new IllegalArgumentException(argument + " must be 64 hex characters, was '" + hash + "'");
		}
		return hash;
	}

	/** An output index or count that must not be negative. */
	static int checkIndex(int value, String argument) {
		if (value < 0) {
			throw new IllegalArgumentException(argument + " must not be negative, was " + value);
		}
		return value;
	}

	/** A serialized transaction: a non-empty, even number of hex characters. */
	static String checkHex(String hex, String argument) {
		Objects.requireNonNull(hex, () -> argument + " must not be null");
		if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			throw new IllegalArgumentException(argument + " must be a non-empty, even number of hex characters");
		}
		return hex;
	}

	/** A block or transaction hash: 64 hex characters. */
	static String checkHash(String hash) {
		Objects.requireNonNull(hash, "hash must not be null");
		if (hash.length() != 64 || !hash.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			throw new IllegalArgumentException("hash must be 64 hex characters, was '" + hash + "'");
		}
		return hash;
	}

}
