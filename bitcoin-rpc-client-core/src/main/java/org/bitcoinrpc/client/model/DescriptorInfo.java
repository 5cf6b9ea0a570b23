package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code getdescriptorinfo} (Core).
 *
 * @param descriptor the descriptor in canonical form with its checksum; private keys are
 * replaced by their public keys, so its checksum differs from {@code checksum} then
 * @param checksum the checksum of the descriptor as given (not of {@code descriptor})
 * @param isRange whether it is ranged ({@code isrange})
 * @param isSolvable whether it has the information to sign ({@code issolvable})
 * @param hasPrivateKeys whether the input had private keys ({@code hasprivatekeys})
 */
public record DescriptorInfo(Descriptor descriptor, String checksum, @JsonProperty("isrange") boolean isRange,
		@JsonProperty("issolvable") boolean isSolvable, @JsonProperty("hasprivatekeys") boolean hasPrivateKeys) {
}
