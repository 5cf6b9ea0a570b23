package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

/**
 * One label of Core's {@code listreceivedbylabel}.
 *
 * @param amount the total its addresses received with at least {@code minconf} confirmations, BTC
 * @param confirmations confirmations of the most recent transaction counted (0 when none)
 * @param label the label; {@code ""} for the default label
 */
public record ReceivedByLabel(BigDecimal amount, long confirmations, String label) {
}
