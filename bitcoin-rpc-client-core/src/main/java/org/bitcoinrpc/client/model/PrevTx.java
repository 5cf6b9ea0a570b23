package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An output a transaction spends, described for signing without the UTXO set
 * ({@code signrawtransactionwithkey}'s {@code prevtxs}).
 *
 * @param txid the transaction id
 * @param vout the output index
 * @param scriptPubKey the output's script, hex
 * @param redeemScript the P2SH redeem script, hex, for P2SH outputs
 * @param witnessScript the witness script, hex, for P2WSH outputs
 * @param amount the output's amount, BTC: required for segwit outputs (kept with 8 decimals)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrevTx(String txid, int vout, @JsonProperty("scriptPubKey") String scriptPubKey,
		@JsonProperty("redeemScript") @Nullable String redeemScript,
		@JsonProperty("witnessScript") @Nullable String witnessScript, @Nullable BigDecimal amount) {

	/**
	 * Checks the arguments.
	 * @param txid the transaction id
	 * @param vout the output index, not negative
	 * @param scriptPubKey the output's script, hex
	 * @param redeemScript the redeem script, or {@code null}
	 * @param witnessScript the witness script, or {@code null}
	 * @param amount the amount, or {@code null}
	 */
	public PrevTx {
		Objects.requireNonNull(txid, "txid must not be null");
		Objects.requireNonNull(scriptPubKey, "scriptPubKey must not be null");
		if (vout < 0) {
			throw new IllegalArgumentException("vout must not be negative, was " + vout);
		}
		if (amount != null) {
			if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 8) {
				throw new IllegalArgumentException(
						"amount must be a non-negative amount with at most 8 decimals, was " + amount.toPlainString());
			}
			// Core prints amounts with 8 decimals; sent the same way.
			amount = amount.setScale(8);
		}
	}

	/**
	 * A segwit (or any) output by script and amount.
	 * @param txid the transaction id
	 * @param vout the output index
	 * @param scriptPubKey the output's script, hex
	 * @param amount the amount, BTC
	 * @return the description
	 */
	public static PrevTx of(String txid, int vout, String scriptPubKey, BigDecimal amount) {
		return new PrevTx(txid, vout, scriptPubKey, null, null, amount);
	}

}
