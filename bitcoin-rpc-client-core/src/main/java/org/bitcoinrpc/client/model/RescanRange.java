package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code rescanblockchain}: the heights that were rescanned.
 *
 * @param startHeight the first block rescanned ({@code start_height})
 * @param stopHeight the last block rescanned ({@code stop_height}): the tip when no stop height was
 * given
 */
public record RescanRange(@JsonProperty("start_height") int startHeight, @JsonProperty("stop_height") int stopHeight) {
}
