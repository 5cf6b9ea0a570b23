package org.bitcoinrpc.client;

import java.util.Locale;

/** The sub-command of btcd's {@code node} call (btcd only). */
public enum BtcdNodeCommand {

	/** Connect to an address (see {@link BtcdCalls#nodeConnect(String, boolean)} for permanent peers). */
	CONNECT,

	/** Disconnect a connected peer, by address or node id (-8 "peer not found" otherwise). */
	DISCONNECT,

	/** Remove a persistent peer, by address or node id. */
	REMOVE;

	/** The word sent on the wire. */
	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
