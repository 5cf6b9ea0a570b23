package org.bitcoinrpc.client.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A serialized transaction, hex, as {@code getrawtransaction <txid> 0},
 * {@code createrawtransaction} and the signing calls return it and {@code sendrawtransaction}
 * takes it. The client does not decode it ({@code decoderawtransaction} does).
 *
 * @param hex the transaction, hex (lower or upper case)
 */
public record TransactionHex(String hex) {

	/**
	 * Checks the text is hex of whole bytes (not that it is a valid transaction: the node says that).
	 * @param hex the transaction, hex
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public TransactionHex {
		Objects.requireNonNull(hex, "hex must not be null");
		if (hex.isEmpty() || (hex.length() & 1) != 0 || !hex.matches("[0-9a-fA-F]+")) {
			throw new IllegalArgumentException("a serialized transaction must be hex of whole bytes, was "
					+ ((hex.length() > 40) ? hex.substring(0, 40) + "..." : hex));
		}
	}

	/**
	 * A transaction from its hex.
	 * @param hex the transaction, hex
	 * @return the transaction
	 */
	public static TransactionHex of(String hex) {
		return new TransactionHex(hex);
	}

	/** @return the hex, as sent on the wire */
	@JsonValue
	@Override
	public String toString() {
		return this.hex;
	}

}
