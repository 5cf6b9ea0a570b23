package org.bitcoinrpc.client;

import java.util.Locale;

/** What {@code addnode} does with the node (both nodes take all three). */
public enum AddNodeCommand {

	/** Add it to the added nodes and keep connecting to it. */
	ADD,

	/** Remove it from the added nodes (btcd: only while it is connected, else -8 "peer not found"). */
	REMOVE,

	/** Try one connection, without adding it. */
	ONETRY;

	/** The word sent on the wire. */
	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
