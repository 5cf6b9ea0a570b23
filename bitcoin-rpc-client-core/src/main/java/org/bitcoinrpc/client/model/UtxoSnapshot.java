package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code dumptxoutset}: the UTXO snapshot file it wrote.
 *
 * @param coinsWritten the number of coins written ({@code coins_written})
 * @param baseHash the hash of the block the snapshot is of ({@code base_hash})
 * @param baseHeight that block's height ({@code base_height})
 * @param path the absolute path of the file, on the node's machine
 * @param txoutsetHash the {@code hash_serialized_3} of the UTXO set ({@code txoutset_hash})
 * @param nChainTx the number of transactions in the chain up to the base block ({@code nchaintx})
 */
public record UtxoSnapshot(@JsonProperty("coins_written") long coinsWritten,
		@JsonProperty("base_hash") String baseHash, @JsonProperty("base_height") long baseHeight, String path,
		@JsonProperty("txoutset_hash") String txoutsetHash, @JsonProperty("nchaintx") long nChainTx) {
}
