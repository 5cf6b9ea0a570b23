package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code getchaintxstats}: transaction counts over a window of blocks ending at a block.
 *
 * @param time the final block's time, Unix seconds
 * @param txCount the number of transactions in the chain up to the final block ({@code txcount};
 * absent when unknown, e.g. below an assumeutxo snapshot)
 * @param windowFinalBlockHash the final block's hash ({@code window_final_block_hash})
 * @param windowFinalBlockHeight the final block's height ({@code window_final_block_height})
 * @param windowBlockCount the window's size in blocks ({@code window_block_count})
 * @param windowInterval the time the window spans, seconds; absent for an empty window
 * ({@code window_interval})
 * @param windowTxCount the transactions in the window; absent for an empty window or when unknown
 * ({@code window_tx_count})
 * @param txRate the average transactions per second in the window; absent when the interval is
 * zero or the count unknown ({@code txrate})
 */
public record ChainTxStats(long time, @JsonProperty("txcount") @Nullable Long txCount,
		@JsonProperty("window_final_block_hash") String windowFinalBlockHash,
		@JsonProperty("window_final_block_height") long windowFinalBlockHeight,
		@JsonProperty("window_block_count") long windowBlockCount,
		@JsonProperty("window_interval") @Nullable Long windowInterval,
		@JsonProperty("window_tx_count") @Nullable Long windowTxCount,
		@JsonProperty("txrate") @Nullable BigDecimal txRate) {
}
