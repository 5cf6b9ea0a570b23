package org.bitcoinrpc.client.follow;

import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.jspecify.annotations.Nullable;

/**
 * A {@link BlockHandler} that gets each block with its transactions ({@code getblock <hash> 2}),
 * fetched by the follower with several requests in flight
 * ({@link ChainFollower.Builder#fullBlocks(FullBlockHandler)}).
 * <p>
 * For a {@link Notification.BlockConnected} the block is always there. For a
 * {@link Notification.BlockDisconnected} it is there too, so that you can undo what its
 * transactions did (reverse a payment a reorg removed), with {@code confirmations} -1: as the node
 * serves it (Core), or, where the node serves a block off its best chain only serialized (btcd
 * answers {@code getblock <hash> 2} for it with -32603), rebuilt by the follower from
 * {@code getblock <hash> 0}, each transaction decoded by the node's {@code decoderawtransaction}.
 * Such a transaction has what that call gives (txid, version, lock time, inputs and outputs with
 * addresses and asm) and no {@code hex}, {@code hash}, sizes or block fields; the block has what
 * btcd's own {@code getblock} has, computed from the serialization, but no next block.
 * <p>
 * The block is {@code null} only where the node answers that it cannot give it at all (a pruned
 * Core node, say): undo what it did from your own records then, keyed by its hash. Failing to reach
 * the node is not that: the follower tries again, as for any RPC failure.
 */
@FunctionalInterface
public interface FullBlockHandler {

	void handle(Notification.BlockChange change, @Nullable BlockWithTransactions block) throws Exception;

}
