package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code fees} of an accepted {@code testmempoolaccept} entry.
 *
 * @param base the transaction's fee, BTC
 * @param effectiveFeeRate the fee rate used for the decision, BTC/kvB
 * @param effectiveIncludes the wtxids whose fees and sizes that rate covers (btcd sends
 * {@code null})
 */
public record MempoolAcceptFees(BigDecimal base,
		@JsonProperty("effective-feerate") @Nullable BigDecimal effectiveFeeRate,
		@JsonProperty("effective-includes") @Nullable List<String> effectiveIncludes) {
}
