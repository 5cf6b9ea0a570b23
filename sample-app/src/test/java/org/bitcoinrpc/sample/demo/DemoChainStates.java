package org.bitcoinrpc.sample.demo;

import java.nio.file.Path;

/** The demo node's saved state, for tests outside its package. */
public final class DemoChainStates {

	private DemoChainStates() {
	}

	/** When the saved chain's last block was mined, in epoch milliseconds. */
	public static long lastBlockAt(Path directory) {
		return load(directory).lastBlockAt();
	}

	/** The saved chain's height: a new run rebuilds its blocks up to there. */
	public static int height(Path directory) {
		return load(directory).height();
	}

	private static DemoChainState load(Path directory) {
		DemoChainState state = DemoChainState.load(directory);
		if (state == null) {
			throw new IllegalStateException("No demo node state in " + directory);
		}
		return state;
	}

}
