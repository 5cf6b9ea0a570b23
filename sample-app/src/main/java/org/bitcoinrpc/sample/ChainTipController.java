package org.bitcoinrpc.sample;

import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /chain/tip}: a call made from the application's own code, with the client bean.
 * The two calls run concurrently and the request thread is released while they do.
 */
@RestController
public class ChainTipController {

	private final BitcoinRpcClient client;

	public ChainTipController(BitcoinRpcClient client) {
		this.client = client;
	}

	@GetMapping("/chain/tip")
	public CompletableFuture<ChainTip> tip() {
		CompletableFuture<Long> height = this.client.getBlockCountAsync();
		CompletableFuture<String> hash = this.client.getBestBlockHashAsync();
		return height.thenCombine(hash, ChainTip::new);
	}

	/**
	 * The best chain's tip.
	 *
	 * @param height the number of blocks after the genesis block
	 * @param bestBlockHash the tip's hash
	 */
	public record ChainTip(long height, String bestBlockHash) {
	}

}
