package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code loadtxoutset}: the snapshot it loaded. Typed from Core's help text: the recordings
 * have no success, as only the assumeutxo heights hard-coded in the chain parameters can be loaded.
 *
 * @param coinsLoaded the number of coins loaded ({@code coins_loaded})
 * @param tipHash the hash of the snapshot's base block ({@code tip_hash})
 * @param baseHeight that block's height ({@code base_height})
 * @param path the absolute path the snapshot was read from
 */
public record LoadedUtxoSnapshot(@JsonProperty("coins_loaded") long coinsLoaded,
		@JsonProperty("tip_hash") String tipHash, @JsonProperty("base_height") long baseHeight, String path) {
}
