package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One chainstate of Core's {@code getchainstates}.
 *
 * @param blocks the height of its tip
 * @param bestBlockHash its tip's hash ({@code bestblockhash})
 * @param bits the tip's compact target, hex
 * @param target the tip's target, hex
 * @param difficulty the tip's difficulty
 * @param verificationProgress the estimated share of the chain verified ({@code verificationprogress};
 * Core sends an integer {@code 1} when done)
 * @param snapshotBlockHash the base block of the snapshot it was loaded from; absent unless it was
 * ({@code snapshot_blockhash})
 * @param coinsDbCacheBytes the coins database cache size ({@code coins_db_cache_bytes})
 * @param coinsTipCacheBytes the coins tip cache size ({@code coins_tip_cache_bytes})
 * @param validated whether the chainstate is fully validated
 */
public record ChainState(long blocks, @JsonProperty("bestblockhash") String bestBlockHash, @Nullable String bits,
		@Nullable String target, BigDecimal difficulty,
		@JsonProperty("verificationprogress") BigDecimal verificationProgress,
		@JsonProperty("snapshot_blockhash") @Nullable String snapshotBlockHash,
		@JsonProperty("coins_db_cache_bytes") long coinsDbCacheBytes,
		@JsonProperty("coins_tip_cache_bytes") long coinsTipCacheBytes, boolean validated) {
}
