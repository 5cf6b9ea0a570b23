package org.bitcoinrpc.client.model;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@code submitblock}. Both nodes answer {@code null} when they accept the block and
 * a <em>result string</em>, not an RPC error, when they do not: Bitcoin Core a BIP 22 reason such
 * as {@code "duplicate"}, {@code "inconclusive"}, {@code "duplicate-invalid"} or a validation
 * failure such as {@code "bad-txnmrklroot"}; btcd {@code "rejected: <reason>"}, e.g.
 * {@code "rejected: already have block <hash>"}. Check {@link #accepted()} before treating a
 * submission as done.
 *
 * @param rejectReason the node's reason, exactly as sent; {@code null} when the block was accepted
 */
public record SubmitBlockResult(@Nullable String rejectReason) {

	/** Whether the node accepted the block (it answered {@code null}). */
	public boolean isAccepted() {
		return this.rejectReason == null;
	}

	/**
	 * Whether the node already had the block: Core's {@code "duplicate"} or btcd's
	 * {@code "rejected: already have block ..."}. Not an acceptance: the block was not processed
	 * again (Core sends {@code "duplicate-invalid"} for a known invalid block, which is not counted here).
	 */
	public boolean isDuplicate() {
		return this.rejectReason != null && (this.rejectReason.equals("duplicate")
				|| this.rejectReason.toLowerCase(Locale.ROOT).startsWith("rejected: already have block"));
	}

}
