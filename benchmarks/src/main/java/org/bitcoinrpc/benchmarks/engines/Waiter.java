package org.bitcoinrpc.benchmarks.engines;

import java.util.concurrent.locks.LockSupport;

/**
 * Turns an asynchronous raw client into a blocking one for a caller thread: one waiter per thread,
 * reused for every call, so that the blocking runs allocate nothing the engine does not.
 * A waiter whose call timed out must be dropped, because the late completion would end its next call.
 */
public final class Waiter implements Completion {

	private static final int PENDING = 0;

	private static final int OK = 1;

	private static final int FAILED = 2;

	private final Thread owner = Thread.currentThread();

	/** Written by the engine's thread, read by the owner. */
	private volatile int state;

	/** Before each call, on the owner thread. */
	public void reset() {
		this.state = PENDING;
	}

	@Override
	public void completed(long startNanos, boolean ok) {
		this.state = ok ? OK : FAILED;
		LockSupport.unpark(this.owner);
	}

	/** Whether the call ended well within {@code timeoutNanos}. */
	public boolean await(long timeoutNanos) {
		long deadline = System.nanoTime() + timeoutNanos;
		while (this.state == PENDING) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			LockSupport.parkNanos(this, left);
		}
		return this.state == OK;
	}

	/** Whether the last call ended (a timed-out waiter is still pending). */
	public boolean ended() {
		return this.state != PENDING;
	}

}
