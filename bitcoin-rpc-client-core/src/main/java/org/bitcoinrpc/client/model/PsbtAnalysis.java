package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code analyzepsbt} (Core): which BIP 174 role acts next, per input and overall.
 *
 * @param inputs one entry per input; absent when the PSBT has none
 * @param estimatedVsize the estimated virtual size once signed ({@code estimated_vsize}); only
 * when every input can be estimated (seen only for a signed PSBT)
 * @param estimatedFeeRate the estimated fee rate, BTC/kvB ({@code estimated_feerate}); as
 * {@code estimatedVsize}
 * @param fee the fee, BTC; once every input's UTXO is known
 * @param next the role that acts next: {@code creator}, {@code updater}, {@code signer},
 * {@code finalizer} or {@code extractor}
 * @param error why the PSBT is invalid, when it is
 */
public record PsbtAnalysis(@Nullable List<Input> inputs,
		@JsonProperty("estimated_vsize") @Nullable Integer estimatedVsize,
		@JsonProperty("estimated_feerate") @Nullable BigDecimal estimatedFeeRate, @Nullable BigDecimal fee, String next,
		@Nullable String error) {

	/**
	 * One input's state.
	 *
	 * @param hasUtxo whether the spent output is known ({@code has_utxo})
	 * @param isFinal whether the input is finalized ({@code is_final})
	 * @param missing what the input still lacks; absent when nothing is known to be missing
	 * @param next the role that acts next for this input
	 */
	public record Input(@JsonProperty("has_utxo") boolean hasUtxo, @JsonProperty("is_final") boolean isFinal,
			@Nullable Missing missing, @Nullable String next) {
	}

	/**
	 * What an input lacks before it can be signed.
	 *
	 * @param pubkeys key ids (hash160, hex) of public keys still needed
	 * @param signatures key ids of the keys whose signatures are still needed
	 * @param redeemScript the hash160 of the missing redeem script ({@code redeemscript})
	 * @param witnessScript the SHA256 of the missing witness script ({@code witnessscript})
	 */
	public record Missing(@Nullable List<String> pubkeys, @Nullable List<String> signatures,
			@JsonProperty("redeemscript") @Nullable String redeemScript,
			@JsonProperty("witnessscript") @Nullable String witnessScript) {
	}

}
