package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One output found by Core's {@code scantxoutset}.
 *
 * @param txid the transaction
 * @param vout the output index
 * @param scriptPubKey the output script, hex (not decoded, unlike elsewhere)
 * @param desc the inferred descriptor of the script, with key origin and checksum
 * @param amount the value, BTC
 * @param coinbase whether it is a coinbase output
 * @param height the height of the block that created it
 * @param blockHash that block's hash ({@code blockhash})
 * @param confirmations the confirmations
 */
public record ScannedUnspent(String txid, int vout, String scriptPubKey, Descriptor desc, BigDecimal amount,
		boolean coinbase, long height, @JsonProperty("blockhash") String blockHash, long confirmations) {
}
