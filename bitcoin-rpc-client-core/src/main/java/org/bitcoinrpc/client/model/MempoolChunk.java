package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A chunk of a {@link MempoolCluster}: transactions mined together.
 *
 * @param chunkFee the chunk's modified fees, BTC ({@code chunkfee})
 * @param chunkWeight the chunk's weight ({@code chunkweight})
 * @param txs the txids, in linearization order
 */
public record MempoolChunk(@JsonProperty("chunkfee") BigDecimal chunkFee,
		@JsonProperty("chunkweight") long chunkWeight, List<String> txs) {
}
