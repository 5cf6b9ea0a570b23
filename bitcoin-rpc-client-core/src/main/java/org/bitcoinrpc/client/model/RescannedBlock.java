package org.bitcoinrpc.client.model;

import java.util.List;

/**
 * One block that matched the loaded transaction filter in btcd's {@code rescanblocks}.
 *
 * @param hash the block hash
 * @param transactions the matching transactions, as hex
 */
public record RescannedBlock(String hash, List<String> transactions) {
}
