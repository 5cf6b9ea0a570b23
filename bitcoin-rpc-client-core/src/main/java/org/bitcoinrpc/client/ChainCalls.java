package org.bitcoinrpc.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.Block;
import org.bitcoinrpc.client.model.BlockHeader;

/**
 * Calls about the block chain, the same on btcd and Bitcoin Core.
 */
public interface ChainCalls extends RpcCalls {

	/** {@code getblockcount}: the height of the best chain. */
	default CompletableFuture<Long> getBlockCountAsync() {
		return callAsync("getblockcount", List.of(), Long.class);
	}

	default long getBlockCount() {
		return RpcCalls.required(Futures.await(getBlockCountAsync()), "getblockcount");
	}

	/** {@code getbestblockhash}: the hash of the best chain's tip. */
	default CompletableFuture<String> getBestBlockHashAsync() {
		return callAsync("getbestblockhash", List.of(), String.class);
	}

	default String getBestBlockHash() {
		return RpcCalls.required(Futures.await(getBestBlockHashAsync()), "getbestblockhash");
	}

	/** {@code getblockhash <height>}: the hash of the best-chain block at a height. */
	default CompletableFuture<String> getBlockHashAsync(long height) {
		return callAsync("getblockhash", List.of(height), String.class);
	}

	default String getBlockHash(long height) {
		return RpcCalls.required(Futures.await(getBlockHashAsync(height)), "getblockhash");
	}

	/** {@code getblockheader <hash> true}: the decoded header. */
	default CompletableFuture<BlockHeader> getBlockHeaderAsync(String blockHash) {
		return callAsync("getblockheader", List.of(checkHash(blockHash), true), BlockHeader.class);
	}

	default BlockHeader getBlockHeader(String blockHash) {
		return RpcCalls.required(Futures.await(getBlockHeaderAsync(blockHash)), "getblockheader");
	}

	/**
	 * {@code getblock <hash> 1}: the block with its transaction ids. The verbosity is sent as an
	 * integer, which both nodes accept (btcd rejects booleans).
	 */
	default CompletableFuture<Block> getBlockAsync(String blockHash) {
		return callAsync("getblock", List.of(checkHash(blockHash), 1), Block.class);
	}

	default Block getBlock(String blockHash) {
		return RpcCalls.required(Futures.await(getBlockAsync(blockHash)), "getblock");
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
