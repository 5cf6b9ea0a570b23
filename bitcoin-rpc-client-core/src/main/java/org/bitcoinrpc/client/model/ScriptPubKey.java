package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.bitcoinrpc.client.model.json.ScriptPubKeyDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A decoded output script, as in {@code vout[].scriptPubKey}, {@code gettxout} and Core's
 * {@code prevout}.
 *
 * @param asm the script in assembly form
 * @param hex the script, hex
 * @param desc the output descriptor (Core only)
 * @param type the script type: {@code pubkeyhash}, {@code witness_v0_keyhash}, {@code nulldata}, ...
 * @param address the address it pays, absent for scripts without one
 * @param requiredSignatures signatures needed (btcd only; Core dropped it in 22)
 * @param addresses the addresses it pays (btcd only; Core dropped it in 22)
 */
@JsonDeserialize(using = ScriptPubKeyDeserializer.class)
public record ScriptPubKey(String asm, String hex, @Nullable String desc, @Nullable String type,
		@Nullable String address, @JsonProperty("reqSigs") @Nullable Integer requiredSignatures,
		@Nullable List<String> addresses) {
}
