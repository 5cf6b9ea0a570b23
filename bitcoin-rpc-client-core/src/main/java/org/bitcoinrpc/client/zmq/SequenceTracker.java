package org.bitcoinrpc.client.zmq;

/**
 * Follows each topic's 32-bit sequence numbers to spot lost messages. The first number seen on a
 * topic sets the baseline (a subscriber that joins late starts anywhere, typically at 1, since Core
 * uses 0 at start-up for the genesis block). Arithmetic is modulo 2^32, so {@code 0xFFFFFFFF}
 * followed by 0 is in order. A number that falls back (more than 2^31 behind, modulo 2^32) means the
 * node restarted and counts again from 0: that is a {@link Outcome#RESET}, not a gap. Only used by
 * the receive thread.
 */
final class SequenceTracker {

	private static final long MASK = 0xFFFF_FFFFL;

	/** Next expected number per topic, or -1 before the first message. */
	private final long[] expected = new long[ZmqTopic.values().length];

	SequenceTracker() {
		java.util.Arrays.fill(this.expected, -1);
	}

	enum Outcome {

		/** The first message on the topic. */
		FIRST,

		/** The expected number. */
		IN_ORDER,

		/** Numbers were skipped: messages lost. */
		GAP,

		/** The number went back: the publisher restarted. */
		RESET

	}

	/**
	 * The outcome of one message.
	 *
	 * @param outcome what the number means
	 * @param expected the number that was expected (-1 for {@link Outcome#FIRST})
	 * @param received the number that arrived
	 */
	record Check(Outcome outcome, long expected, long received) {

		long missed() {
			return (this.outcome == Outcome.GAP) ? ((this.received - this.expected) & MASK) : 0;
		}

	}

	Check track(ZmqTopic topic, long sequence) {
		int index = topic.ordinal();
		long expect = this.expected[index];
		this.expected[index] = (sequence + 1) & MASK;
		if (expect < 0) {
			return new Check(Outcome.FIRST, -1, sequence);
		}
		long ahead = (sequence - expect) & MASK;
		if (ahead == 0) {
			return new Check(Outcome.IN_ORDER, expect, sequence);
		}
		return new Check((ahead < (1L << 31)) ? Outcome.GAP : Outcome.RESET, expect, sequence);
	}

}
