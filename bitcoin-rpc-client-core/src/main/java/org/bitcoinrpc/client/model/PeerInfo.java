package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code getpeerinfo}. The recorded nodes had no peers (both answered {@code []}), so
 * the members follow the nodes' documentation; the set differs between btcd and Core.
 *
 * @param id the peer's id on this node
 * @param addr the peer's {@code host:port}
 * @param addrBind the local {@code host:port} of the connection (Core only)
 * @param addrLocal the local address as the peer sees it
 * @param network the network the peer is on, e.g. {@code ipv4} (Core only)
 * @param services the peer's service bits, hex
 * @param servicesNames the peer's services by name (Core only)
 * @param relayTxes whether the peer wants transactions relayed
 * @param lastSend the last send, Unix seconds
 * @param lastRecv the last receive, Unix seconds
 * @param lastTransaction the last new transaction from the peer, Unix seconds (Core only)
 * @param lastBlock the last new block from the peer, Unix seconds (Core only)
 * @param bytesSent bytes sent
 * @param bytesRecv bytes received
 * @param connTime when the connection was made, Unix seconds
 * @param timeOffset the peer's clock offset, seconds
 * @param pingTime the last ping round trip: seconds on Core, <em>microseconds</em> on btcd
 * @param minPing the lowest ping round trip, seconds (Core only)
 * @param pingWait how long an unanswered ping has waited (seconds on Core, microseconds on btcd)
 * @param version the peer's protocol version
 * @param subver the peer's user agent
 * @param inbound whether the peer connected to this node
 * @param startingHeight the peer's height when it connected
 * @param currentHeight the peer's last announced height (btcd only)
 * @param syncedHeaders the last header in common (Core only)
 * @param syncedBlocks the last block in common (Core only)
 * @param inflight the heights being downloaded from the peer (Core only)
 * @param banScore the peer's misbehaviour score (btcd only)
 * @param feeFilter the peer's fee filter, satoshi/kB (btcd only)
 * @param minFeeFilter the peer's fee filter, BTC/kvB (Core only)
 * @param syncNode whether the peer is the sync peer (btcd only)
 * @param permissions the peer's permissions (Core only)
 * @param connectionType e.g. {@code outbound-full-relay}, {@code inbound} (Core only)
 * @param transportProtocolType {@code v1} or {@code v2} (Core only)
 */
public record PeerInfo(long id, String addr, @JsonProperty("addrbind") @Nullable String addrBind,
		@JsonProperty("addrlocal") @Nullable String addrLocal, @Nullable String network, String services,
		@JsonProperty("servicesnames") @Nullable List<String> servicesNames,
		@JsonProperty("relaytxes") @Nullable Boolean relayTxes, @JsonProperty("lastsend") long lastSend,
		@JsonProperty("lastrecv") long lastRecv, @JsonProperty("last_transaction") @Nullable Long lastTransaction,
		@JsonProperty("last_block") @Nullable Long lastBlock, @JsonProperty("bytessent") long bytesSent,
		@JsonProperty("bytesrecv") long bytesRecv, @JsonProperty("conntime") long connTime,
		@JsonProperty("timeoffset") long timeOffset, @JsonProperty("pingtime") @Nullable BigDecimal pingTime,
		@JsonProperty("minping") @Nullable BigDecimal minPing, @JsonProperty("pingwait") @Nullable BigDecimal pingWait,
		long version, String subver, boolean inbound,
		@JsonProperty("startingheight") @Nullable Long startingHeight,
		@JsonProperty("currentheight") @Nullable Long currentHeight,
		@JsonProperty("synced_headers") @Nullable Long syncedHeaders,
		@JsonProperty("synced_blocks") @Nullable Long syncedBlocks, @Nullable List<Long> inflight,
		@JsonProperty("banscore") @Nullable Integer banScore, @JsonProperty("feefilter") @Nullable Long feeFilter,
		@JsonProperty("minfeefilter") @Nullable BigDecimal minFeeFilter,
		@JsonProperty("syncnode") @Nullable Boolean syncNode, @Nullable List<String> permissions,
		@JsonProperty("connection_type") @Nullable String connectionType,
		@JsonProperty("transport_protocol_type") @Nullable String transportProtocolType) {
}
