package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code block_info} of {@link TxOutSetInfo}: what one block did to the UTXO set, all BTC.
 *
 * @param prevoutSpent the value of the outputs it spent ({@code prevout_spent})
 * @param coinbase the coinbase's output value
 * @param newOutputsExCoinbase the value of its other new outputs ({@code new_outputs_ex_coinbase})
 * @param unspendable the value of its unspendable outputs
 * @param unspendables the unspendable value by reason
 */
public record TxOutSetBlockInfo(@JsonProperty("prevout_spent") BigDecimal prevoutSpent, BigDecimal coinbase,
		@JsonProperty("new_outputs_ex_coinbase") BigDecimal newOutputsExCoinbase, BigDecimal unspendable,
		Unspendables unspendables) {

	/**
	 * Unspendable value of a block by reason, BTC.
	 *
	 * @param genesisBlock the genesis block's coinbase ({@code genesis_block})
	 * @param bip30 transactions overwritten by duplicates (BIP 30)
	 * @param scripts outputs with unspendable scripts
	 * @param unclaimedRewards subsidy and fees the coinbase did not claim ({@code unclaimed_rewards})
	 */
	public record Unspendables(@JsonProperty("genesis_block") BigDecimal genesisBlock, BigDecimal bip30,
			BigDecimal scripts, @JsonProperty("unclaimed_rewards") BigDecimal unclaimedRewards) {
	}

}
