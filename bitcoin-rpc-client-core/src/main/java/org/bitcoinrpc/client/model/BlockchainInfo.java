package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code getblockchaininfo}, as btcd and Bitcoin Core send it.
 *
 * @param chain {@code main}, {@code test}, {@code regtest}, {@code simnet}, ...
 * @param blocks the height of the best validated chain
 * @param headers the height of the best known header chain
 * @param bestBlockHash the tip's hash
 * @param bits the tip's compact target, hex (Core only)
 * @param target the tip's full target, hex (Core 29 and later)
 * @param difficulty the tip's difficulty
 * @param time the tip's block time, Unix seconds (Core only)
 * @param medianTime the tip's median time past, Unix seconds
 * @param verificationProgress estimated share of the chain verified, 0 to 1 (Core only)
 * @param initialBlockDownload whether the node is in initial block download (Core only)
 * @param chainWork total work of the active chain, hex (Core only)
 * @param sizeOnDisk block and undo files size, bytes (Core only)
 * @param pruned whether the node prunes blocks
 * @param pruneHeight lowest height with a complete block stored, when pruned (Core only)
 * @param warnings the node's warnings (Core only; an array since Core 28, a lone string before,
 * which is read as a one-element list)
 * @param bip9SoftForks the BIP 9 deployments by name (btcd only)
 */
public record BlockchainInfo(String chain, long blocks, long headers,
		@JsonProperty("bestblockhash") String bestBlockHash, @Nullable String bits, @Nullable String target,
		BigDecimal difficulty, @Nullable Long time, @JsonProperty("mediantime") long medianTime,
		@JsonProperty("verificationprogress") @Nullable BigDecimal verificationProgress,
		@JsonProperty("initialblockdownload") @Nullable Boolean initialBlockDownload,
		@JsonProperty("chainwork") @Nullable String chainWork,
		@JsonProperty("size_on_disk") @Nullable Long sizeOnDisk, boolean pruned,
		@JsonProperty("pruneheight") @Nullable Long pruneHeight,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> warnings,
		@JsonProperty("bip9_softforks") @Nullable Map<String, Bip9SoftFork> bip9SoftForks) {
}
