package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One descriptor of Core's {@code listdescriptors}. Its {@link #toString()} leaves the descriptor's
 * text out (it may hold private keys).
 *
 * @param desc the descriptor with its checksum; with private keys ({@code tprv}/{@code xprv}) when
 * they were asked for
 * @param timestamp its creation time, Unix seconds
 * @param active whether the wallet derives new addresses from it
 * @param internal whether it is for change ({@code true}) or receiving ({@code false}); only for
 * active descriptors
 * @param range {@code [start, end]} of the derived indexes; only for ranged descriptors
 * @param next the next index to derive; only for ranged descriptors (same as {@code nextIndex},
 * kept by Core for compatibility)
 * @param nextIndex the next index to derive; only for ranged descriptors
 */
public record WalletDescriptor(Descriptor desc, long timestamp, boolean active, @Nullable Boolean internal,
		@Nullable List<Long> range, @Nullable Long next, @JsonProperty("next_index") @Nullable Long nextIndex) {

	/**
	 * Names the descriptor by its checksum only: from {@code listdescriptors true} its text holds
	 * the wallet's private keys, which must not reach a log.
	 */
	@Override
	public String toString() {
		String text = this.desc.toString();
		String name = this.desc.hasChecksum() ? "..." + text.substring(text.lastIndexOf('#')) : "...";
		return "WalletDescriptor[desc=" + name + ", timestamp=" + this.timestamp + ", active=" + this.active
				+ ", internal=" + this.internal + ", range=" + this.range + ", nextIndex=" + this.nextIndex + "]";
	}

}
