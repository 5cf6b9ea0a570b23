package org.bitcoinrpc.test;

import java.time.Clock;
import java.util.Objects;

import org.bitcoinrpc.test.internal.chain.BlockTimeSource;

/**
 * Chooses the timestamp of each block the {@link SimulatedNode} mines ({@link SimulatedNode.Builder#blockTimes}).
 * The genesis block always keeps btcd's real simnet genesis time (2014-05-28).
 *
 * <p>{@link #wallClock()}, the default, stamps blocks with the current time, as a real node does, so
 * a block's age, a tip-age gauge or a page showing "mined 5 s ago" reads true. {@link #fixed()} gives
 * every block a time that depends only on its height, so the same calls build the same chain with the
 * same hashes in every run, on every node: for tests that compare hashes with another node, with a
 * chain built earlier, or with a constant. {@link #clock(Clock)} is the wall clock on a clock of your
 * own, to test time-dependent code with a {@code Clock} you control.
 *
 * <p>A block re-mined at a height (after {@link SimulatedNode#disconnectTip()} or
 * {@link SimulatedNode#reorg(int)}) gets its time from the same function; it still differs from the
 * block it replaces, by another extra nonce in its coinbase, whatever the time.
 *
 * <p>The node calls {@link #time} with its chain's lock held, from the thread that mines (a
 * {@code generate} call, the builder's initial blocks): an implementation must be quick, thread-safe
 * if several threads may mine, and must not call the node. The simulated chain does not check
 * Bitcoin's median-time-past rule; the factories here make times strictly increase, which satisfies it.
 */
@FunctionalInterface
public interface BlockTimes {

    /**
     * The timestamp of the block about to be mined at {@code height}.
     * @param height the new block's height, 1 or more
     * @param parentTime the timestamp of the block it is mined on, Unix seconds
     * @return Unix seconds, from 0 to 2^32 - 1 (the header's field); otherwise mining fails with an
     *         {@link IllegalStateException}
     */
    long time(int height, long parentTime);

    /**
     * The current second of the system clock, but always at least {@code parentTime + 1}, so times
     * strictly increase (as a block must be later than the median of the 11 before it). Mining many
     * blocks at once (a large {@code initialHeight}, {@code generate(1000)}) therefore stamps them up
     * to one second per block ahead of the clock. The default: a block's age reads true.
     */
    static BlockTimes wallClock() {
        return clock(Clock.systemUTC());
    }

    /**
     * As {@link #wallClock()}, on {@code clock}: for tests of code that computes ages or lags from
     * block times with a clock they control.
     * @param clock the clock to read
     */
    static BlockTimes clock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return (height, parentTime) -> Math.max(clock.instant().getEpochSecond(), parentTime + 1);
    }

    /**
     * Block {@code h} at {@code 1_700_000_000 + h} (November 2023, one second apart), whatever the clock:
     * the same chain, the same hashes, in every run and on every node. For tests that compare hashes
     * across nodes or restarts or with constants, or assert exact times; the simulated node's only
     * behaviour before wall-clock times were its default.
     */
    static BlockTimes fixed() {
        return BlockTimeSource.FIXED::time;
    }
}
