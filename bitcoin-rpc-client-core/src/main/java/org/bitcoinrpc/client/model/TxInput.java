package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.bitcoinrpc.client.model.json.TxInputDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One entry of a decoded transaction's {@code vin}. A coinbase input has {@code coinbase} and
 * {@code sequence} (and a witness on Core), but no {@code txid}, {@code vout} or {@code scriptSig}.
 *
 * @param txid the spent output's transaction id; absent for a coinbase input
 * @param vout the spent output's index; absent for a coinbase input
 * @param scriptSig the signature script; absent for a coinbase input
 * @param coinbase the coinbase data, hex; present only for a coinbase input
 * @param witness the witness stack items, hex ({@code txinwitness}); absent without witness data
 * @param prevout the spent output (Core, verbosity 2 of {@code getrawtransaction}, 3 of
 * {@code getblock})
 * @param sequence the sequence number (unsigned 32-bit)
 */
@JsonDeserialize(using = TxInputDeserializer.class)
public record TxInput(@Nullable String txid, @Nullable Integer vout,
		@JsonProperty("scriptSig") @Nullable ScriptSig scriptSig, @Nullable String coinbase,
		@JsonProperty("txinwitness") @Nullable List<String> witness, @Nullable Prevout prevout, long sequence) {
}
