package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code getmempoolcluster} (new in 31, the cluster mempool): the cluster a transaction
 * belongs to, as the chunks it is mined in.
 *
 * @param clusterWeight the cluster's total weight ({@code clusterweight})
 * @param txCount the number of transactions in it ({@code txcount})
 * @param chunks its chunks, best fee rate first
 */
public record MempoolCluster(@JsonProperty("clusterweight") long clusterWeight,
		@JsonProperty("txcount") long txCount, List<MempoolChunk> chunks) {
}
