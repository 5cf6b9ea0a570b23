package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.Block;
import org.bitcoinrpc.client.model.BlockHeader;
import org.bitcoinrpc.client.model.BlockRef;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.model.BlockchainInfo;
import org.bitcoinrpc.client.model.ChainTip;
import org.bitcoinrpc.client.model.TxOut;
import tools.jackson.core.type.TypeReference;

/**
 * Calls about the block chain, the same on btcd and Bitcoin Core.
 */
public interface ChainCalls extends RpcCalls {

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
		return callAsync("getblockheader", List.of(checkHash(blockHash), true), BlockHeader.class);
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
		return callAsync("getblock", List.of(checkHash(blockHash), 1), Block.class);
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
		return callAsync("getblockheader", List.of(checkHash(blockHash, "blockHash"), false), String.class);
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
		return callAsync("getblock", List.of(checkHash(blockHash, "blockHash"), 0), String.class);
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
		return callAsync("getblock", List.of(checkHash(blockHash, "blockHash"), 2), BlockWithTransactions.class);
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
		return callAsync("gettxout", List.of(checkHash(txid, "txid"), checkIndex(n, "n")), TxOut.class)
			.thenApply(Optional::ofNullable);
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
		return callAsync("gettxout", List.of(checkHash(txid, "txid"), checkIndex(n, "n"), includeMempool), TxOut.class)
			.thenApply(Optional::ofNullable);
	}

	@RpcMethod("gettxout")
	default Optional<TxOut> getTxOut(String txid, int n, boolean includeMempool) {
		return Futures.await(getTxOutAsync(txid, n, includeMempool));
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
