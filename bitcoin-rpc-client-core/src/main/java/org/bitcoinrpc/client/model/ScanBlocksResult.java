package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code scanblocks start}: the blocks whose compact filters match the descriptors (needs
 * {@code -blockfilterindex}). Filters have false positives: the blocks may not really pay them.
 *
 * @param fromHeight the first height scanned ({@code from_height})
 * @param toHeight the last height scanned ({@code to_height})
 * @param relevantBlocks the hashes of the matching blocks ({@code relevant_blocks})
 * @param completed whether the scan ran to the end (false when aborted)
 */
public record ScanBlocksResult(@JsonProperty("from_height") long fromHeight,
		@JsonProperty("to_height") long toHeight, @JsonProperty("relevant_blocks") List<String> relevantBlocks,
		boolean completed) {
}
