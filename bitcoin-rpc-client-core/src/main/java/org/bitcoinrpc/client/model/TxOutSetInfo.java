package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code gettxoutsetinfo}: statistics of the UTXO set. Which hash is present follows the
 * requested {@link TxOutSetHashType}; the index-only members come with {@code -coinstatsindex}.
 *
 * @param height the height of the block the statistics are for
 * @param bestBlock that block's hash ({@code bestblock})
 * @param txOuts the number of unspent outputs ({@code txouts})
 * @param bogoSize a database-independent size metric ({@code bogosize})
 * @param hashSerialized3 the {@code hash_serialized_3} hash; only for that hash type
 * @param muHash the MuHash; only for the {@code muhash} hash type
 * @param totalAmount the total value of the set, BTC ({@code total_amount})
 * @param transactions the number of transactions with unspent outputs; absent when read from the
 * coin statistics index
 * @param diskSize the chainstate's size on disk ({@code disk_size}); absent when read from the index
 * @param totalUnspendableAmount the total unspendable value, BTC ({@code total_unspendable_amount});
 * only from the index
 * @param blockInfo the amounts the block itself moved ({@code block_info}); only from the index
 */
public record TxOutSetInfo(long height, @JsonProperty("bestblock") String bestBlock,
		@JsonProperty("txouts") long txOuts, @JsonProperty("bogosize") long bogoSize,
		@JsonProperty("hash_serialized_3") @Nullable String hashSerialized3,
		@JsonProperty("muhash") @Nullable String muHash, @JsonProperty("total_amount") BigDecimal totalAmount,
		@Nullable Long transactions, @JsonProperty("disk_size") @Nullable Long diskSize,
		@JsonProperty("total_unspendable_amount") @Nullable BigDecimal totalUnspendableAmount,
		@JsonProperty("block_info") @Nullable TxOutSetBlockInfo blockInfo) {
}
