package org.bitcoinrpc.test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** How the simulated node stamps its blocks: the wall clock by default, a given clock, or fixed times. */
class BlockTimesTests {

    /** btcd's simnet genesis: its time (2014-05-28) and hash whatever the block times. */
    private static final long GENESIS_TIME = 1401292357L;

    private static final String GENESIS_HASH = "683e86bd5c6d110d91b94b97137ba6bfe02dbbdb8e3dff722a669b5d69d77af6";

    private static final long SOME_TIME = 1_800_000_000L;

    @Test
    void byDefaultBlocksAreStampedWithTheCurrentTimeAndStrictlyIncrease() {
        long before = Instant.now().getEpochSecond();
        SimulatedNode node = SimulatedNode.builder().initialHeight(3).build();
        node.generate(2);
        long after = Instant.now().getEpochSecond();

        assertThat(node.blockTime(0)).isEqualTo(GENESIS_TIME);
        assertThat(node.blockHash(0)).isEqualTo(GENESIS_HASH);
        for (int height = 1; height <= 5; height++) {
            // Five blocks in (most likely) one second: each a second after its parent at most.
            assertThat(node.blockTime(height)).as("height %d", height).isBetween(before, after + height - 1)
                .isGreaterThan(node.blockTime(height - 1));
        }
    }

    @Test
    void aClockStampsItsCurrentSecondButAlwaysLaterThanTheParent() {
        MovableClock clock = new MovableClock(Instant.ofEpochSecond(SOME_TIME, 999_000_000));
        SimulatedNode node = SimulatedNode.builder().initialHeight(2).blockTimes(BlockTimes.clock(clock)).build();

        assertThat(node.blockTime(1)).isEqualTo(SOME_TIME);
        assertThat(node.blockTime(2)).isEqualTo(SOME_TIME + 1);

        clock.now = Instant.ofEpochSecond(SOME_TIME + 600);
        node.generate(1);
        assertThat(node.blockTime(3)).isEqualTo(SOME_TIME + 600);

        // A clock set back does not make a block older than its parent.
        clock.now = Instant.ofEpochSecond(SOME_TIME - 3600);
        node.generate(1);
        assertThat(node.blockTime(4)).isEqualTo(SOME_TIME + 601);
    }

    @Test
    void fixedTimesBuildTheSameChainOnEveryNode() {
        SimulatedNode one = SimulatedNode.builder().initialHeight(10).blockTimes(BlockTimes.fixed()).build();
        SimulatedNode two = SimulatedNode.builder().blockTimes(BlockTimes.fixed()).build();
        two.generate(4);
        two.generate(6);

        assertThat(two.blockHashes(0)).isEqualTo(one.blockHashes(0));
        assertThat(one.blockTime(0)).isEqualTo(GENESIS_TIME);
        assertThat(one.blockTime(1)).isEqualTo(1_700_000_001L);
        assertThat(one.blockTime(10)).isEqualTo(1_700_000_010L);
        assertThat(BlockTimes.fixed().time(10, 0)).isEqualTo(1_700_000_010L);
    }

    @Test
    void aBlockReminedAtTheSameTimeStillDiffersFromTheOneItReplaces() {
        // The same second for every block: only the coinbase's extra nonce can tell them apart.
        BlockTimes sameTime = (height, parentTime) -> SOME_TIME;
        SimulatedNode node = SimulatedNode.builder().initialHeight(5).blockTimes(sameTime).build();
        String disconnected = node.disconnectTip();
        String remined = node.generate(1).get(0);
        List<String> replaced = node.blockHashes(4);
        List<String> reorged = node.reorg(2);

        assertThat(node.blockTime(5)).isEqualTo(SOME_TIME);
        assertThat(remined).isNotEqualTo(disconnected);
        assertThat(reorged).hasSize(3).doesNotContainAnyElementsOf(replaced).doesNotContain(disconnected);
        assertThat(node.blockHashes(4)).isEqualTo(reorged);
    }

    @Test
    void theFunctionGetsEachHeightWithItsParentsTime() {
        List<String> calls = new ArrayList<>();
        BlockTimes recording = (height, parentTime) -> {
            calls.add(height + "@" + parentTime);
            return parentTime + 10;
        };
        SimulatedNode node = SimulatedNode.builder().initialHeight(2).blockTimes(recording).build();
        node.disconnectTip();
        node.generate(1);

        assertThat(calls).containsExactly("1@" + GENESIS_TIME, "2@" + (GENESIS_TIME + 10), "2@" + (GENESIS_TIME + 10));
        assertThat(node.blockTime(2)).isEqualTo(GENESIS_TIME + 20);
    }

    @Test
    void aTimeTheHeaderCannotHoldFailsTheMiningAndLeavesTheMempool() {
        SimulatedNode node = SimulatedNode.builder().blockTimes((height, parentTime) -> 1L << 32).build();
        node.submitTransaction("00ff");

        assertThatIllegalStateException().isThrownBy(() -> node.generate(1))
            .withMessage("The block time of height 1 must fit the header's 32 unsigned bits, was 4294967296");
        assertThat(node.blockCount()).isZero();
        assertThat(node.mempoolSize()).isOne();
        assertThatIllegalStateException()
            .isThrownBy(() -> SimulatedNode.builder().initialHeight(1).blockTimes((height, parentTime) -> -1).build())
            .withMessageContaining("was -1");
    }

    @Test
    void nullIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> SimulatedNode.builder().blockTimes(null))
            .withMessage("blockTimes");
        assertThatNullPointerException().isThrownBy(() -> BlockTimes.clock(null)).withMessage("clock");
    }

    /** A clock a test sets; read by the mining thread, hence volatile. */
    private static final class MovableClock extends Clock {

        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return this.now;
        }
    }
}
