package org.bitcoinrpc.client.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An output to spend, as {@code createrawtransaction} and {@code createpsbt} take it:
 * {@code {"txid": ..., "vout": n}}, plus {@code "sequence"} when given (Core only; btcd ignores
 * it and derives the sequence from the lock time).
 *
 * @param txid the transaction id of the output to spend (RPC byte order)
 * @param vout the output index
 * @param sequence the input's sequence number (unsigned 32-bit), or {@code null} for the node's
 * default (Core: {@code 0xfffffffd} while replaceable, else {@code 0xfffffffe} or
 * {@code 0xffffffff} depending on the lock time)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawTxInput(String txid, int vout, @Nullable Long sequence) {

	/**
	 * Checks the arguments.
	 * @param txid the transaction id, 64 hex characters
	 * @param vout the output index, not negative
	 * @param sequence the sequence number, 0 to {@code 0xffffffff}, or {@code null}
	 */
	public RawTxInput {
		Objects.requireNonNull(txid, "txid must not be null");
		if (txid.length() != 64 || !txid.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			throw new IllegalArgumentException("txid must be 64 hex characters, was '" + txid + "'");
		}
		if (vout < 0) {
			throw new IllegalArgumentException("vout must not be negative, was " + vout);
		}
		if (sequence != null && (sequence < 0 || sequence > 0xffffffffL)) {
			throw new IllegalArgumentException("sequence must be an unsigned 32-bit number, was " + sequence);
		}
	}

	/**
	 * An input with the node's default sequence.
	 * @param txid the transaction id of the output to spend
	 * @param vout the output index
	 * @return the input
	 */
	public static RawTxInput of(String txid, int vout) {
		return new RawTxInput(txid, vout, null);
	}

}
