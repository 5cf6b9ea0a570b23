package org.bitcoinrpc.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code getblocktemplate} (BIP 22/23), as btcd and Bitcoin Core send it. Fees and the coinbase
 * value are in <strong>satoshis</strong>, not BTC.
 *
 * @param capabilities what the node supports, e.g. {@code ["proposal"]}
 * @param version the block version to use
 * @param rules the deployment rules in force, {@code !} marking those the miner must understand
 *     (Bitcoin Core only; btcd sends none)
 * @param vbAvailable pending version-bits deployments by name, value the bit (Bitcoin Core only)
 * @param vbRequired the version bits the node requires (Bitcoin Core only)
 * @param previousBlockHash the hash of the block to build on
 * @param transactions the transactions to include, in order
 * @param coinbaseAux data to put in the coinbase's script, by name (btcd sends {@code flags})
 * @param coinbaseValue the most the coinbase may pay, satoshis (absent when {@code coinbaseTxn} is sent)
 * @param coinbaseTxn a coinbase made by the node (btcd with the {@code coinbasetxn} capability and
 *     {@code --miningaddr}); its txid is {@code ""} and its fee the negated total fees
 * @param longPollId the id to pass to a long-polling {@code getblocktemplate}
 * @param target the target the block hash must not exceed, hex
 * @param minTime the earliest block time, Unix seconds
 * @param maxTime the latest block time, Unix seconds (btcd only)
 * @param mutable what the miner may change, e.g. {@code time}, {@code transactions}, {@code prevblock}
 * @param nonceRange the nonce range, hex
 * @param sigOpLimit the block's signature operation limit
 * @param sizeLimit the block's size limit, bytes
 * @param weightLimit the block's weight limit
 * @param curTime the node's current time, Unix seconds
 * @param bits the compact target, hex
 * @param height the height of the block to mine
 * @param defaultWitnessCommitment the witness commitment output script, hex (Bitcoin Core only)
 */
public record BlockTemplate(List<String> capabilities, long version, @Nullable List<String> rules,
		@JsonProperty("vbavailable") @Nullable Map<String, Integer> vbAvailable,
		@JsonProperty("vbrequired") @Nullable Long vbRequired,
		@JsonProperty("previousblockhash") String previousBlockHash, List<Transaction> transactions,
		@JsonProperty("coinbaseaux") @Nullable Map<String, String> coinbaseAux,
		@JsonProperty("coinbasevalue") @Nullable Long coinbaseValue,
		@JsonProperty("coinbasetxn") @Nullable Transaction coinbaseTxn,
		@JsonProperty("longpollid") @Nullable String longPollId, String target,
		@JsonProperty("mintime") long minTime, @JsonProperty("maxtime") @Nullable Long maxTime,
		List<String> mutable, @JsonProperty("noncerange") String nonceRange,
		@JsonProperty("sigoplimit") long sigOpLimit, @JsonProperty("sizelimit") long sizeLimit,
		@JsonProperty("weightlimit") @Nullable Long weightLimit, @JsonProperty("curtime") long curTime, String bits,
		long height, @JsonProperty("default_witness_commitment") @Nullable String defaultWitnessCommitment) {

	/**
	 * A transaction of the template.
	 *
	 * @param data the serialized transaction
	 * @param txid the txid ({@code ""} for btcd's {@code coinbasetxn})
	 * @param hash the wtxid
	 * @param depends 1-based indexes of earlier template transactions this one spends
	 * @param fee the fee, satoshis (negative for btcd's {@code coinbasetxn})
	 * @param sigops the signature operation count
	 * @param weight the transaction weight
	 */
	public record Transaction(TransactionHex data, String txid, String hash, List<Integer> depends, long fee,
			long sigops, long weight) {
	}

}
