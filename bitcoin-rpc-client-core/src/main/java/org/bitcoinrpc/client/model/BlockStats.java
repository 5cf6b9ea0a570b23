package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code getblockstats}. Amounts are integer satoshis and fee rates integer sat/vB, not BTC
 * as elsewhere. Every member is {@code null} when it was not among the requested stats.
 *
 * @param avgFee average fee in the block, sat ({@code avgfee})
 * @param avgFeeRate average fee rate, sat/vB ({@code avgfeerate})
 * @param avgTxSize average transaction size, bytes ({@code avgtxsize})
 * @param blockHash the block hash ({@code blockhash})
 * @param feeRatePercentiles the 10th, 25th, 50th, 75th and 90th percentile fee rates by weight,
 * sat/vB ({@code feerate_percentiles})
 * @param height the block height
 * @param ins the number of inputs, coinbase excluded
 * @param maxFee the highest fee, sat ({@code maxfee})
 * @param maxFeeRate the highest fee rate, sat/vB ({@code maxfeerate})
 * @param maxTxSize the largest transaction, bytes ({@code maxtxsize})
 * @param medianFee the median fee, sat ({@code medianfee})
 * @param medianTime the block's median time past ({@code mediantime})
 * @param medianTxSize the median transaction size, bytes ({@code mediantxsize})
 * @param minFee the lowest fee, sat ({@code minfee})
 * @param minFeeRate the lowest fee rate, sat/vB ({@code minfeerate})
 * @param minTxSize the smallest transaction, bytes ({@code mintxsize})
 * @param outs the number of outputs
 * @param subsidy the block subsidy, sat
 * @param segwitTotalSize total size of segwit transactions ({@code swtotal_size})
 * @param segwitTotalWeight total weight of segwit transactions ({@code swtotal_weight})
 * @param segwitTxs the number of segwit transactions ({@code swtxs})
 * @param time the block time
 * @param totalOut total output value, coinbase excluded, sat ({@code total_out})
 * @param totalSize total size of the transactions, coinbase excluded ({@code total_size})
 * @param totalWeight total weight of the transactions, coinbase excluded ({@code total_weight})
 * @param totalFee total fees, sat ({@code totalfee})
 * @param txs the number of transactions, coinbase included
 * @param utxoIncrease the change in the number of unspent outputs ({@code utxo_increase})
 * @param utxoSizeIncrease the change in the UTXO set size ({@code utxo_size_inc})
 * @param utxoIncreaseActual as {@code utxoIncrease}, unspendable outputs excluded
 * ({@code utxo_increase_actual})
 * @param utxoSizeIncreaseActual as {@code utxoSizeIncrease}, unspendable outputs excluded
 * ({@code utxo_size_inc_actual})
 */
public record BlockStats(@JsonProperty("avgfee") @Nullable Long avgFee,
		@JsonProperty("avgfeerate") @Nullable Long avgFeeRate, @JsonProperty("avgtxsize") @Nullable Long avgTxSize,
		@JsonProperty("blockhash") @Nullable String blockHash,
		@JsonProperty("feerate_percentiles") @Nullable List<Long> feeRatePercentiles, @Nullable Long height,
		@Nullable Long ins, @JsonProperty("maxfee") @Nullable Long maxFee,
		@JsonProperty("maxfeerate") @Nullable Long maxFeeRate, @JsonProperty("maxtxsize") @Nullable Long maxTxSize,
		@JsonProperty("medianfee") @Nullable Long medianFee, @JsonProperty("mediantime") @Nullable Long medianTime,
		@JsonProperty("mediantxsize") @Nullable Long medianTxSize, @JsonProperty("minfee") @Nullable Long minFee,
		@JsonProperty("minfeerate") @Nullable Long minFeeRate, @JsonProperty("mintxsize") @Nullable Long minTxSize,
		@Nullable Long outs, @Nullable Long subsidy, @JsonProperty("swtotal_size") @Nullable Long segwitTotalSize,
		@JsonProperty("swtotal_weight") @Nullable Long segwitTotalWeight,
		@JsonProperty("swtxs") @Nullable Long segwitTxs, @Nullable Long time,
		@JsonProperty("total_out") @Nullable Long totalOut, @JsonProperty("total_size") @Nullable Long totalSize,
		@JsonProperty("total_weight") @Nullable Long totalWeight, @JsonProperty("totalfee") @Nullable Long totalFee,
		@Nullable Long txs, @JsonProperty("utxo_increase") @Nullable Long utxoIncrease,
		@JsonProperty("utxo_size_inc") @Nullable Long utxoSizeIncrease,
		@JsonProperty("utxo_increase_actual") @Nullable Long utxoIncreaseActual,
		@JsonProperty("utxo_size_inc_actual") @Nullable Long utxoSizeIncreaseActual) {
}
