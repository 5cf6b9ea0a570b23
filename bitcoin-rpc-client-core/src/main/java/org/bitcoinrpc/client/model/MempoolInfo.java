package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code getmempoolinfo}. btcd sends only {@code size} and {@code bytes}; everything else is
 * Core's.
 *
 * @param size number of transactions
 * @param bytes sum of the transactions' sizes (btcd: serialized bytes; Core: virtual bytes)
 * @param loaded whether the mempool file has been loaded (Core only)
 * @param usage memory used, bytes (Core only)
 * @param totalFee sum of all fees, BTC (Core only)
 * @param maxMempool the memory limit, bytes (Core only)
 * @param mempoolMinFee the lowest fee rate accepted now, BTC/kvB (Core only)
 * @param minRelayTxFee the minimum relay fee rate, BTC/kvB (Core only)
 * @param incrementalRelayFee the fee rate increment for replacement and eviction, BTC/kvB (Core
 * only)
 * @param unbroadcastCount transactions not yet seen by a peer (Core only)
 * @param fullRbf whether every transaction may be replaced (Core only)
 * @param permitBareMultisig whether bare multisig outputs are relayed (Core only)
 * @param maxDataCarrierSize the largest OP_RETURN data relayed, bytes (Core only)
 * @param limitClusterCount the cluster size limit, transactions (Core 31 and later)
 * @param limitClusterSize the cluster size limit, vbytes (Core 31 and later)
 * @param optimal whether the cluster linearisation is optimal (Core 31 and later)
 */
public record MempoolInfo(long size, long bytes, @Nullable Boolean loaded, @Nullable Long usage,
		@JsonProperty("total_fee") @Nullable BigDecimal totalFee,
		@JsonProperty("maxmempool") @Nullable Long maxMempool,
		@JsonProperty("mempoolminfee") @Nullable BigDecimal mempoolMinFee,
		@JsonProperty("minrelaytxfee") @Nullable BigDecimal minRelayTxFee,
		@JsonProperty("incrementalrelayfee") @Nullable BigDecimal incrementalRelayFee,
		@JsonProperty("unbroadcastcount") @Nullable Long unbroadcastCount,
		@JsonProperty("fullrbf") @Nullable Boolean fullRbf,
		@JsonProperty("permitbaremultisig") @Nullable Boolean permitBareMultisig,
		@JsonProperty("maxdatacarriersize") @Nullable Long maxDataCarrierSize,
		@JsonProperty("limitclustercount") @Nullable Long limitClusterCount,
		@JsonProperty("limitclustersize") @Nullable Long limitClusterSize, @Nullable Boolean optimal) {
}
