package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code gettransaction}: a transaction as the wallet sees it.
 *
 * @param amount the net amount for the wallet, BTC (0 for a send to itself, negative for a send)
 * @param fee the fee, BTC, negative; only for sends
 * @param confirmations confirmations: 0 in the mempool, <em>negative</em> when a conflicting
 * transaction is in the chain (e.g. -1 after a replacement was mined)
 * @param generated whether it is a coinbase; present only when true
 * @param trusted whether its unconfirmed outputs count as trusted; only while unconfirmed
 * @param blockHash the block that contains it; only when confirmed
 * @param blockHeight that block's height; only when confirmed
 * @param blockIndex its index in that block; only when confirmed
 * @param blockTime that block's time, Unix seconds; only when confirmed
 * @param txid the transaction id
 * @param wtxid the witness transaction id
 * @param walletConflicts wallet transactions that spend the same inputs
 * @param mempoolConflicts mempool transactions that spend the same inputs
 * @param replacedByTxid the transaction that replaced it (BIP 125)
 * @param replacesTxid the transaction it replaced (BIP 125)
 * @param time when the wallet first saw it, Unix seconds
 * @param timeReceived when the wallet received it, Unix seconds
 * @param bip125Replaceable {@code yes}, {@code no} or {@code unknown}
 * @param details the wallet's outputs and sends in it
 * @param hex the serialized transaction
 * @param lastProcessedBlock the block the answer refers to
 */
public record WalletTransaction(BigDecimal amount, @Nullable BigDecimal fee, long confirmations,
		@Nullable Boolean generated, @Nullable Boolean trusted, @JsonProperty("blockhash") @Nullable String blockHash,
		@JsonProperty("blockheight") @Nullable Long blockHeight, @JsonProperty("blockindex") @Nullable Integer blockIndex,
		@JsonProperty("blocktime") @Nullable Long blockTime, String txid, @Nullable String wtxid,
		@JsonProperty("walletconflicts") List<String> walletConflicts,
		@JsonProperty("mempoolconflicts") @Nullable List<String> mempoolConflicts,
		@JsonProperty("replaced_by_txid") @Nullable String replacedByTxid,
		@JsonProperty("replaces_txid") @Nullable String replacesTxid, long time,
		@JsonProperty("timereceived") long timeReceived,
		@JsonProperty("bip125-replaceable") String bip125Replaceable, List<WalletTransactionDetail> details,
		String hex, @JsonProperty("lastprocessedblock") @Nullable BlockRef lastProcessedBlock) {
}
