package org.bitcoinrpc.client.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * What {@code scantxoutset} and {@code scanblocks} look for: a descriptor, with the end of the
 * child index range for a ranged one ({@code /*}). Sent as the bare descriptor string when there is
 * no range, else as {@code {"desc": ..., "range": end}}.
 *
 * @param descriptor the descriptor
 * @param rangeEnd the last child index to derive (Core scans {@code 0..rangeEnd}); {@code null}
 * for Core's default of 1000 or an unranged descriptor
 */
public record ScanObject(Descriptor descriptor, @Nullable Integer rangeEnd) {

	/**
	 * @param descriptor the descriptor
	 * @param rangeEnd the last child index, not negative, or {@code null}
	 */
	public ScanObject {
		Objects.requireNonNull(descriptor, "descriptor must not be null");
		if (rangeEnd != null && rangeEnd < 0) {
			throw new IllegalArgumentException("rangeEnd must not be negative, was " + rangeEnd);
		}
	}

	/**
	 * @param descriptor the descriptor
	 * @return a scan object without a range
	 */
	public static ScanObject of(Descriptor descriptor) {
		return new ScanObject(descriptor, null);
	}

	/**
	 * @param descriptor a ranged descriptor
	 * @param rangeEnd the last child index to derive
	 * @return a scan object over {@code 0..rangeEnd}
	 */
	public static ScanObject ranged(Descriptor descriptor, int rangeEnd) {
		return new ScanObject(descriptor, rangeEnd);
	}

	/** @return what is sent: the descriptor string, or the object with its range */
	@JsonValue
	public Object toJson() {
		if (this.rangeEnd == null) {
			return this.descriptor.text();
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("desc", this.descriptor.text());
		json.put("range", this.rangeEnd);
		return json;
	}

}
