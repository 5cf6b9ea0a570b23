package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.bitcoinrpc.client.model.json.TxOutputDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One entry of a decoded transaction's {@code vout}.
 *
 * @param value the amount, BTC (btcd prints the shortest form, e.g. {@code 10}; Core 8 decimals)
 * @param n the output index
 * @param scriptPubKey the output script
 */
@JsonDeserialize(using = TxOutputDeserializer.class)
public record TxOutput(BigDecimal value, int n, @JsonProperty("scriptPubKey") ScriptPubKey scriptPubKey) {
}
