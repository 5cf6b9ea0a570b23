package org.bitcoinrpc.sample.demo;

import java.nio.file.Path;

/** The demo node's saved state, for tests outside its package. */
public final class DemoChainStates {

	private DemoChainStates() {
	}

	/** When the saved chain's last block was mined, in epoch milliseconds. */
	public static long lastBlockAt(Path directory) {
		DemoChainState state = DemoChainState.load(directory);
		if (state == null) {
			throw new IllegalStateException("No demo node state in " + directory);
		}
		return state.lastBlockAt();
	}

}
