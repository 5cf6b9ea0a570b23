package org.bitcoinrpc.client.zmq;

import org.jspecify.annotations.Nullable;

/** The label byte of a {@code sequence} message. */
public enum SequenceLabel {

	/** {@code C}: a block was connected to the tip. No mempool sequence. */
	BLOCK_CONNECTED('C', false),

	/** {@code D}: a block was disconnected from the tip (reorg, {@code invalidateblock}). No mempool sequence. */
	BLOCK_DISCONNECTED('D', false),

	/** {@code A}: a transaction entered the mempool; carries the mempool sequence. */
	MEMPOOL_ADDED('A', true),

	/**
	 * {@code R}: a transaction left the mempool other than by being mined (replaced, evicted,
	 * expired, conflicted); carries the mempool sequence. Core sends no {@code R} for a mined transaction.
	 */
	MEMPOOL_REMOVED('R', true);

	private final char code;

	private final boolean mempoolSequence;

	SequenceLabel(char code, boolean mempoolSequence) {
		this.code = code;
		this.mempoolSequence = mempoolSequence;
	}

	/** The label as sent on the wire. */
	public char code() {
		return this.code;
	}

	/** Whether the body carries an 8-byte mempool sequence after the label (A and R). */
	public boolean hasMempoolSequence() {
		return this.mempoolSequence;
	}

	/** The label for a code, or {@code null} for an unknown one. */
	public static @Nullable SequenceLabel fromCode(int code) {
		for (SequenceLabel label : values()) {
			if (label.code == code) {
				return label;
			}
		}
		return null;
	}

}
