package org.bitcoinrpc.client.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The options of Core's {@code gettxspendingprevout} (btcd takes none). Immutable; a member left
 * {@code null} is not sent and the node's default applies.
 *
 * @param mempoolOnly whether to look only in the mempool even with {@code -txospenderindex}
 * ({@code mempool_only}; Core's default: only when the index is off)
 * @param returnSpendingTx whether to return the spending transaction's hex too
 * ({@code return_spending_tx}; Core's default {@code false})
 */
public record TxSpendingOptions(@Nullable Boolean mempoolOnly, @Nullable Boolean returnSpendingTx) {

	/** No options: every default. */
	public static final TxSpendingOptions DEFAULTS = new TxSpendingOptions(null, null);

	/**
	 * @param mempoolOnly whether to look only in the mempool
	 * @return a copy with that option
	 */
	public TxSpendingOptions withMempoolOnly(boolean mempoolOnly) {
		return new TxSpendingOptions(mempoolOnly, this.returnSpendingTx);
	}

	/**
	 * @param returnSpendingTx whether to return the spending transaction
	 * @return a copy with that option
	 */
	public TxSpendingOptions withReturnSpendingTx(boolean returnSpendingTx) {
		return new TxSpendingOptions(this.mempoolOnly, returnSpendingTx);
	}

	/** @return the options object sent, with only the members given */
	@JsonValue
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		if (this.mempoolOnly != null) {
			json.put("mempool_only", this.mempoolOnly);
		}
		if (this.returnSpendingTx != null) {
			json.put("return_spending_tx", this.returnSpendingTx);
		}
		return json;
	}

}
