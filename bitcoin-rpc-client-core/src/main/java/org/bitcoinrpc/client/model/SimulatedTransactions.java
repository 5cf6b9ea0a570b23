package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code simulaterawtransaction}: what the transactions would do to the wallet's balance.
 *
 * @param balanceChange the change of the wallet's balance, BTC; negative for a payment (the amount
 * plus the fee) ({@code balance_change})
 */
public record SimulatedTransactions(@JsonProperty("balance_change") BigDecimal balanceChange) {
}
