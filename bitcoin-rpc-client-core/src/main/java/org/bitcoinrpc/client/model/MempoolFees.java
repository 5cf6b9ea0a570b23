package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The {@code fees} of a Core mempool entry, all BTC.
 *
 * @param base the transaction's own fee
 * @param modified the fee with {@code prioritisetransaction} deltas
 * @param ancestor modified fees of the transaction and its in-mempool ancestors
 * @param descendant modified fees of the transaction and its in-mempool descendants
 * @param chunk modified fees of the transaction's chunk (Core 31 cluster mempool)
 */
public record MempoolFees(BigDecimal base, BigDecimal modified, @Nullable BigDecimal ancestor,
		@Nullable BigDecimal descendant, @Nullable BigDecimal chunk) {
}
