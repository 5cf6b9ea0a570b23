package org.bitcoinrpc.client.zmq;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The end of the best chain as the subscriber's listeners know it: a run of consecutive blocks,
 * parent before child, ending at the last block delivered (or the starting point). It serves to
 * de-duplicate (a block in it was delivered and not since disconnected) and to find where a reorg
 * forked. Bounded: {@link #trim(int)} drops the oldest blocks. Only used by the receive thread.
 */
final class KnownChain {

	private final ArrayDeque<ChainBlock> blocks = new ArrayDeque<>();

	private final Set<String> hashes = new HashSet<>();

	boolean isEmpty() {
		return this.blocks.isEmpty();
	}

	int size() {
		return this.blocks.size();
	}

	boolean contains(String hash) {
		return this.hashes.contains(hash);
	}

	ChainBlock tip() {
		ChainBlock tip = this.blocks.peekLast();
		if (tip == null) {
			throw new NoSuchElementException("No block known yet");
		}
		return tip;
	}

	ChainBlock bottom() {
		ChainBlock bottom = this.blocks.peekFirst();
		if (bottom == null) {
			throw new NoSuchElementException("No block known yet");
		}
		return bottom;
	}

	/** Adds a child of the tip (or the first block). */
	void append(ChainBlock block) {
		if (!this.blocks.isEmpty() && !tip().hash().equals(block.previousHash())) {
			throw new IllegalArgumentException("Block " + block.hash() + " does not extend " + tip().hash());
		}
		this.blocks.addLast(block);
		this.hashes.add(block.hash());
	}

	/** Adds the parent of the bottom block, to look further back for a fork point. */
	void prepend(ChainBlock parent) {
		if (!parent.hash().equals(bottom().previousHash())) {
			throw new IllegalArgumentException("Block " + parent.hash() + " is not the parent of " + bottom().hash());
		}
		this.blocks.addFirst(parent);
		this.hashes.add(parent.hash());
	}

	/** Removes the blocks above {@code hash}, which must be known; returns them newest first. */
	List<ChainBlock> removeAbove(String hash) {
		if (!contains(hash)) {
			throw new IllegalArgumentException("Block " + hash + " is not known");
		}
		List<ChainBlock> removed = new ArrayList<>();
		while (!tip().hash().equals(hash)) {
			ChainBlock block = this.blocks.removeLast();
			this.hashes.remove(block.hash());
			removed.add(block);
		}
		return removed;
	}

	/** Forgets everything and starts again from one block. */
	void reset(ChainBlock block) {
		this.blocks.clear();
		this.hashes.clear();
		append(block);
	}

	/** Drops the oldest blocks until at most {@code max} are left. */
	void trim(int max) {
		while (this.blocks.size() > max) {
			this.hashes.remove(this.blocks.removeFirst().hash());
		}
	}

}
