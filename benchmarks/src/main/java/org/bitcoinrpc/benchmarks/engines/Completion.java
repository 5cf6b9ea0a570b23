package org.bitcoinrpc.benchmarks.engines;

/**
 * Where a raw client reports a call's end. The start time travels with the call so that the
 * harness's closed loop can take {@code loop::completed} as it is, with no object per call.
 */
@FunctionalInterface
public interface Completion {

	/** Called once per call, on the engine's thread. */
	void completed(long startNanos, boolean ok);

}
