package org.bitcoinrpc.client.follow;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a follower starts when its store holds no cursor for its name (a stored cursor always
 * wins: a follower resumes where it stopped).
 */
public sealed interface StartPoint {

	/** The node's tip at start: the first block handled is the next one mined. */
	static StartPoint tip() {
		return Tip.INSTANCE;
	}

	/** The first block handled is the one at {@code height} on the best chain. */
	static StartPoint height(long height) {
		if (height < 1) {
			throw new IllegalArgumentException("height must be at least 1 (the genesis block is where every chain"
					+ " starts, not a block to handle), was " + height);
		}
		return new Height(height);
	}

	/** The first block handled is the child of the block {@code hash}. */
	static StartPoint after(String hash) {
		Objects.requireNonNull(hash, "hash must not be null");
		if (!hash.matches("[0-9a-fA-F]{64}")) {
			throw new IllegalArgumentException("hash must be 64 hex characters, was '" + hash + "'");
		}
		return new After(hash.toLowerCase(Locale.ROOT));
	}

	/** {@link #tip()}. */
	enum Tip implements StartPoint {

		INSTANCE

	}

	/** {@link #height(long)}. */
	record Height(long height) implements StartPoint {
	}

	/** {@link #after(String)}. */
	record After(String hash) implements StartPoint {
	}

}
