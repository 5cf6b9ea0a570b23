package org.bitcoinrpc.client;

import java.util.Locale;

/**
 * Bitcoin Core's {@code estimate_mode} argument of the wallet's sending calls: how the fee rate is
 * estimated when none is given. Only used with a confirmation target; with an explicit fee rate Core
 * accepts only {@link #UNSET}.
 */
public enum FeeEstimateMode {

	/** Core's default (currently economical for most transactions). Sent as {@code "unset"}. */
	UNSET,

	/** A lower fee, more likely to change with short-term conditions. Sent as {@code "economical"}. */
	ECONOMICAL,

	/** A higher fee that is safer over a longer target. Sent as {@code "conservative"}. */
	CONSERVATIVE;

	/** @return the name Core takes on the wire, lower case */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
