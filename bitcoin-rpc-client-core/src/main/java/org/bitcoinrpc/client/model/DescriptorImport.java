package org.bitcoinrpc.client.model;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One request of Core's {@code importdescriptors}. Start from {@link #fromNow} (no rescan) or
 * {@link #since} (rescan from a time) and add what applies; members not set are left out, so Core
 * uses its defaults (not active, not internal, no label, the descriptor's default range).
 *
 * @param descriptor the descriptor, with its checksum (Core requires it)
 * @param timestamp the Unix time of the descriptor's oldest key, from which Core rescans; {@code 0}
 * for the whole chain; {@code null} for "now" (no rescan)
 * @param active whether the wallet derives new addresses from it (ranged descriptors only)
 * @param rangeStart the first index to derive, with {@code rangeEnd}
 * @param rangeEnd the last index to derive (inclusive), with {@code rangeStart}
 * @param nextIndex the next index to hand out ({@code next_index})
 * @param internal whether it is for change outputs
 * @param label the label for the addresses (not for active or internal descriptors)
 */
public record DescriptorImport(Descriptor descriptor, @Nullable Long timestamp, @Nullable Boolean active,
		@Nullable Integer rangeStart, @Nullable Integer rangeEnd, @Nullable Long nextIndex, @Nullable Boolean internal,
		@Nullable String label) {

	/**
	 * Checks the range is whole and ordered and the numbers are not negative.
	 */
	public DescriptorImport {
		Objects.requireNonNull(descriptor, "descriptor must not be null");
		if (timestamp != null && timestamp < 0) {
			throw new IllegalArgumentException("timestamp must not be negative, was " + timestamp);
		}
		if ((rangeStart == null) != (rangeEnd == null)) {
			throw new IllegalArgumentException("rangeStart and rangeEnd must be given together");
		}
		if (rangeStart != null && (rangeStart < 0 || rangeEnd < rangeStart)) {
			throw new IllegalArgumentException("range must be 0 <= start <= end, was [" + rangeStart + ", " + rangeEnd + "]");
		}
		if (nextIndex != null && nextIndex < 0) {
			throw new IllegalArgumentException("nextIndex must not be negative, was " + nextIndex);
		}
	}

	/**
	 * A descriptor whose keys are new: timestamp {@code "now"}, no rescan.
	 * @param descriptor the descriptor, with its checksum
	 * @return the request
	 */
	public static DescriptorImport fromNow(Descriptor descriptor) {
		return new DescriptorImport(descriptor, null, null, null, null, null, null, null);
	}

	/**
	 * A descriptor whose keys may have been used since {@code unixTime}: Core rescans from the
	 * blocks of that time ({@code 0}: the whole chain).
	 * @param descriptor the descriptor, with its checksum
	 * @param unixTime seconds since the epoch
	 * @return the request
	 */
	public static DescriptorImport since(Descriptor descriptor, long unixTime) {
		return new DescriptorImport(descriptor, unixTime, null, null, null, null, null, null);
	}

	/**
	 * @param active whether the wallet derives new addresses from it
	 * @return a copy with {@code active} set
	 */
	public DescriptorImport active(boolean active) {
		return new DescriptorImport(this.descriptor, this.timestamp, active, this.rangeStart, this.rangeEnd,
				this.nextIndex, this.internal, this.label);
	}

	/**
	 * @param start the first index to derive
	 * @param end the last index to derive, inclusive
	 * @return a copy with the range set
	 */
	public DescriptorImport range(int start, int end) {
		return new DescriptorImport(this.descriptor, this.timestamp, this.active, start, end, this.nextIndex,
				this.internal, this.label);
	}

	/**
	 * @param nextIndex the next index to hand out
	 * @return a copy with {@code next_index} set
	 */
	public DescriptorImport nextIndex(long nextIndex) {
		return new DescriptorImport(this.descriptor, this.timestamp, this.active, this.rangeStart, this.rangeEnd,
				nextIndex, this.internal, this.label);
	}

	/**
	 * @param internal whether it is for change outputs
	 * @return a copy with {@code internal} set
	 */
	public DescriptorImport internal(boolean internal) {
		return new DescriptorImport(this.descriptor, this.timestamp, this.active, this.rangeStart, this.rangeEnd,
				this.nextIndex, internal, this.label);
	}

	/**
	 * @param label the label for the addresses
	 * @return a copy with the label set
	 */
	public DescriptorImport label(String label) {
		return new DescriptorImport(this.descriptor, this.timestamp, this.active, this.rangeStart, this.rangeEnd,
				this.nextIndex, this.internal, Objects.requireNonNull(label, "label must not be null"));
	}

	/**
	 * Names the descriptor by its checksum only: a descriptor may hold private keys ({@code tprv...},
	 * WIF), which must not reach a log or a message.
	 * @return the request without the descriptor's text
	 */
	@Override
	public String toString() {
		String text = this.descriptor.text();
		String name = this.descriptor.hasChecksum() ? text.substring(text.lastIndexOf('#')) : "(no checksum)";
		return "DescriptorImport[descriptor=" + name + ", timestamp=" + ((this.timestamp != null) ? this.timestamp : "now")
				+ ", active=" + this.active + ", range=" + ((this.rangeStart != null) ? "[" + this.rangeStart + ", " + this.rangeEnd + "]" : null)
				+ ", nextIndex=" + this.nextIndex + ", internal=" + this.internal + ", label=" + this.label + "]";
	}

}
