package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code getmininginfo}, as btcd and Bitcoin Core send it.
 *
 * @param blocks the best chain's height
 * @param currentBlockSize size of the last block template, bytes (btcd only)
 * @param currentBlockWeight weight of the last block template (absent on Core until a template was made)
 * @param currentBlockTx transactions in the last block template
 * @param bits the tip's compact target, hex (Core only)
 * @param difficulty the tip's difficulty
 * @param target the tip's full target, hex (Core only)
 * @param networkHashPs the estimated network hash rate, hashes per second (Core prints it in exponent form)
 * @param pooledTx the number of mempool transactions
 * @param blockMinTxFee the minimum fee rate for block inclusion, BTC/kvB (Core only)
 * @param chain the chain name (Core only)
 * @param next the block being mined (Core only)
 * @param warnings the node's warnings (Core only)
 * @param errors the node's warnings as one string (btcd only)
 * @param generate whether the built-in CPU miner runs (btcd only)
 * @param genProcLimit the CPU miner's thread count (btcd only)
 * @param hashesPerSec the CPU miner's hash rate (btcd only)
 * @param testnet whether the node runs on testnet (btcd only)
 */
public record MiningInfo(long blocks, @JsonProperty("currentblocksize") @Nullable Long currentBlockSize,
		@JsonProperty("currentblockweight") @Nullable Long currentBlockWeight,
		@JsonProperty("currentblocktx") @Nullable Long currentBlockTx, @Nullable String bits, BigDecimal difficulty,
		@Nullable String target, @JsonProperty("networkhashps") BigDecimal networkHashPs,
		@JsonProperty("pooledtx") long pooledTx, @JsonProperty("blockmintxfee") @Nullable BigDecimal blockMinTxFee,
		@Nullable String chain, @Nullable NextBlockInfo next,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> warnings,
		@Nullable String errors, @Nullable Boolean generate, @JsonProperty("genproclimit") @Nullable Integer genProcLimit,
		@JsonProperty("hashespersec") @Nullable BigDecimal hashesPerSec, @Nullable Boolean testnet) {
}
