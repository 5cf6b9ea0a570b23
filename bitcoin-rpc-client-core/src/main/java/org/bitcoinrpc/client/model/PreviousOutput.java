package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An output a transaction to sign spends, for Core's {@code prevtxs} argument when the node does not
 * know it yet (its transaction is unconfirmed elsewhere, or not sent): {@code {txid, vout,
 * scriptPubKey, redeemScript?, witnessScript?, amount}}.
 *
 * @param txid the spent transaction's id
 * @param vout the spent output's index
 * @param scriptPubKey the output's script, hex
 * @param redeemScript for P2SH outputs, the redeem script, hex; else {@code null} (left out)
 * @param witnessScript for P2WSH outputs, the witness script, hex; else {@code null} (left out)
 * @param amount the output's value, BTC (needed for segwit signatures); kept with 8 decimals
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreviousOutput(String txid, int vout, @JsonProperty("scriptPubKey") String scriptPubKey,
		@JsonProperty("redeemScript") @Nullable String redeemScript,
		@JsonProperty("witnessScript") @Nullable String witnessScript, BigDecimal amount) {

	/**
	 * Checks that the required members are present.
	 */
	public PreviousOutput {
		Objects.requireNonNull(txid, "txid must not be null");
		if (vout < 0) {
			throw new IllegalArgumentException("vout must not be negative, was " + vout);
		}
		Objects.requireNonNull(scriptPubKey, "scriptPubKey must not be null");
		Objects.requireNonNull(amount, "amount must not be null");
		if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 8) {
			throw new IllegalArgumentException("amount must be BTC, not negative, at most 8 decimals, was "
					+ amount.toPlainString());
		}
		// Sent with 8 decimals, as Core writes amounts.
		amount = amount.setScale(8);
	}

	/**
	 * A spent output with no redeem or witness script (P2WPKH, P2TR, P2PKH).
	 * @param txid the spent transaction's id
	 * @param vout the spent output's index
	 * @param scriptPubKey the output's script, hex
	 * @param amount the output's value, BTC
	 * @return the output
	 */
	public static PreviousOutput of(String txid, int vout, String scriptPubKey, BigDecimal amount) {
		return new PreviousOutput(txid, vout, scriptPubKey, null, null, amount);
	}

}
