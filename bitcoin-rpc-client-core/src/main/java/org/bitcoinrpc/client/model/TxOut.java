package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code gettxout}: an unspent transaction output.
 *
 * @param bestBlock the tip the answer refers to
 * @param confirmations confirmations of the transaction; 0 when it is in the mempool
 * @param value the amount, BTC
 * @param scriptPubKey the output script
 * @param coinbase whether it is a coinbase output
 */
public record TxOut(@JsonProperty("bestblock") String bestBlock, long confirmations, BigDecimal value,
		@JsonProperty("scriptPubKey") ScriptPubKey scriptPubKey, boolean coinbase) {
}
