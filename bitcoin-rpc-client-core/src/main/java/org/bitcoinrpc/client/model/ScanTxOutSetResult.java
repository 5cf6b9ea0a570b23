package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code scantxoutset start}: the unspent outputs paying the scanned descriptors.
 *
 * @param success whether the scan completed (false when aborted)
 * @param txOuts the number of unspent outputs scanned ({@code txouts})
 * @param height the height of the block the UTXO set was at
 * @param bestBlock that block's hash ({@code bestblock})
 * @param unspents the matching outputs
 * @param totalAmount their total value, BTC ({@code total_amount})
 */
public record ScanTxOutSetResult(boolean success, @JsonProperty("txouts") long txOuts, long height,
		@JsonProperty("bestblock") String bestBlock, List<ScannedUnspent> unspents,
		@JsonProperty("total_amount") BigDecimal totalAmount) {
}
