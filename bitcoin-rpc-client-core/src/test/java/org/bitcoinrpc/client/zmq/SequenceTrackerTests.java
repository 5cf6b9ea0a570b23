package org.bitcoinrpc.client.zmq;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceTrackerTests {

	private final SequenceTracker tracker = new SequenceTracker();

	@Test
	void firstNumberIsTheBaselineWhateverItIs() {
		// A subscriber that joins after start-up first sees 1 (Core used 0 for the genesis block).
		assertThat(this.tracker.track(ZmqTopic.SEQUENCE, 1).outcome()).isEqualTo(SequenceTracker.Outcome.FIRST);
		assertThat(this.tracker.track(ZmqTopic.SEQUENCE, 2).outcome()).isEqualTo(SequenceTracker.Outcome.IN_ORDER);
		assertThat(this.tracker.track(ZmqTopic.RAWTX, 102).outcome()).isEqualTo(SequenceTracker.Outcome.FIRST);
	}

	@Test
	void aJumpIsAGapWithTheMissingRange() {
		this.tracker.track(ZmqTopic.HASHBLOCK, 4);
		SequenceTracker.Check check = this.tracker.track(ZmqTopic.HASHBLOCK, 8);
		assertThat(check).isEqualTo(new SequenceTracker.Check(SequenceTracker.Outcome.GAP, 5, 8));
		assertThat(check.missed()).isEqualTo(3);
		assertThat(this.tracker.track(ZmqTopic.HASHBLOCK, 9).outcome()).isEqualTo(SequenceTracker.Outcome.IN_ORDER);
	}

	@Test
	void topicsAreCountedSeparately() {
		this.tracker.track(ZmqTopic.HASHBLOCK, 0);
		this.tracker.track(ZmqTopic.RAWTX, 0);
		assertThat(this.tracker.track(ZmqTopic.HASHBLOCK, 1).outcome()).isEqualTo(SequenceTracker.Outcome.IN_ORDER);
		assertThat(this.tracker.track(ZmqTopic.RAWTX, 1).outcome()).isEqualTo(SequenceTracker.Outcome.IN_ORDER);
	}

	@Test
	void numbersWrapAt32Bits() {
		this.tracker.track(ZmqTopic.RAWTX, 0xFFFF_FFFEL);
		assertThat(this.tracker.track(ZmqTopic.RAWTX, 0xFFFF_FFFFL).outcome()).isEqualTo(SequenceTracker.Outcome.IN_ORDER);
		assertThat(this.tracker.track(ZmqTopic.RAWTX, 0).outcome()).isEqualTo(SequenceTracker.Outcome.IN_ORDER);
		this.tracker.track(ZmqTopic.HASHTX, 0xFFFF_FFFEL);
		SequenceTracker.Check gap = this.tracker.track(ZmqTopic.HASHTX, 2);
		assertThat(gap.outcome()).isEqualTo(SequenceTracker.Outcome.GAP);
		assertThat(gap.missed()).isEqualTo(3);
	}

	@Test
	void goingBackIsARestartNotAGap() {
		this.tracker.track(ZmqTopic.SEQUENCE, 500);
		SequenceTracker.Check check = this.tracker.track(ZmqTopic.SEQUENCE, 0);
		assertThat(check.outcome()).isEqualTo(SequenceTracker.Outcome.RESET);
		assertThat(check.missed()).isZero();
		assertThat(this.tracker.track(ZmqTopic.SEQUENCE, 1).outcome()).isEqualTo(SequenceTracker.Outcome.IN_ORDER);
	}

}
