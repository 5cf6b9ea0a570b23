package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One entry of Core's {@code getdescriptoractivity}: a {@code receive} (an output paying a
 * descriptor's script: {@link #txid()}, {@link #vout()}, {@link #outputScript()}) or a
 * {@code spend} (an input spending one: the {@code spend}/{@code prevout} members). The members of
 * the other kind are {@code null}.
 *
 * @param type {@code receive} or {@code spend}
 * @param amount the output's value, BTC
 * @param blockHash the block; absent for mempool activity ({@code blockhash})
 * @param height the block's height; absent for mempool activity
 * @param txid the receiving transaction (receive only)
 * @param vout the output index (receive only)
 * @param outputScript the receiving output's script (receive only; {@code output_spk})
 * @param spendTxid the spending transaction (spend only; {@code spend_txid})
 * @param spendVin the input index in it (spend only; {@code spend_vin})
 * @param prevoutTxid the transaction of the spent output (spend only; {@code prevout_txid})
 * @param prevoutVout the spent output's index (spend only; {@code prevout_vout})
 * @param prevoutScript the spent output's script (spend only; {@code prevout_spk})
 */
public record DescriptorActivityEntry(String type, BigDecimal amount,
		@JsonProperty("blockhash") @Nullable String blockHash, @Nullable Long height, @Nullable String txid,
		@Nullable Integer vout, @JsonProperty("output_spk") @Nullable ScriptPubKey outputScript,
		@JsonProperty("spend_txid") @Nullable String spendTxid, @JsonProperty("spend_vin") @Nullable Integer spendVin,
		@JsonProperty("prevout_txid") @Nullable String prevoutTxid,
		@JsonProperty("prevout_vout") @Nullable Integer prevoutVout,
		@JsonProperty("prevout_spk") @Nullable ScriptPubKey prevoutScript) {

	/** @return whether this is a {@code receive} entry */
	public boolean isReceive() {
		return "receive".equals(this.type);
	}

	/** @return whether this is a {@code spend} entry */
	public boolean isSpend() {
		return "spend".equals(this.type);
	}

}
