package org.bitcoinrpc.client.model;

import java.util.Objects;

/**
 * A transaction output, as btcd's {@code notifyspent}, {@code loadtxfilter} and {@code rescan}
 * take it: {@code {"hash": txid, "index": n}}.
 *
 * @param hash the transaction id (RPC byte order)
 * @param index the output index
 */
public record OutPoint(String hash, int index) {

	public OutPoint {
		Objects.requireNonNull(hash, "hash must not be null");
		if (index < 0) {
			throw new IllegalArgumentException("index must not be negative, was " + index);
		}
	}

}
