package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code submitpackage} (Core). A package in the wrong order is an RPC error (-25), not a result;
 * a result with {@code packageMessage} other than {@code "success"} tells per transaction what
 * failed.
 *
 * @param packageMessage {@code "success"} or why the package as a whole failed ({@code package_msg})
 * @param transactionResults per transaction, keyed by <b>wtxid</b> ({@code tx-results})
 * @param replacedTransactions txids of mempool transactions the package replaced
 * ({@code replaced-transactions})
 */
public record PackageSubmission(@JsonProperty("package_msg") String packageMessage,
		@JsonProperty("tx-results") Map<String, TransactionResult> transactionResults,
		@JsonProperty("replaced-transactions") @Nullable List<String> replacedTransactions) {

	/**
	 * One transaction of the package.
	 *
	 * @param txid the transaction id
	 * @param otherWtxid the wtxid of a transaction with the same txid already in the mempool
	 * ({@code other-wtxid})
	 * @param vsize the virtual size; absent when not accepted
	 * @param fees its fees; absent when not accepted
	 * @param error why it was refused
	 */
	public record TransactionResult(String txid, @JsonProperty("other-wtxid") @Nullable String otherWtxid,
			@Nullable Integer vsize, @Nullable MempoolAcceptFees fees, @Nullable String error) {
	}

	/** @return whether the package was accepted */
	public boolean isSuccess() {
		return "success".equals(this.packageMessage);
	}

	/**
	 * Fee of one transaction, a convenience over {@link #transactionResults()}.
	 * @param wtxid the transaction's wtxid
	 * @return its base fee, BTC, or {@code null} if unknown
	 */
	public @Nullable BigDecimal baseFee(String wtxid) {
		TransactionResult result = this.transactionResults.get(wtxid);
		return (result != null && result.fees() != null) ? result.fees().base() : null;
	}

}
