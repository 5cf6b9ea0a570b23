package org.bitcoinrpc.client.zmq;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.ChainCalls;
import org.bitcoinrpc.client.model.BlockHeader;

/**
 * The two RPC calls the {@link ZmqSubscriber} makes to fill in and recover block events:
 * {@code getblockheader <hash> true} and {@code getbestblockhash}. Use {@link #of(ChainCalls)} with
 * a {@link org.bitcoinrpc.client.BitcoinRpcClient}; tests pass an in-memory chain.
 * <p>
 * Called only from the subscriber's receive thread, one call at a time; the futures may complete
 * on any thread.
 */
public interface BlockSource {

	/** {@code getblockheader <hash> true}; also answers for blocks no longer on the best chain. */
	CompletableFuture<BlockHeader> blockHeader(String blockHash);

	/** {@code getbestblockhash}. */
	CompletableFuture<String> bestBlockHash();

	/** The calls of a client (or any {@link ChainCalls}). */
	static BlockSource of(ChainCalls calls) {
		Objects.requireNonNull(calls, "calls must not be null");
		return new BlockSource() {

			@Override
			public CompletableFuture<BlockHeader> blockHeader(String blockHash) {
				return calls.getBlockHeaderAsync(blockHash);
			}

			@Override
			public CompletableFuture<String> bestBlockHash() {
				return calls.getBestBlockHashAsync();
			}

		};
	}

}
