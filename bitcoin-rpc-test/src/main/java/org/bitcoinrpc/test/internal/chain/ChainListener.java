package org.bitcoinrpc.test.internal.chain;

import java.util.List;

/**
 * Told about changes of the {@link SimulatedChain}. Calls are serialised (never concurrent), come in
 * the order of the changes, and must not block: they run under the chain's mining lock.
 */
@FunctionalInterface
public interface ChainListener {

    /**
     * Called once per {@code generate} or {@code reorg}, after the blocks are part of the chain, with
     * the new blocks in height order.
     * @param blocks the new blocks, lowest first
     */
    void blocksConnected(List<Block> blocks);

    /**
     * Called after a transaction entered the mempool.
     * @param tx the accepted transaction
     */
    default void transactionAccepted(Transaction tx) {
    }

    /**
     * Called after the tip was removed from the chain (its transactions, but the coinbase, are back in
     * the mempool); a {@code reorg} calls it for each removed block, newest first, before
     * {@link #blocksConnected} for the new ones.
     * @param block the removed block
     */
    default void blockDisconnected(Block block) {
    }
}
