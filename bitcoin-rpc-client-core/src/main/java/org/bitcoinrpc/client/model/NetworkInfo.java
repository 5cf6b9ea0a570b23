package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code getnetworkinfo} (btcd lists the method but answers -1 "Command unimplemented").
 *
 * @param version the node version, e.g. 310000
 * @param subversion the user agent, e.g. {@code /Satoshi:31.0.0/}
 * @param protocolVersion the P2P protocol version
 * @param localServices the offered service bits, hex
 * @param localServicesNames the offered services by name
 * @param localRelay whether transactions are relayed to peers that asked for them
 * @param timeOffset the peers' median clock offset, seconds
 * @param networkActive whether P2P networking is on
 * @param connections the number of peers
 * @param connectionsIn the number of inbound peers
 * @param connectionsOut the number of outbound peers
 * @param networks the state of each network
 * @param relayFee the minimum relay fee rate, BTC/kvB
 * @param incrementalFee the fee rate increment for replacement and eviction, BTC/kvB
 * @param localAddresses the addresses the node believes it is reachable at
 * @param warnings the node's warnings (a lone string before Core 28 is read as a one-element list)
 */
public record NetworkInfo(long version, String subversion, @JsonProperty("protocolversion") long protocolVersion,
		@JsonProperty("localservices") String localServices,
		@JsonProperty("localservicesnames") @Nullable List<String> localServicesNames,
		@JsonProperty("localrelay") boolean localRelay, @JsonProperty("timeoffset") long timeOffset,
		@JsonProperty("networkactive") boolean networkActive, int connections,
		@JsonProperty("connections_in") @Nullable Integer connectionsIn,
		@JsonProperty("connections_out") @Nullable Integer connectionsOut, List<NetworkStatus> networks,
		@JsonProperty("relayfee") BigDecimal relayFee, @JsonProperty("incrementalfee") @Nullable BigDecimal incrementalFee,
		@JsonProperty("localaddresses") List<LocalAddress> localAddresses,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> warnings) {
}
