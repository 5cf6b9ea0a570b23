package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One optional index in {@code getindexinfo} (Core), keyed there by the index's name
 * ({@code txindex}, {@code coinstatsindex}, {@code txospenderindex},
 * {@code basic block filter index}).
 *
 * @param synced whether it has caught up with the chain
 * @param bestBlockHeight the height it has reached ({@code best_block_height})
 */
public record IndexInfo(boolean synced, @JsonProperty("best_block_height") int bestBlockHeight) {
}
