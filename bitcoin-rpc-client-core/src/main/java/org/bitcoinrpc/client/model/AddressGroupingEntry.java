package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * One address of a group of Core's {@code listaddressgroupings}, which sends it as a JSON array
 * (a tuple): {@code [address, amount]}, or {@code [address, amount, label]} when the address has
 * a label.
 *
 * @param address the address
 * @param amount its balance, BTC
 * @param label its label; {@code null} when Core left it out
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({ "address", "amount", "label" })
public record AddressGroupingEntry(String address, BigDecimal amount, @Nullable String label) {
}
