package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code fundrawtransaction} (Core, a wallet call): the transaction with inputs (and change) added,
 * unsigned.
 *
 * @param hex the funded transaction, hex
 * @param fee the fee it pays, BTC
 * @param changePosition the change output's index, {@code -1} without change ({@code changepos})
 */
public record FundedTransaction(TransactionHex hex, BigDecimal fee, @JsonProperty("changepos") int changePosition) {
}
