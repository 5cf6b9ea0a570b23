package org.bitcoinrpc.client.model;

/**
 * A block named by hash and height: btcd's {@code getbestblock}, and the
 * {@code lastprocessedblock} of Core's wallet calls.
 *
 * @param hash the block hash (RPC byte order)
 * @param height the height
 */
public record BlockRef(String hash, long height) {
}
