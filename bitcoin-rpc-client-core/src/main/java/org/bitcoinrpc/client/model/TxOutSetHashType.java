package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The hash {@code gettxoutsetinfo} computes over the UTXO set. */
public enum TxOutSetHashType {

	/** Core's default: {@code hash_serialized_3}. */
	HASH_SERIALIZED_3("hash_serialized_3"),

	/** The MuHash, fast with {@code -coinstatsindex}. */
	MUHASH("muhash"),

	/** No hash: the cheapest; also what a past height without a hash needs. */
	NONE("none");

	private final String wireName;

	TxOutSetHashType(String wireName) {
		this.wireName = wireName;
	}

	/** @return the name on the wire */
	@JsonValue
	public String wireName() {
		return this.wireName;
	}

}
