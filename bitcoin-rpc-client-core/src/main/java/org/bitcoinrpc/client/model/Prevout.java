package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.bitcoinrpc.client.model.json.PrevoutDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The output an input spends, in Core's {@code getrawtransaction} verbosity 2 and {@code getblock}
 * verbosity 3.
 *
 * @param generated whether it is a coinbase output
 * @param height the height of the block that created it
 * @param value the amount, BTC
 * @param scriptPubKey the output script
 */
@JsonDeserialize(using = PrevoutDeserializer.class)
public record Prevout(boolean generated, long height, BigDecimal value,
		@JsonProperty("scriptPubKey") ScriptPubKey scriptPubKey) {
}
