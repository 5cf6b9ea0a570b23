package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code getrawmempool false true}: the mempool's txids and the mempool sequence number the
 * ZMQ {@code sequence} topic uses, taken together.
 *
 * @param txids the transaction ids
 * @param mempoolSequence the mempool sequence number at the time of the listing
 */
public record MempoolSequence(List<String> txids, @JsonProperty("mempool_sequence") long mempoolSequence) {
}
