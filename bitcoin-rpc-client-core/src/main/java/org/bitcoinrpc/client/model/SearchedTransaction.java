package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A transaction of btcd's {@code searchrawtransactions} (verbose). Not a {@link RawTransaction}:
 * btcd 0.24 sends {@code hash}, {@code size}, {@code vsize} and {@code weight} as empty
 * <b>strings</b> here, and each input may carry {@code prevOut}.
 *
 * @param hex the serialized transaction
 * @param txid the transaction id
 * @param hash the witness hash; btcd 0.24 sends {@code ""}
 * @param size the size; btcd 0.24 sends {@code ""}
 * @param vsize the virtual size; btcd 0.24 sends {@code ""}
 * @param weight the weight; btcd 0.24 sends {@code ""}
 * @param version the transaction version
 * @param lockTime the lock time ({@code locktime})
 * @param vin the inputs
 * @param vout the outputs
 * @param blockHash the hash of the block holding it ({@code blockhash}); absent while unconfirmed
 * @param confirmations the confirmations; absent while unconfirmed
 * @param time the block's time, Unix seconds; absent while unconfirmed
 * @param blockTime the block's time, Unix seconds ({@code blocktime}); absent while unconfirmed
 */
public record SearchedTransaction(String hex, String txid, @Nullable String hash, @Nullable String size,
		@Nullable String vsize, @Nullable String weight, int version, @JsonProperty("locktime") long lockTime,
		List<Input> vin, List<TxOutput> vout, @JsonProperty("blockhash") @Nullable String blockHash,
		@Nullable Long confirmations, @Nullable Long time, @JsonProperty("blocktime") @Nullable Long blockTime) {

	/**
	 * An input. A coinbase input has {@code coinbase} and {@code sequence} only.
	 *
	 * @param txid the spent output's transaction id; absent for a coinbase input
	 * @param vout the spent output's index; absent for a coinbase input
	 * @param scriptSig the signature script; absent for a coinbase input
	 * @param coinbase the coinbase data, hex; only for a coinbase input
	 * @param witness the witness items, hex ({@code txinwitness}); absent without witness
	 * @param prevOut the spent output, with {@code vinextra}; absent for a coinbase input
	 * @param sequence the sequence number
	 */
	public record Input(@Nullable String txid, @Nullable Integer vout,
			@JsonProperty("scriptSig") @Nullable ScriptSig scriptSig, @Nullable String coinbase,
			@JsonProperty("txinwitness") @Nullable List<String> witness,
			@JsonProperty("prevOut") @Nullable PrevOut prevOut, long sequence) {
	}

	/**
	 * The output an input spends, as {@code vinextra} adds it.
	 *
	 * @param addresses the addresses it paid
	 * @param value its amount, BTC
	 */
	public record PrevOut(@Nullable List<String> addresses, BigDecimal value) {
	}

}
