package org.bitcoinrpc.client.zmq;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.model.BlockHeader;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory block tree answering {@code getblockheader} and {@code getbestblockhash}, with a
 * best chain the test moves at will (mine, reorg, invalidate) and a switch to make calls fail.
 * Counts the calls. Thread-safe (the subscriber calls it from its receive thread).
 */
final class FakeChain implements BlockSource {

	private final Map<String, Node> blocks = new HashMap<>();

	private final AtomicInteger headerCalls = new AtomicInteger();

	private final AtomicInteger bestCalls = new AtomicInteger();

	private int counter;

	private String best;

	private boolean failing;

	private boolean hanging;

	private record Node(String hash, long height, long time, @Nullable String parent) {
	}

	/** A chain of {@code height + 1} blocks, genesis to {@code height}. */
	FakeChain(int height) {
		this.best = add(null);
		mine(height);
	}

	// ------------------------------------------------------------ BlockSource

	@Override
	public synchronized CompletableFuture<BlockHeader> blockHeader(String blockHash) {
		this.headerCalls.incrementAndGet();
		if (this.hanging) {
			return new CompletableFuture<>();
		}
		if (this.failing) {
			return CompletableFuture.failedFuture(new IllegalStateException("node unreachable"));
		}
		Node node = this.blocks.get(blockHash);
		if (node == null) {
			return CompletableFuture.failedFuture(new RpcErrorException("getblockheader", -5, "Block not found"));
		}
		return CompletableFuture.completedFuture(header(node));
	}

	@Override
	public synchronized CompletableFuture<String> bestBlockHash() {
		this.bestCalls.incrementAndGet();
		if (this.hanging) {
			return new CompletableFuture<>();
		}
		if (this.failing) {
			return CompletableFuture.failedFuture(new IllegalStateException("node unreachable"));
		}
		return CompletableFuture.completedFuture(this.best);
	}

	// ------------------------------------------------------------ control

	/** Mines one block on the best tip; returns its hash. */
	synchronized String mine() {
		this.best = add(this.best);
		return this.best;
	}

	/** Mines {@code n} blocks on the best tip; returns their hashes, oldest first. */
	synchronized List<String> mine(int n) {
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			hashes.add(mine());
		}
		return hashes;
	}

	/**
	 * Replaces the top {@code depth} blocks of the best chain with {@code length} new ones; returns
	 * the new blocks, oldest first.
	 */
	synchronized List<String> reorg(int depth, int length) {
		String fork = this.best;
		for (int i = 0; i < depth; i++) {
			fork = this.blocks.get(fork).parent();
		}
		List<String> hashes = new ArrayList<>();
		String tip = fork;
		for (int i = 0; i < length; i++) {
			tip = add(tip);
			hashes.add(tip);
		}
		this.best = tip;
		return hashes;
	}

	/** {@code invalidateblock} of the tip: the best chain goes back one block; returns the old tip. */
	synchronized String invalidateTip() {
		String old = this.best;
		this.best = this.blocks.get(old).parent();
		return old;
	}

	/** {@code reconsiderblock}: makes a known block the tip again. */
	synchronized void reconsider(String hash) {
		this.best = hash;
	}

	synchronized String best() {
		return this.best;
	}

	synchronized long height(String hash) {
		return this.blocks.get(hash).height();
	}

	synchronized long time(String hash) {
		return this.blocks.get(hash).time();
	}

	/** The hashes of the best chain from {@code fromHeight} to the tip, oldest first. */
	synchronized List<String> bestChainFrom(long fromHeight) {
		List<String> hashes = new ArrayList<>();
		for (String hash = this.best; hash != null && this.blocks.get(hash).height() >= fromHeight;
				hash = this.blocks.get(hash).parent()) {
			hashes.add(0, hash);
		}
		return hashes;
	}

	synchronized void failing(boolean failing) {
		this.failing = failing;
	}

	/** Calls never complete (a node that hangs). */
	synchronized void hanging(boolean hanging) {
		this.hanging = hanging;
	}

	int headerCalls() {
		return this.headerCalls.get();
	}

	int bestCalls() {
		return this.bestCalls.get();
	}

	int calls() {
		return headerCalls() + bestCalls();
	}

	private String add(@Nullable String parent) {
		long height = (parent != null) ? this.blocks.get(parent).height() + 1 : 0;
		String hash = sha256Hex("block-" + this.counter++);
		this.blocks.put(hash, new Node(hash, height, 1_795_000_000L + 600 * height + this.counter, parent));
		return hash;
	}

	private BlockHeader header(Node node) {
		boolean onBest = bestChainFrom(node.height()).contains(node.hash());
		long confirmations = onBest ? this.blocks.get(this.best).height() - node.height() + 1 : -1;
		return new BlockHeader(node.hash(), confirmations, node.height(), 0x20000000L, "20000000",
				"00".repeat(32), node.time(), node.time() - 3000, 0, "207fffff", null, BigDecimal.ONE, null, 1,
				node.parent(), null);
	}

	private static String sha256Hex(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
