package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code decodepsbt} (Core): the unsigned transaction and what the PSBT holds for each input and
 * output. Members Core leaves out when empty are {@code null} here. Members not modelled (the
 * {@code proprietary} lists, hash preimages, the taproot and MuSig2 fields) are ignored: their
 * shapes are not in the recordings.
 *
 * @param tx the unsigned transaction, decoded (as {@code decoderawtransaction})
 * @param globalXpubs the extended public keys of the global map ({@code global_xpubs})
 * @param psbtVersion the PSBT version, 0 ({@code psbt_version})
 * @param unknown unknown global entries, key to value, hex
 * @param inputs one entry per transaction input ({@code {}} before any data is added)
 * @param outputs one entry per transaction output
 * @param fee the fee, BTC; absent until every input's UTXO is known
 */
public record DecodedPsbt(RawTransaction tx, @JsonProperty("global_xpubs") @Nullable List<GlobalXpub> globalXpubs,
		@JsonProperty("psbt_version") @Nullable Integer psbtVersion, @Nullable Map<String, String> unknown,
		List<Input> inputs, List<Output> outputs, @Nullable BigDecimal fee) {

	/**
	 * An extended public key of the global map.
	 *
	 * @param xpub the key
	 * @param masterFingerprint the master key's fingerprint, hex ({@code master_fingerprint})
	 * @param path the derivation path
	 */
	public record GlobalXpub(String xpub, @JsonProperty("master_fingerprint") String masterFingerprint, String path) {
	}

	/**
	 * A key's origin: the fingerprint of its master key and the path from it.
	 *
	 * @param pubkey the public key, hex
	 * @param masterFingerprint the master key's fingerprint, hex ({@code master_fingerprint})
	 * @param path the derivation path, e.g. {@code m/84h/1h/0h/1/1}
	 */
	public record Bip32Derivation(String pubkey, @JsonProperty("master_fingerprint") String masterFingerprint,
			String path) {
	}

	/**
	 * A script in a PSBT map ({@code redeem_script}, {@code witness_script}).
	 *
	 * @param asm the script in assembly form
	 * @param hex the script, hex
	 * @param type the script type
	 */
	public record Script(String asm, String hex, @Nullable String type) {
	}

	/**
	 * The output an input spends, for a segwit input ({@code witness_utxo}).
	 *
	 * @param amount the output's amount, BTC
	 * @param scriptPubKey the output's script
	 */
	public record WitnessUtxo(BigDecimal amount, @JsonProperty("scriptPubKey") ScriptPubKey scriptPubKey) {
	}

	/**
	 * What the PSBT holds for one input.
	 *
	 * @param nonWitnessUtxo the whole transaction holding the spent output ({@code non_witness_utxo})
	 * @param witnessUtxo the spent output ({@code witness_utxo})
	 * @param partialSignatures signatures so far, public key to signature, hex
	 * ({@code partial_signatures})
	 * @param sighash the signature hash type to use
	 * @param redeemScript the P2SH redeem script ({@code redeem_script})
	 * @param witnessScript the P2WSH witness script ({@code witness_script})
	 * @param bip32Derivations the origins of the keys involved ({@code bip32_derivs})
	 * @param finalScriptSig the finished signature script ({@code final_scriptSig})
	 * @param finalScriptWitness the finished witness items, hex ({@code final_scriptwitness})
	 * @param unknown unknown entries, key to value, hex
	 */
	public record Input(@JsonProperty("non_witness_utxo") @Nullable RawTransaction nonWitnessUtxo,
			@JsonProperty("witness_utxo") @Nullable WitnessUtxo witnessUtxo,
			@JsonProperty("partial_signatures") @Nullable Map<String, String> partialSignatures,
			@Nullable String sighash, @JsonProperty("redeem_script") @Nullable Script redeemScript,
			@JsonProperty("witness_script") @Nullable Script witnessScript,
			@JsonProperty("bip32_derivs") @Nullable List<Bip32Derivation> bip32Derivations,
			@JsonProperty("final_scriptSig") @Nullable ScriptSig finalScriptSig,
			@JsonProperty("final_scriptwitness") @Nullable List<String> finalScriptWitness,
			@Nullable Map<String, String> unknown) {
	}

	/**
	 * What the PSBT holds for one output (change outputs carry their key origins).
	 *
	 * @param redeemScript the P2SH redeem script ({@code redeem_script})
	 * @param witnessScript the P2WSH witness script ({@code witness_script})
	 * @param bip32Derivations the origins of the keys involved ({@code bip32_derivs})
	 * @param unknown unknown entries, key to value, hex
	 */
	public record Output(@JsonProperty("redeem_script") @Nullable Script redeemScript,
			@JsonProperty("witness_script") @Nullable Script witnessScript,
			@JsonProperty("bip32_derivs") @Nullable List<Bip32Derivation> bip32Derivations,
			@Nullable Map<String, String> unknown) {
	}

}
