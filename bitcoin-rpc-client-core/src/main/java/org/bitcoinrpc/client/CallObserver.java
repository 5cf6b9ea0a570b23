package org.bitcoinrpc.client;

/**
 * Told about every call when it completes, for metrics. Runs on the thread that completed the
 * call (often an I/O thread): it must be quick and must not block or throw. To see a call start
 * as well, on the caller's thread (tracing), set a {@link CallTracer}.
 */
@FunctionalInterface
public interface CallObserver {

	/**
	 * @param method the RPC method
	 * @param outcome how the call ended
	 * @param durationNanos from the call being made to its completion
	 */
	void onCallCompleted(String method, CallOutcome outcome, long durationNanos);

}
