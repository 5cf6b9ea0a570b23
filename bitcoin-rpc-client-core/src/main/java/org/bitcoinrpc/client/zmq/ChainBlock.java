package org.bitcoinrpc.client.zmq;

import org.bitcoinrpc.client.model.BlockHeader;
import org.jspecify.annotations.Nullable;

/** What the subscriber remembers of a block: enough to report it and to walk to its parent. */
record ChainBlock(String hash, long height, long time, @Nullable String previousHash) {

	static ChainBlock of(BlockHeader header) {
		return new ChainBlock(header.hash(), header.height(), header.time(), header.previousBlockHash());
	}

}
