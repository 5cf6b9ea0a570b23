package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * btcd's {@code getinfo} (Core removed the call).
 *
 * @param version the node version, e.g. 240200
 * @param protocolVersion the P2P protocol version
 * @param blocks the best chain's height
 * @param timeOffset the peers' median clock offset, seconds
 * @param connections the number of peers
 * @param proxy the proxy, {@code host:port}, or {@code ""}
 * @param difficulty the tip's difficulty
 * @param testnet whether the node runs on testnet
 * @param relayFee the minimum relay fee rate, BTC/kB (btcd prints e.g. {@code 0.00001})
 * @param errors the node's warnings as one string ({@code ""} when none)
 */
public record BtcdInfo(long version, @JsonProperty("protocolversion") long protocolVersion, long blocks,
		@JsonProperty("timeoffset") long timeOffset, int connections, String proxy, BigDecimal difficulty,
		boolean testnet, @JsonProperty("relayfee") BigDecimal relayFee, String errors) {
}
