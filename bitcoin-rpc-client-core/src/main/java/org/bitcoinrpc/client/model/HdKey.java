package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One BIP 32 key of Core's {@code gethdkeys} (Core 27 and later, descriptor wallets). Its
 * {@link #toString()} leaves the private key out.
 *
 * @param xpub the extended public key
 * @param hasPrivate whether the wallet has its private key
 * @param xprv the extended private key; only when asked for with {@code private}
 * @param descriptors the wallet descriptors that use it
 */
public record HdKey(String xpub, @JsonProperty("has_private") boolean hasPrivate, @Nullable String xprv,
		List<KeyDescriptor> descriptors) {

	/** Leaves out {@link #xprv()}, which must not reach a log. */
	@Override
	public String toString() {
		return "HdKey[xpub=" + this.xpub + ", hasPrivate=" + this.hasPrivate + ", xprv="
				+ ((this.xprv != null) ? "(hidden)" : "null") + ", descriptors=" + this.descriptors + "]";
	}

	/**
	 * A descriptor using the key.
	 *
	 * @param desc the descriptor, with its checksum
	 * @param active whether the wallet derives new addresses from it
	 */
	public record KeyDescriptor(Descriptor desc, boolean active) {
	}

}
