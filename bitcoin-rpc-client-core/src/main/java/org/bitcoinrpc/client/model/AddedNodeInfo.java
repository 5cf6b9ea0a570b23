package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry of {@code getaddednodeinfo}: a peer added with {@code addnode}. Bitcoin Core lists every
 * added node, {@code connected:false} while it is not connected; btcd (asked with {@code dns=true})
 * lists only the added peers that are connected.
 *
 * @param addedNode the node as given to {@code addnode}
 * @param connected whether it is connected
 * @param addresses the addresses it resolved to and their connection state (empty while not
 *     connected: Core 31 sends {@code []} then, though its help says the member is only there when
 *     connected, so a missing one is read as empty too)
 */
public record AddedNodeInfo(@JsonProperty("addednode") String addedNode, boolean connected,
		List<Address> addresses) {

	/** Reads a missing {@code addresses} as empty. */
	public AddedNodeInfo {
		addresses = (addresses != null) ? List.copyOf(addresses) : List.of();
	}

	/**
	 * An address of an added node.
	 *
	 * @param address the address and port
	 * @param connected {@code inbound}, {@code outbound} (or {@code false} on btcd when not connected)
	 */
	public record Address(String address, String connected) {
	}

}
