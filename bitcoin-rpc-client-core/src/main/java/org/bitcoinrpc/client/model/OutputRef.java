package org.bitcoinrpc.client.model;

import java.util.Objects;

/**
 * A transaction output named as Core's {@code lockunspent} and {@code listlockunspent}, and Core's and
 * btcd's {@code gettxspendingprevout}, take and give it: {@code {"txid": ..., "vout": n}} (btcd's
 * websocket calls use {@link OutPoint} instead).
 *
 * @param txid the transaction id, 64 hex characters
 * @param vout the output index
 */
public record OutputRef(String txid, int vout) {

	/**
	 * @param txid the transaction id, 64 hex characters
	 * @param vout the output index, not negative
	 */
	public OutputRef {
		Objects.requireNonNull(txid, "txid must not be null");
		if (txid.length() != 64 || !txid.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			throw new IllegalArgumentException("txid must be 64 hex characters, was '" + txid + "'");
		}
		if (vout < 0) {
			throw new IllegalArgumentException("vout must not be negative, was " + vout);
		}
	}

}
