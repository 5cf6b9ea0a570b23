package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code testmempoolaccept}.
 *
 * @param txid the transaction id
 * @param wtxid the witness transaction id
 * @param packageError why the package as a whole failed (btcd sends {@code ""} when none)
 * @param allowed whether it would be accepted; btcd leaves the member out when it is false, so
 * {@code null} means false (see {@link #accepted()})
 * @param vsize virtual size, vbytes; only when allowed
 * @param fees the fees; only when allowed
 * @param rejectReason why it would be rejected, e.g. {@code txn-already-in-mempool}
 * @param rejectDetails more detail on the rejection (Core only)
 */
public record MempoolAcceptResult(String txid, @Nullable String wtxid,
		@JsonProperty("package-error") @Nullable String packageError, @Nullable Boolean allowed, @Nullable Long vsize,
		@Nullable MempoolAcceptFees fees, @JsonProperty("reject-reason") @Nullable String rejectReason,
		@JsonProperty("reject-details") @Nullable String rejectDetails) {

	/** Whether it would be accepted, reading btcd's missing {@code allowed} as false. */
	public boolean accepted() {
		return Boolean.TRUE.equals(this.allowed);
	}

}
