package org.bitcoinrpc.client.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.RpcBatch;
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.internal.RawBlock;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.model.RawTransaction;
import org.jspecify.annotations.Nullable;

/**
 * A block that left the best chain, as a whole block where the node will not describe it. btcd
 * answers {@code getblock <hash> 2} for such a block with -32603 "block HASH is not in the main
 * chain" (its verbose forms look the height up on the main chain only) but still serves it
 * serialized, so the follower rebuilds what {@code getblock <hash> 2} would say:
 * {@code getblock <hash> 0} split into header and transactions ({@link RawBlock}), each transaction
 * decoded by the node's own {@code decoderawtransaction} (so addresses, script types and asm are
 * the node's), sizes and weight counted from the serialization, and the difficulty computed as
 * btcd computes it ({@link BtcdDifficulty}). Checked before it is trusted: the header hashes to
 * the block asked for, the transactions to the header's merkle root, and the node decodes each to
 * the txid the split gave.
 * <p>
 * What btcd's answer would hold and a serialized block cannot give stays null: the median time,
 * chain work, target and transaction count (which btcd does not send either), the next block's
 * hash (there is none off the best chain), and in each transaction what
 * {@code decoderawtransaction} leaves out (hex, hash, sizes, the block fields). Confirmations are
 * -1, as Core reports for a block off its best chain. Stateless.
 */
final class StaleBlocks {

	/** Most transactions decoded per JSON-RPC batch: a large block stays well within the client's bound on pending requests. */
	static final int BATCH_TRANSACTIONS = 500;

	/** Most serialized bytes decoded per batch (twice that in hex), well within a websocket frame btcd accepts. */
	static final int BATCH_BYTES = 2 * 1024 * 1024;

	private StaleBlocks() {
	}

	/** How the follower waits for one call: a failure or a timeout is the follower's retried RPC failure. */
	@FunctionalInterface
	interface Await {

		<T> T await(CompletableFuture<T> call, String what) throws InterruptedException;

	}

	/**
	 * Whether a verbose {@code getblock} failed because the node serves the block only serialized:
	 * btcd's -32603 naming a block not in the main chain. Anything else, and a failure to reach
	 * the node above all, is not this.
	 */
	static boolean servedOnlySerialized(@Nullable Throwable failure) {
		return failure instanceof RpcErrorException error && error.code() == RpcErrorCode.INTERNAL_ERROR
				&& error.rpcMessage().endsWith(" is not in the main chain");
	}

	/**
	 * Rebuilds {@code getblock <hash> 2} of a block off the best chain from its serialization.
	 * @param height the block's height, which the serialization does not hold (the follower's cursor does)
	 * @return the block, or null on a network btcd does not know (its difficulty cannot be computed as btcd would)
	 * @throws IllegalArgumentException when the serialized block is malformed or is not the one asked for
	 */
	static @Nullable BlockWithTransactions rebuild(BitcoinRpcClient client, String hash, long height, Await calls)
			throws InterruptedException {
		// Both at once; the genesis hash names the network, whose limit the difficulty is relative to.
		CompletableFuture<String> serialized = client.getBlockHexAsync(hash);
		CompletableFuture<String> genesis = client.getBlockHashAsync(0);
		RawBlock raw = RawBlock.parseHex(calls.await(serialized, "getblock " + hash + " 0"));
		Long powLimitBits = BtcdDifficulty.powLimitBits(calls.await(genesis, "getblockhash 0"));
		if (!raw.hash().equalsIgnoreCase(hash)) {
			throw new IllegalArgumentException("asked for block " + hash + ", the node served block " + raw.hash());
		}
		String merkleRoot = raw.computedMerkleRoot();
		if (!merkleRoot.equals(raw.merkleRoot())) {
			throw new IllegalArgumentException("the transactions' merkle root is " + merkleRoot + ", the header says "
					+ raw.merkleRoot());
		}
		if (powLimitBits == null) {
			return null;
		}
		return assemble(raw, hash, height, decode(client, raw, calls), powLimitBits);
	}

	/** The block as btcd's {@code getblock <hash> 2} shows it, from its serialization and the decoded transactions. */
	static BlockWithTransactions assemble(RawBlock raw, String hash, long height, List<RawTransaction> transactions,
			long powLimitBits) {
		return new BlockWithTransactions(hash, -1, (long) raw.strippedSize(), raw.size(), (long) raw.weight(), height,
				raw.version(), versionHex(raw.version()), raw.merkleRoot(), List.copyOf(transactions), raw.time(), null,
				raw.nonce(), Long.toHexString(raw.bits()), null, BtcdDifficulty.of(raw.bits(), powLimitBits), null, null,
				raw.previousBlockHash(), null);
	}

	/** Go's {@code %08x} of an int32, as btcd prints {@code versionHex}: a negative version keeps its sign. */
	static String versionHex(int version) {
		String sign = (version < 0) ? "-" : "";
		String digits = Long.toHexString(Math.abs((long) version));
		return sign + "0".repeat(Math.max(0, 8 - sign.length() - digits.length())) + digits;
	}

	/**
	 * Each transaction decoded by the node, in batches sent one after the other; each decoded
	 * txid must be the one the split gave, or the split (or the node) is wrong.
	 */
	private static List<RawTransaction> decode(BitcoinRpcClient client, RawBlock raw, Await calls)
			throws InterruptedException {
		List<RawBlock.Transaction> transactions = raw.transactions();
		List<RawTransaction> decoded = new ArrayList<>(transactions.size());
		int next = 0;
		while (next < transactions.size()) {
			RpcBatch batch = client.batch();
			List<CompletableFuture<RawTransaction>> pending = new ArrayList<>();
			long bytes = 0;
			while (next < transactions.size() && pending.size() < BATCH_TRANSACTIONS
					&& (pending.isEmpty() || bytes + transactions.get(next).size() <= BATCH_BYTES)) {
				RawBlock.Transaction tx = transactions.get(next++);
				bytes += tx.size();
				pending.add(batch.add("decoderawtransaction", List.of(tx.hex()), RawTransaction.class));
			}
			batch.send();
			for (CompletableFuture<RawTransaction> call : pending) {
				int index = decoded.size();
				String what = "decoderawtransaction of transaction " + (index + 1) + " of " + transactions.size()
						+ " of block " + raw.hash();
				RawTransaction tx = calls.await(call, what);
				String txid = transactions.get(index).txid();
				if (!txid.equals(tx.txid())) {
					throw new IllegalArgumentException(what + " gave txid " + tx.txid() + ", the block serializes " + txid);
				}
				decoded.add(tx);
			}
		}
		return decoded;
	}

}
