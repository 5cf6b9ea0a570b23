package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code bumpfee}.
 *
 * @param txid the replacement's transaction id
 * @param originalFee the replaced transaction's fee, BTC
 * @param fee the replacement's fee, BTC
 * @param errors problems found (empty when none)
 */
public record BumpFeeResult(String txid, @JsonProperty("origfee") BigDecimal originalFee, BigDecimal fee,
		List<String> errors) {
}
