package org.bitcoinrpc.client;

import java.util.Locale;

/** What {@code setban} does with the address or subnet (Bitcoin Core only). */
public enum SetBanCommand {

	/** Ban it (for the node's default of 24 hours unless a time is given); -23 if already banned. */
	ADD,

	/** Lift its ban. */
	REMOVE;

	/** The word sent on the wire. */
	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
