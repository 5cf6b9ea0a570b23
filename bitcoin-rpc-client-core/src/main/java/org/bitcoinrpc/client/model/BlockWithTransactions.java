package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code getblock <hash> 2}: the block with every transaction decoded. btcd sends them under
 * {@code rawtx}, Core under {@code tx}; Core's verbosity 3 adds {@code prevout} to each input and
 * decodes into this record too.
 *
 * @param hash the block hash (RPC byte order)
 * @param confirmations confirmations; -1 when the block is not on the main chain
 * @param strippedSize size without witness data, bytes
 * @param size size, bytes
 * @param weight weight units
 * @param height the height
 * @param version the version field
 * @param versionHex the version as 8 hex digits
 * @param merkleRoot the merkle root
 * @param transactions the decoded transactions, coinbase first
 * @param time the block time, Unix seconds
 * @param medianTime median time past (Core only)
 * @param nonce the nonce (unsigned 32-bit)
 * @param bits the compact target, hex
 * @param target the full target, hex (Core 29 and later)
 * @param difficulty the difficulty
 * @param chainWork total work up to this block, hex (Core only)
 * @param txCount number of transactions (Core only)
 * @param previousBlockHash the previous block's hash; absent for the genesis block
 * @param nextBlockHash the next block's hash; absent at the tip
 */
public record BlockWithTransactions(String hash, long confirmations,
		@JsonProperty("strippedsize") @Nullable Long strippedSize, long size, @Nullable Long weight, long height,
		long version, @JsonProperty("versionHex") @Nullable String versionHex,
		@JsonProperty("merkleroot") String merkleRoot,
		@JsonProperty("tx") @JsonAlias("rawtx") List<RawTransaction> transactions, long time,
		@JsonProperty("mediantime") @Nullable Long medianTime, long nonce, String bits, @Nullable String target,
		BigDecimal difficulty, @JsonProperty("chainwork") @Nullable String chainWork,
		@JsonProperty("nTx") @Nullable Integer txCount,
		@JsonProperty("previousblockhash") @Nullable String previousBlockHash,
		@JsonProperty("nextblockhash") @Nullable String nextBlockHash) {
}
