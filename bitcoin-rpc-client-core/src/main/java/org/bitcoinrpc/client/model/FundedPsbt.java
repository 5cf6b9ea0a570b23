package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code walletcreatefundedpsbt}: a PSBT funded (not signed) by the wallet.
 *
 * @param psbt the funded PSBT, with the wallet's input data but no signatures
 * @param fee the fee it pays, BTC
 * @param changePosition the index of the change output, {@code -1} when there is none
 * ({@code changepos})
 */
public record FundedPsbt(Psbt psbt, BigDecimal fee, @JsonProperty("changepos") int changePosition) {
}
