package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One entry of Core's {@code listunspent}.
 *
 * @param txid the transaction id
 * @param vout the output index
 * @param address the address it pays, if any
 * @param label the address's label
 * @param scriptPubKey the output script, hex
 * @param amount the amount, BTC
 * @param confirmations confirmations (0 for mempool outputs)
 * @param ancestorCount in-mempool ancestors including itself; only when unconfirmed
 * @param ancestorSize their virtual size; only when unconfirmed
 * @param ancestorFees their fees, BTC; only when unconfirmed
 * @param redeemScript the P2SH redeem script, hex, if known
 * @param witnessScript the P2WSH witness script, hex, if known
 * @param spendable whether the wallet has the keys to spend it
 * @param solvable whether the wallet knows how to spend it
 * @param reused whether its address was used before; only with {@code avoid_reuse}
 * @param desc the output descriptor, when solvable
 * @param parentDescs the wallet descriptors it came from
 * @param safe whether it is safe to spend (not an unconfirmed output from others)
 */
public record Unspent(String txid, int vout, @Nullable String address, @Nullable String label,
		@JsonProperty("scriptPubKey") String scriptPubKey, BigDecimal amount, long confirmations,
		@JsonProperty("ancestorcount") @Nullable Long ancestorCount,
		@JsonProperty("ancestorsize") @Nullable Long ancestorSize,
		@JsonProperty("ancestorfees") @Nullable BigDecimal ancestorFees,
		@JsonProperty("redeemScript") @Nullable String redeemScript,
		@JsonProperty("witnessScript") @Nullable String witnessScript, boolean spendable, boolean solvable,
		@Nullable Boolean reused, @Nullable String desc, @JsonProperty("parent_descs") @Nullable List<String> parentDescs,
		boolean safe) {
}
