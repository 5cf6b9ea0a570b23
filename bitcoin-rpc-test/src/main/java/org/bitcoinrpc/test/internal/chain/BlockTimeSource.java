package org.bitcoinrpc.test.internal.chain;

/**
 * Where {@link SimulatedChain} takes each mined block's timestamp from. The chain's own view of the
 * public {@code org.bitcoinrpc.test.BlockTimes}, which the node adapts to this, so this package
 * never depends on the API above it.
 */
@FunctionalInterface
public interface BlockTimeSource {

    /**
     * Deterministic times, one second apart: block {@code h} at {@link SimulatedChain#FIRST_BLOCK_TIME}
     * + h, so the same calls build the same chain, hashes included.
     */
    BlockTimeSource FIXED = (height, parentTime) -> SimulatedChain.FIRST_BLOCK_TIME + height;

    /**
     * The timestamp of the block about to be mined at {@code height}. Called with the chain's lock
     * held, from the thread that mines: it must be quick and must not call the node.
     * @param height the new block's height, 1 or more
     * @param parentTime the timestamp of the block it is mined on, Unix seconds
     * @return Unix seconds, 0 to 2^32 - 1 (the header's field)
     */
    long time(int height, long parentTime);
}
