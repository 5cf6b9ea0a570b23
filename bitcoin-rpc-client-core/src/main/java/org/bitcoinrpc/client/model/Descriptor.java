package org.bitcoinrpc.client.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An output script descriptor (BIP 380), such as {@code wpkh([d34db33f/84h/0h/0h]xpub.../0/*)#cjjspncu}:
 * text the node parses. The client only splits off the checksum after {@code #} when there is one;
 * {@code getdescriptorinfo} adds it.
 *
 * @param text the descriptor, with or without its checksum
 */
public record Descriptor(String text) {

	/**
	 * @param text the descriptor, with or without its checksum
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public Descriptor {
		Objects.requireNonNull(text, "text must not be null");
		if (text.isBlank()) {
			throw new IllegalArgumentException("a descriptor must not be blank");
		}
	}

	/**
	 * A descriptor from its text.
	 * @param text the descriptor, with or without its checksum
	 * @return the descriptor
	 */
	public static Descriptor of(String text) {
		return new Descriptor(text);
	}

	/** @return whether the text ends with a checksum ({@code #} and eight characters) */
	public boolean hasChecksum() {
		int hash = this.text.lastIndexOf('#');
		return hash >= 0 && this.text.length() - hash - 1 == 8;
	}

	/** @return the descriptor without its checksum */
	public String withoutChecksum() {
		return hasChecksum() ? this.text.substring(0, this.text.lastIndexOf('#')) : this.text;
	}

	/** @return the text, as sent on the wire */
	@JsonValue
	@Override
	public String toString() {
		return this.text;
	}

}
