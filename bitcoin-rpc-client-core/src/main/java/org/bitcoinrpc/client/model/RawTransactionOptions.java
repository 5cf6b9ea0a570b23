package org.bitcoinrpc.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Core's optional arguments of {@code createrawtransaction} and {@code createpsbt}, after inputs
 * and outputs. A {@code null} component is not sent (the node's default applies).
 *
 * @param lockTime the lock time, a height below 500000000 or else a Unix time; default 0
 * @param replaceable whether the inputs signal BIP 125 replacement; default {@code true} on
 * Core 31 (ignored for inputs given an explicit sequence)
 * @param version the transaction version; Core's default 2 (Core 29 and later accept 1 to 3)
 */
public record RawTransactionOptions(@Nullable Long lockTime, @Nullable Boolean replaceable,
		@Nullable Integer version) {

	/** No options: the node's defaults. */
	public static final RawTransactionOptions DEFAULTS = new RawTransactionOptions(null, null, null);

	/**
	 * Checks the arguments.
	 * @param lockTime the lock time, 0 to {@code 0xffffffff}, or {@code null}
	 * @param replaceable whether the inputs signal replacement, or {@code null}
	 * @param version the transaction version, or {@code null}
	 */
	public RawTransactionOptions {
		if (lockTime != null && (lockTime < 0 || lockTime > 0xffffffffL)) {
			throw new IllegalArgumentException("lockTime must be an unsigned 32-bit number, was " + lockTime);
		}
	}

	/**
	 * Only a lock time.
	 * @param lockTime the lock time
	 * @return the options
	 */
	public static RawTransactionOptions lockTime(long lockTime) {
		return new RawTransactionOptions(lockTime, null, null);
	}

}
