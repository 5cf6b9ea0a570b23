package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code validateaddress}. An invalid address is a normal result: btcd sends only
 * {@code isvalid:false}, Core adds {@code error} and {@code error_locations}.
 *
 * @param isValid whether the address is valid for the node's network
 * @param address the address, normalised; only when valid
 * @param scriptPubKey the output script paying it, hex (Core only)
 * @param isScript whether it is a P2SH address; only when valid
 * @param isWitness whether it is a segwit address; only when valid
 * @param witnessVersion the segwit version; only for segwit addresses
 * @param witnessProgram the segwit program, hex; only for segwit addresses
 * @param error why it is invalid (Core only)
 * @param errorLocations the positions of the characters in error, if known (Core only)
 */
public record AddressValidation(@JsonProperty("isvalid") boolean isValid, @Nullable String address,
		@JsonProperty("scriptPubKey") @Nullable String scriptPubKey, @JsonProperty("isscript") @Nullable Boolean isScript,
		@JsonProperty("iswitness") @Nullable Boolean isWitness,
		@JsonProperty("witness_version") @Nullable Integer witnessVersion,
		@JsonProperty("witness_program") @Nullable String witnessProgram, @Nullable String error,
		@JsonProperty("error_locations") @Nullable List<Integer> errorLocations) {
}
