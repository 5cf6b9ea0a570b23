package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.bitcoinrpc.client.model.json.RawTransactionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A decoded transaction: {@code getrawtransaction <txid> 1} (and Core's verbosity 2),
 * {@code decoderawtransaction}, and each transaction of {@code getblock <hash> 2}.
 *
 * @param txid the transaction id
 * @param hash the witness hash (wtxid); equals {@code txid} without witness data; absent in
 * btcd's {@code decoderawtransaction}
 * @param version the version (unsigned 32-bit)
 * @param size serialized size, bytes; absent in btcd's {@code decoderawtransaction}
 * @param vsize virtual size, vbytes; absent in btcd's {@code decoderawtransaction}
 * @param weight weight units; absent in btcd's {@code decoderawtransaction}
 * @param lockTime the lock time (unsigned 32-bit)
 * @param vin the inputs
 * @param vout the outputs
 * @param fee the fee, BTC (Core, verbosity 2 of {@code getrawtransaction}, and {@code getblock}
 * verbosity 2 for non-coinbase transactions)
 * @param hex the serialized transaction, hex; absent in {@code decoderawtransaction}
 * @param blockHash the block that contains it; absent while in the mempool
 * @param confirmations confirmations; absent while in the mempool
 * @param time the block time, Unix seconds; absent while in the mempool
 * @param blockTime the block time, Unix seconds; absent while in the mempool
 */
@JsonDeserialize(using = RawTransactionDeserializer.class)
public record RawTransaction(String txid, @Nullable String hash, long version, @Nullable Long size,
		@Nullable Long vsize, @Nullable Long weight, @JsonProperty("locktime") long lockTime, List<TxInput> vin,
		List<TxOutput> vout, @Nullable BigDecimal fee, @Nullable String hex,
		@JsonProperty("blockhash") @Nullable String blockHash, @Nullable Long confirmations, @Nullable Long time,
		@JsonProperty("blocktime") @Nullable Long blockTime) {
}
