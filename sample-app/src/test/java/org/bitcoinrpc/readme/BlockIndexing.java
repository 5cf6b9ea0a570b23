package org.bitcoinrpc.readme;

// tag::block-indexing[]
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BlockIndexing {

	@Bean
	BlockHandler blockIndexer(BlockIndex index) {   // BlockIndex: your own store
		return (change) -> {
			if (change instanceof Notification.BlockConnected block) {
				index.add(block.hash(), block.height());
			}
			else {
				index.remove(change.hash(), change.height());
			}
		};
	}

}
// end::block-indexing[]

/** The README's "your own store" ({@link FollowingWithSpringTests} records into one). */
interface BlockIndex {

	void add(String hash, long height);

	void remove(String hash, long height);

}
