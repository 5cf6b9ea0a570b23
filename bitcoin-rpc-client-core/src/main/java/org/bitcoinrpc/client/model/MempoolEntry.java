package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A mempool transaction: Core's {@code getmempoolentry}, and each value of
 * {@code getrawmempool true} on both nodes. The field sets differ: btcd sends {@code size},
 * {@code fee} and the priorities; Core sends {@code fees}, {@code wtxid}, the ancestor and
 * descendant totals, {@code spentby} and {@code bip125-replaceable}.
 *
 * @param size serialized size, bytes (btcd only)
 * @param vsize virtual size, vbytes
 * @param weight weight units
 * @param fee the fee, BTC (btcd only; Core: {@link MempoolFees#base()})
 * @param time when it entered the mempool, Unix seconds
 * @param height the chain height when it entered the mempool
 * @param startingPriority the legacy priority on entry (btcd only)
 * @param currentPriority the legacy priority now (btcd only)
 * @param descendantCount in-mempool descendants including itself (Core only)
 * @param descendantSize their virtual size (Core only)
 * @param ancestorCount in-mempool ancestors including itself (Core only)
 * @param ancestorSize their virtual size (Core only)
 * @param wtxid the witness transaction id (Core only)
 * @param chunkWeight the weight of its chunk (Core 31 cluster mempool)
 * @param fees the fees (Core only)
 * @param depends the unconfirmed transactions it spends from
 * @param spentBy the unconfirmed transactions that spend it (Core only)
 * @param bip125Replaceable whether it signals BIP 125 replaceability (Core only)
 * @param unbroadcast whether no peer has seen it yet (Core only)
 */
public record MempoolEntry(@Nullable Long size, long vsize, @Nullable Long weight, @Nullable BigDecimal fee, long time,
		long height, @JsonProperty("startingpriority") @Nullable BigDecimal startingPriority,
		@JsonProperty("currentpriority") @Nullable BigDecimal currentPriority,
		@JsonProperty("descendantcount") @Nullable Long descendantCount,
		@JsonProperty("descendantsize") @Nullable Long descendantSize,
		@JsonProperty("ancestorcount") @Nullable Long ancestorCount,
		@JsonProperty("ancestorsize") @Nullable Long ancestorSize, @Nullable String wtxid,
		@JsonProperty("chunkweight") @Nullable Long chunkWeight, @Nullable MempoolFees fees, List<String> depends,
		@JsonProperty("spentby") @Nullable List<String> spentBy,
		@JsonProperty("bip125-replaceable") @Nullable Boolean bip125Replaceable, @Nullable Boolean unbroadcast) {
}
