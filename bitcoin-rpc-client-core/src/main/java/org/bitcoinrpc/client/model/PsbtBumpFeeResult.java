package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code psbtbumpfee}: an unsigned replacement as a PSBT; nothing is signed or broadcast.
 *
 * @param psbt the replacement, to sign (e.g. {@code walletprocesspsbt}) and send
 * @param originalFee the replaced transaction's fee, BTC ({@code origfee})
 * @param fee the replacement's fee, BTC
 * @param errors problems found (empty when none)
 */
public record PsbtBumpFeeResult(Psbt psbt, @JsonProperty("origfee") BigDecimal originalFee, BigDecimal fee,
		List<String> errors) {
}
