package org.bitcoinrpc.client.follow;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a follower stands: the last block of the best chain it handled. It keeps the parent's
 * hash too, so that a follower whose block left the best chain (a reorg while it was stopped) can
 * unwind it without asking the node about a block that may no longer be on its main chain.
 *
 * @param hash the block's hash
 * @param height the block's height
 * @param time the block's time (Unix seconds)
 * @param previousHash the parent's hash, or {@code null} for the genesis block
 */
public record Cursor(String hash, long height, long time, @Nullable String previousHash) {

	public Cursor {
		Objects.requireNonNull(hash, "hash must not be null");
		if (height < 0) {
			throw new IllegalArgumentException("height must not be negative, was " + height);
		}
		if (previousHash == null && height != 0) {
			throw new IllegalArgumentException("previousHash may be null only at height 0, not at " + height);
		}
	}

}
