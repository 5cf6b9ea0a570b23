package org.bitcoinrpc.test.internal.chain;

import java.util.List;

/** Told about blocks added to the {@link SimulatedChain}. */
@FunctionalInterface
public interface ChainListener {

    /**
     * Called once per {@code generate}, after the blocks are part of the chain, with the new blocks in
     * height order. Calls are serialised (never concurrent) and must not block.
     * @param blocks the new blocks, lowest first
     */
    void blocksConnected(List<Block> blocks);
}
