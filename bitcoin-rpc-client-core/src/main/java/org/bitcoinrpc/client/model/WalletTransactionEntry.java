package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One entry of Core's {@code listtransactions} and of {@code listsinceblock}'s
 * {@code transactions} and {@code removed}: one output of a wallet transaction (a transaction
 * paying several of the wallet's addresses, or sending to several, has several entries with the
 * same {@code txid}). Which members Core sends depends on the entry's state, as recorded from
 * Core 31: the block members only once confirmed, {@code trusted} only while not (0 or negative
 * confirmations), {@code fee} only on sends, {@code label} only when the address has an
 * address-book entry, {@code generated} only on coinbases.
 *
 * @param address the address paid; absent for outputs without one (e.g. {@code OP_RETURN})
 * @param category what the entry is; {@link WalletTransactionCategory#UNKNOWN} for a category this
 * client does not know
 * @param amount the amount, BTC: negative for {@link WalletTransactionCategory#SEND}, positive otherwise
 * @param label the address's label; only when the address is in the wallet's address book (a
 * send to a foreign address has none, a receive on an unlabelled address has {@code ""})
 * @param vout the output index
 * @param fee the fee, BTC, negative; only on sends
 * @param confirmations confirmations: 0 unconfirmed (and for an orphaned coinbase), negative when
 * a conflicting transaction is in the chain
 * @param generated {@code true} on coinbase outputs; absent otherwise
 * @param trusted whether its unconfirmed outputs count as the wallet's own; only while unconfirmed
 * @param blockHash the block that contains it; only when confirmed
 * @param blockHeight that block's height; only when confirmed
 * @param blockIndex its index in that block; only when confirmed
 * @param blockTime that block's time, Unix seconds; only when confirmed
 * @param txid the transaction id
 * @param wtxid the witness transaction id
 * @param walletConflicts wallet transactions that spend the same inputs; always an array
 * @param mempoolConflicts mempool transactions that conflict with it or an ancestor; always an array
 * @param replacedByTxid the transaction that replaced it (BIP 125), if any
 * @param replacesTxid the transaction it replaced (BIP 125), if any
 * @param to the {@code comment_to} given when it was sent, if any
 * @param comment the comment given when it was sent, if any
 * @param time when the wallet first saw it, Unix seconds
 * @param timeReceived when the wallet received it, Unix seconds
 * @param bip125Replaceable {@code yes}, {@code no} (always once confirmed) or {@code unknown}
 * @param parentDescs the wallet descriptors the output belongs to; only on outputs paying the wallet
 * @param abandoned whether the transaction was abandoned (its inputs are spendable again)
 */
public record WalletTransactionEntry(@Nullable String address, WalletTransactionCategory category,
		BigDecimal amount, @Nullable String label, int vout, @Nullable BigDecimal fee, long confirmations,
		@Nullable Boolean generated, @Nullable Boolean trusted, @JsonProperty("blockhash") @Nullable String blockHash,
		@JsonProperty("blockheight") @Nullable Long blockHeight,
		@JsonProperty("blockindex") @Nullable Integer blockIndex,
		@JsonProperty("blocktime") @Nullable Long blockTime, String txid, String wtxid,
		@JsonProperty("walletconflicts") List<String> walletConflicts,
		@JsonProperty("mempoolconflicts") List<String> mempoolConflicts,
		@JsonProperty("replaced_by_txid") @Nullable String replacedByTxid,
		@JsonProperty("replaces_txid") @Nullable String replacesTxid, @Nullable String to, @Nullable String comment,
		long time, @JsonProperty("timereceived") long timeReceived,
		@JsonProperty("bip125-replaceable") String bip125Replaceable,
		@JsonProperty("parent_descs") @Nullable List<String> parentDescs, boolean abandoned) {

	/** @return whether it is in a block of the active chain (at least one confirmation) */
	public boolean isConfirmed() {
		return this.confirmations > 0;
	}

}
