package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One address of Core's {@code listreceivedbyaddress} (change addresses are never listed).
 *
 * @param address the receiving address
 * @param amount the total it received with at least {@code minconf} confirmations, BTC
 * @param confirmations confirmations of the most recent transaction counted (0 when none)
 * @param label its label; {@code ""} for the default label
 * @param txids the transactions counted
 */
public record ReceivedByAddress(String address, BigDecimal amount, long confirmations, String label,
		List<String> txids) {
}
