package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code getchaintips}.
 *
 * @param height the tip's height
 * @param hash the tip's hash
 * @param branchLength blocks from the tip back to the active chain; 0 for the active tip
 * @param status {@code active}, {@code valid-fork}, {@code valid-headers}, {@code headers-only} or
 * {@code invalid}
 */
public record ChainTip(long height, String hash, @JsonProperty("branchlen") long branchLength, String status) {
}
