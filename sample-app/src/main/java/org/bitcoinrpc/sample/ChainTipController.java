package org.bitcoinrpc.sample;

import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.follow.Cursor;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowLifecycle;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /chain/tip}: a call made from the application's own code, with the client bean, and
 * where the chain follower is. The two calls run concurrently and the request thread is released
 * while they do.
 */
@RestController
public class ChainTipController {

	private final BitcoinRpcClient client;

	private final ObjectProvider<BitcoinRpcFollowLifecycle> follower;

	public ChainTipController(BitcoinRpcClient client, ObjectProvider<BitcoinRpcFollowLifecycle> follower) {
		this.client = client;
		this.follower = follower;
	}

	@GetMapping("/chain/tip")
	public CompletableFuture<ChainTip> tip() {
		CompletableFuture<Long> height = this.client.getBlockCountAsync();
		CompletableFuture<String> hash = this.client.getBestBlockHashAsync();
		return height.thenCombine(hash, (tipHeight, tipHash) -> new ChainTip(tipHeight, tipHash, follower(tipHeight)));
	}

	/** The follower's cursor against the tip just read: the lag is how many blocks it has still to handle. */
	private @Nullable FollowerPosition follower(long tipHeight) {
		BitcoinRpcFollowLifecycle lifecycle = this.follower.getIfAvailable();
		Cursor cursor = (lifecycle != null) ? lifecycle.cursor() : null;
		if (cursor == null) {
			return null;
		}
		return new FollowerPosition(cursor.height(), cursor.hash(), Math.max(0, tipHeight - cursor.height()));
	}

	/**
	 * The best chain's tip.
	 *
	 * @param height the number of blocks after the genesis block
	 * @param bestBlockHash the tip's hash
	 * @param follower where the chain follower is, or {@code null} when it is off or not started
	 */
	public record ChainTip(long height, String bestBlockHash, @Nullable FollowerPosition follower) {
	}

	/**
	 * The chain follower's cursor: the last block it handled.
	 *
	 * @param height the block's height
	 * @param hash the block's hash
	 * @param lag how many blocks the node's tip is ahead of it
	 */
	public record FollowerPosition(long height, String hash, long lag) {
	}

}
