package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code decodescript}, on btcd and Core, and Core's {@code segwit} member of it.
 *
 * @param asm the script in assembly form
 * @param hex the script, hex: only in Core's {@code segwit} member (the top level leaves it out)
 * @param desc the inferred descriptor (Core only)
 * @param type the script type: {@code multisig}, {@code pubkeyhash}, {@code witness_v0_keyhash}, ...
 * @param address the address the script pays, when it has one
 * @param addresses the addresses (btcd only; Core dropped it in 22)
 * @param requiredSignatures signatures needed (btcd only, {@code reqSigs})
 * @param p2sh the P2SH address wrapping the script; absent for scripts that cannot be wrapped
 * @param p2shSegwit the P2SH-P2WSH address ({@code p2sh-segwit}), in Core's {@code segwit} member
 * @param segwit the script wrapped in P2WSH (or P2WPKH), Core only, when it can be
 */
public record DecodedScript(String asm, @Nullable String hex, @Nullable String desc, @Nullable String type,
		@Nullable String address, @Nullable List<String> addresses,
		@JsonProperty("reqSigs") @Nullable Integer requiredSignatures, @Nullable String p2sh,
		@JsonProperty("p2sh-segwit") @Nullable String p2shSegwit, @Nullable DecodedScript segwit) {
}
