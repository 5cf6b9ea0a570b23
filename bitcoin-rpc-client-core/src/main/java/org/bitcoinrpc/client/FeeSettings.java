package org.bitcoinrpc.client;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The fee settings Bitcoin Core's send family shares ({@code send}, {@code sendall},
 * {@code sendmany}, {@code walletcreatefundedpsbt}): each call puts them in its own place on the
 * wire, positional or in its options object. Unset ones are null, and left out.
 *
 * @param confTarget confirmation target in blocks ({@code conf_target})
 * @param estimateMode how the fee is estimated ({@code estimate_mode})
 * @param feeRateSatPerVbyte an explicit fee rate in sat/vB ({@code fee_rate})
 */
record FeeSettings(@Nullable Integer confTarget, @Nullable FeeEstimateMode estimateMode,
		@Nullable BigDecimal feeRateSatPerVbyte) {

	/** @return the estimate mode as Core spells it, or null when unset */
	@Nullable String estimateModeWireName() {
		return (this.estimateMode != null) ? this.estimateMode.wireName() : null;
	}

}
