package org.bitcoinrpc.client.zmq;

import java.util.ArrayList;
import java.util.List;

import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.model.BlockHeader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns block messages into {@link Notification.BlockConnected} and
 * {@link Notification.BlockDisconnected} so that a listener sees every block of the best chain
 * exactly once, in order, even when messages are lost, repeated or stale.
 * <p>
 * The rules:
 * <ul>
 * <li>A connected block already in the {@link KnownChain} is a duplicate and is skipped (0 RPC
 * calls). Otherwise one {@code getblockheader} gives its height, time and parent; if the parent is
 * the known tip (and the node still has the block on its best chain) it is delivered, else
 * something was missed and a catch-up runs.</li>
 * <li>A disconnected block that is the known tip is delivered from memory (0 RPC calls; 1 if it is
 * the only block known, to learn its parent). One deeper in the known chain triggers a catch-up; an
 * unknown one is ignored (it was never delivered, or a catch-up already dealt with it).</li>
 * <li>A catch-up asks {@code getbestblockhash}, then walks {@code getblockheader} back through
 * {@code previousblockhash} until it reaches a known block (extending the known chain backwards
 * over RPC if the fork is older than what is remembered). It delivers {@code BlockDisconnected} for
 * the known blocks above the fork, newest first, then {@code BlockConnected} for the new ones,
 * oldest first. Nothing is delivered until the walk has succeeded, so a failed catch-up can simply
 * be run again.</li>
 * <li>At start the node's tip is the starting point and is not delivered (or, when resuming, the
 * given block, and the blocks after it are delivered).</li>
 * </ul>
 * RPC failures leave a catch-up pending; it is retried on the next block message or after the
 * retry interval. Only used by the receive thread.
 */
final class ChainFollower {

	private static final Logger logger = LoggerFactory.getLogger(ChainFollower.class);

	private final ZmqTopic topic;

	private final BlockSource source;

	private final RpcWaiter rpc;

	private final EventSinks sinks;

	private final ZmqCounters counters;

	private final int recentBlocks;

	private final int maxCatchUpBlocks;

	private final long retryNanos;

	private final KnownChain known = new KnownChain();

	/** The block to resume after, until the first catch-up has used it. */
	private @Nullable String resumeAfter;

	private boolean catchUpPending = true;

	/** When a failed catch-up may be retried without a new message ({@link System#nanoTime()}). */
	private long retryAt;

	ChainFollower(ZmqTopic topic, BlockSource source, RpcWaiter rpc, EventSinks sinks, ZmqCounters counters,
			ZmqOptions options, @Nullable String resumeAfter) {
		this.topic = topic;
		this.source = source;
		this.rpc = rpc;
		this.sinks = sinks;
		this.counters = counters;
		this.recentBlocks = options.recentBlocks();
		this.maxCatchUpBlocks = options.maxCatchUpBlocks();
		this.retryNanos = options.catchUpRetryInterval().toNanos();
		this.resumeAfter = resumeAfter;
		this.retryAt = System.nanoTime();
	}

	ZmqTopic topic() {
		return this.topic;
	}

	boolean catchUpPending() {
		return this.catchUpPending;
	}

	/** Messages may have been missed (a gap, a reconnect, a restart): catch up before the next block. */
	void requestCatchUp() {
		this.catchUpPending = true;
		this.retryAt = System.nanoTime();
	}

	/** Runs a pending catch-up if its retry time has come; called when the receive loop is idle. */
	void retryIfDue(long nanoTime) {
		if (this.catchUpPending && nanoTime - this.retryAt >= 0) {
			tryCatchUp();
		}
	}

	/** A block became the tip ({@code sequence} C or {@code hashblock}). */
	void connected(String hash) {
		if (this.catchUpPending && !tryCatchUp()) {
			return;
		}
		if (this.known.contains(hash)) {
			this.counters.duplicateBlock();
			return;
		}
		try {
			BlockHeader header = header(hash);
			ChainBlock block = ChainBlock.of(header);
			// confirmations -1: the block already left the best chain again; the catch-up sorts it out.
			if (header.confirmations() >= 0 && this.known.tip().hash().equals(block.previousHash())) {
				deliverConnected(block);
				this.known.trim(this.recentBlocks);
				this.counters.tip(this.known.tip());
			}
			else {
				logger.debug("Block {} does not extend {}: catching up", hash, this.known.tip().hash());
				catchUp();
			}
		}
		catch (RpcWaiter.RpcFailed ex) {
			failed(ex);
		}
	}

	/** A block left the tip ({@code sequence} D). */
	void disconnected(String hash) {
		if (this.catchUpPending && !tryCatchUp()) {
			return;
		}
		if (!this.known.contains(hash)) {
			this.counters.duplicateBlock();
			return;
		}
		try {
			if (!this.known.tip().hash().equals(hash)) {
				logger.debug("Block {} left the chain below the tip {}: catching up", hash, this.known.tip().hash());
				catchUp();
				return;
			}
			if (this.known.size() == 1) {
				extendBack();
			}
			for (ChainBlock block : this.known.removeAbove(parentOf(this.known.tip()))) {
				deliverDisconnected(block);
			}
			this.counters.tip(this.known.tip());
		}
		catch (RpcWaiter.RpcFailed ex) {
			failed(ex);
		}
	}

	/** Runs the pending catch-up; false if it failed (it stays pending). */
	private boolean tryCatchUp() {
		try {
			catchUp();
			return true;
		}
		catch (RpcWaiter.RpcFailed ex) {
			failed(ex);
			return false;
		}
	}

	private void failed(RpcWaiter.RpcFailed ex) {
		this.counters.failedCatchUp();
		this.catchUpPending = true;
		this.retryAt = System.nanoTime() + this.retryNanos;
		logger.warn("Could not follow blocks over RPC ({}); retrying with the next block message or in {} ms",
				ex.getMessage(), this.retryNanos / 1_000_000);
	}

	private void catchUp() {
		if (this.known.isEmpty()) {
			String start = (this.resumeAfter != null) ? this.resumeAfter : bestBlockHash();
			this.known.reset(ChainBlock.of(header(start)));
			this.counters.tip(this.known.tip());
			logger.debug("Following blocks on '{}' from {} (height {})", this.topic.wireName(), start,
					this.known.tip().height());
			if (this.resumeAfter == null) {
				finished();
				return;
			}
			this.resumeAfter = null;
		}
		String best = bestBlockHash();
		if (this.known.contains(best)) {
			// The node's tip is ours, or one below it (invalidateblock): disconnect down to it.
			for (ChainBlock block : this.known.removeAbove(best)) {
				deliverDisconnected(block);
			}
			this.counters.tip(this.known.tip());
			finished();
			return;
		}
		List<ChainBlock> branch = new ArrayList<>();
		ChainBlock bestBlock = ChainBlock.of(header(best));
		ChainBlock cursor = bestBlock;
		int steps = 0;
		while (!this.known.contains(cursor.hash())) {
			if (++steps > this.maxCatchUpBlocks) {
				abandon(bestBlock);
				return;
			}
			if (cursor.height() >= this.known.bottom().height()) {
				// At or above our oldest block yet not ours: the cursor is on the new branch.
				branch.add(cursor);
				cursor = ChainBlock.of(header(parentOf(cursor)));
			}
			else {
				extendBack();
			}
		}
		List<ChainBlock> abandoned = this.known.removeAbove(cursor.hash());
		for (ChainBlock block : abandoned) {
			deliverDisconnected(block);
		}
		for (int i = branch.size() - 1; i >= 0; i--) {
			deliverConnected(branch.get(i));
		}
		this.known.trim(this.recentBlocks);
		this.counters.tip(this.known.tip());
		if (!abandoned.isEmpty() || !branch.isEmpty()) {
			logger.info("Caught up on '{}': {} blocks disconnected, {} connected, tip {} (height {})",
					this.topic.wireName(), abandoned.size(), branch.size(), this.known.tip().hash(),
					this.known.tip().height());
		}
		finished();
	}

	private void finished() {
		this.catchUpPending = false;
		this.counters.catchUp();
	}

	private void abandon(ChainBlock best) {
		ChainBlock from = this.known.tip();
		logger.error("Catch-up on '{}' from {} (height {}) to {} (height {}) needs more than {} blocks: "
				+ "starting again from the node's tip", this.topic.wireName(), from.hash(), from.height(), best.hash(),
				best.height(), this.maxCatchUpBlocks);
		this.known.reset(best);
		this.counters.tip(best);
		this.sinks.event(new ZmqEvent.CatchUpAbandoned(this.topic, from.hash(), from.height(), best.hash(),
				best.height()));
		finished();
	}

	/** Adds the parent of the oldest known block, so a fork below it can be found. */
	private void extendBack() {
		this.known.prepend(ChainBlock.of(header(parentOf(this.known.bottom()))));
	}

	private static String parentOf(ChainBlock block) {
		String parent = block.previousHash();
		if (parent == null) {
			throw new RpcWaiter.RpcFailed("Reached the genesis block " + block.hash()
					+ " without finding a common ancestor", null);
		}
		return parent;
	}

	private void deliverConnected(ChainBlock block) {
		this.known.append(block);
		this.sinks.block(new Notification.BlockConnected(block.hash(), block.height(), block.time()));
	}

	private void deliverDisconnected(ChainBlock block) {
		this.sinks.block(new Notification.BlockDisconnected(block.hash(), block.height(), block.time()));
	}

	private BlockHeader header(String hash) {
		return this.rpc.await(this.source.blockHeader(hash), "getblockheader " + hash);
	}

	private String bestBlockHash() {
		return this.rpc.await(this.source.bestBlockHash(), "getbestblockhash");
	}

}
