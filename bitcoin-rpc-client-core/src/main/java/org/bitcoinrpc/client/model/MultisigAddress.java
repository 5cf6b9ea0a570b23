package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code createmultisig} (Core).
 *
 * @param address the multisig address (P2SH, P2SH-P2WSH or P2WSH, by the address type asked for)
 * @param redeemScript the multisig script, hex: the redeem script, or the witness script for
 * P2WSH ({@code redeemScript})
 * @param descriptor the address's descriptor, with checksum
 * @param warnings warnings, e.g. about uncompressed keys forcing a legacy address; usually absent
 */
public record MultisigAddress(String address, @JsonProperty("redeemScript") String redeemScript,
		Descriptor descriptor, @Nullable List<String> warnings) {
}
