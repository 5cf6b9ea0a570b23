package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A value of {@code getprioritisedtransactions} (Bitcoin Core only), keyed there by txid. Amounts
 * are in satoshis, not BTC.
 *
 * @param feeDelta the fee delta given with {@code prioritisetransaction}, satoshis
 * @param inMempool whether the transaction is in the mempool
 * @param modifiedFee the transaction's fee plus the delta, satoshis; only while it is in the mempool
 */
public record PrioritisedTransaction(@JsonProperty("fee_delta") long feeDelta,
		@JsonProperty("in_mempool") boolean inMempool, @JsonProperty("modified_fee") @Nullable Long modifiedFee) {
}
