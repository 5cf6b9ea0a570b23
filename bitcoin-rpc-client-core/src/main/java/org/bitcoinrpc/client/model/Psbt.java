package org.bitcoinrpc.client.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A partially signed Bitcoin transaction (BIP 174) as the nodes exchange it: base64 text. The
 * client does not parse it (the node does: {@code decodepsbt}, {@code analyzepsbt}); the type
 * says what the string is, so a PSBT cannot be passed where a raw transaction or an address goes.
 *
 * @param base64 the PSBT, base64
 */
public record Psbt(String base64) {

	/**
	 * Checks the text looks like base64 (not that it is a valid PSBT: the node says that).
	 * @param base64 the PSBT, base64
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public Psbt {
		Objects.requireNonNull(base64, "base64 must not be null");
		if (base64.isEmpty() || !base64.matches("[A-Za-z0-9+/]+={0,2}")) {
			throw new IllegalArgumentException("a PSBT must be base64 text, was "
					+ ((base64.length() > 40) ? base64.substring(0, 40) + "..." : base64));
		}
	}

	/**
	 * A PSBT from its base64 text.
	 * @param base64 the PSBT, base64
	 * @return the PSBT
	 */
	public static Psbt of(String base64) {
		return new Psbt(base64);
	}

	/** @return the base64 text, as sent on the wire */
	@JsonValue
	@Override
	public String toString() {
		return this.base64;
	}

}
