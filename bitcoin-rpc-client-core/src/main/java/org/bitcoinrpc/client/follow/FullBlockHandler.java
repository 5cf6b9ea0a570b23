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
 * {@link Notification.BlockDisconnected} it is the block as the node still serves it, or
 * {@code null} where the node serves a block off its best chain only serialized (btcd answers
 * {@code getblock <hash> 2} for such a block with an error): undo what the block did from your own
 * records, keyed by its hash.
 */
@FunctionalInterface
public interface FullBlockHandler {

	void handle(Notification.BlockChange change, @Nullable BlockWithTransactions block) throws Exception;

}
