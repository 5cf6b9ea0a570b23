package org.bitcoinrpc.benchmarks.harness;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in nanoseconds, log-linear buckets with 64 sub-buckets per power of two (at most
 * 1.6 % error), recorded lock-free from any thread. Fixed size whatever the number of samples.
 */
final class LatencyHistogram {

	private static final int SUB = 64;

	private static final int SUB_BITS = 6;

	private final AtomicLongArray counts = new AtomicLongArray(SUB * 60);

	void record(long nanos) {
		this.counts.incrementAndGet(index(Math.max(0, nanos)));
	}

	void reset() {
		for (int i = 0; i < this.counts.length(); i++) {
			this.counts.set(i, 0);
		}
	}

	long count() {
		long total = 0;
		for (int i = 0; i < this.counts.length(); i++) {
			total += this.counts.get(i);
		}
		return total;
	}

	/** The latency at quantile {@code q} (0..1), in nanoseconds (bucket's upper bound). */
	long percentile(double q) {
		long total = count();
		if (total == 0) {
			return 0;
		}
		long rank = (long) Math.ceil(q * total);
		long seen = 0;
		for (int i = 0; i < this.counts.length(); i++) {
			seen += this.counts.get(i);
			if (seen >= rank) {
				return upperBound(i);
			}
		}
		return upperBound(this.counts.length() - 1);
	}

	private static int index(long value) {
		if (value < SUB) {
			return (int) value;
		}
		int exponent = 63 - Long.numberOfLeadingZeros(value);
		int mantissa = (int) ((value >>> (exponent - SUB_BITS)) & (SUB - 1));
		int index = SUB * (exponent - SUB_BITS + 1) + mantissa;
		return Math.min(index, SUB * 60 - 1);
	}

	private static long upperBound(int index) {
		if (index < SUB) {
			return index;
		}
		int exponent = index / SUB + SUB_BITS - 1;
		long mantissa = index % SUB;
		return ((SUB + mantissa + 1) << (exponent - SUB_BITS)) - 1;
	}

}
