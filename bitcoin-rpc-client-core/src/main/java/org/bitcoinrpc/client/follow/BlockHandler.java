package org.bitcoinrpc.client.follow;

import org.bitcoinrpc.client.Notification;

/**
 * What an application does with each change of the best chain, in order: a
 * {@link Notification.BlockConnected} for a block added, a {@link Notification.BlockDisconnected}
 * for a block a reorg removed (newest first, before the blocks that replace it).
 * <pre>{@code
 * BlockHandler handler = (change) -> {
 *     if (change instanceof Notification.BlockConnected block) {
 *         index(block.hash(), block.height());
 *     }
 *     else {
 *         unindex(change.hash());
 *     }
 * };
 * }</pre>
 * The follower's cursor moves past a block only when this returns normally; if it throws, the
 * same block is offered again as the follower's {@link FailurePolicy} says, and nothing after it
 * is delivered first.
 */
@FunctionalInterface
public interface BlockHandler {

	void handle(Notification.BlockChange change) throws Exception;

}
