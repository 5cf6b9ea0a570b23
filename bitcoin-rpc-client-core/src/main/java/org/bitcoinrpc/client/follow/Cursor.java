package org.bitcoinrpc.client.follow;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a follower stands: the last block of the best chain it handled. It keeps the parent's
 * hash too, so that a follower whose block left the best chain (a reorg while it was stopped) can
 * unwind it without asking the node about a block that may no longer be on its main chain.
 * <p>
 * Hashes are 64 lowercase hex digits, as both btcd and Bitcoin Core print them. Insisting on one
 * spelling keeps comparisons of hashes (is this block the one after my cursor?) a plain
 * {@code equals}.
 *
 * @param hash the block's hash
 * @param height the block's height
 * @param time the block's time (Unix seconds)
 * @param previousHash the parent's hash, or {@code null} for the genesis block
 */
public record Cursor(String hash, long height, long time, @Nullable String previousHash) {

	public Cursor {
		Objects.requireNonNull(hash, "hash must not be null");
		if (!isBlockHash(hash)) {
			throw new IllegalArgumentException("hash must be 64 lowercase hex digits, was " + quote(hash));
		}
		if (height < 0) {
			throw new IllegalArgumentException("height must not be negative, was " + height);
		}
		if (previousHash == null && height != 0) {
			throw new IllegalArgumentException("previousHash may be null only at height 0, not at " + height);
		}
		if (previousHash != null && !isBlockHash(previousHash)) {
			throw new IllegalArgumentException(
					"previousHash must be 64 lowercase hex digits, was " + quote(previousHash));
		}
	}

	/** Whether {@code value} is spelled as nodes spell a block hash: 64 lowercase hex digits. */
	static boolean isBlockHash(String value) {
		if (value.length() != 64) {
			return false;
		}
		for (int i = 0; i < 64; i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	/** A value for an error message, quoted and cut short so that a huge bad value cannot flood a log. */
	static String quote(String value) {
		if (value.length() <= 80) {
			return "'" + value + "'";
		}
		return "'" + value.substring(0, 80) + "...' (" + value.length() + " chars)";
	}

}
