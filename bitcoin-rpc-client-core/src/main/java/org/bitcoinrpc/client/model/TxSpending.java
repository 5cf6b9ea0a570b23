package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One answer of {@code gettxspendingprevout} (btcd and Core): which transaction spends an output.
 *
 * @param txid the output's transaction
 * @param vout the output's index
 * @param spendingTxid the spending transaction; absent when none is known ({@code spendingtxid};
 * btcd and Core without {@code -txospenderindex} look only in the mempool)
 * @param blockHash the block of the spending transaction; only Core, for a spend found in a block
 * through {@code -txospenderindex} ({@code blockhash})
 * @param spendingTx the spending transaction itself; only Core, when asked with
 * {@link TxSpendingOptions#returnSpendingTx()} ({@code spendingtx})
 */
public record TxSpending(String txid, int vout, @JsonProperty("spendingtxid") @Nullable String spendingTxid,
		@JsonProperty("blockhash") @Nullable String blockHash,
		@JsonProperty("spendingtx") @Nullable TransactionHex spendingTx) {
}
