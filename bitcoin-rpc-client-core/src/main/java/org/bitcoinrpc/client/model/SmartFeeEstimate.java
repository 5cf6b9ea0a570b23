package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code estimatesmartfee}. Without enough data Core still answers with a result, not an
 * error: no {@code feerate}, and the reason in {@code errors}.
 *
 * @param feeRate the estimated fee rate, BTC/kvB; absent when there is no estimate
 * @param errors why there is no estimate, e.g. "Insufficient data or no feerate found"
 * @param blocks the confirmation target the estimate is for (0 when there is none)
 */
public record SmartFeeEstimate(@JsonProperty("feerate") @Nullable BigDecimal feeRate, @Nullable List<String> errors,
		long blocks) {
}
