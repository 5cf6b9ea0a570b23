package org.bitcoinrpc.spring;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.bitcoinrpc.client.follow.FollowerEvent;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.model.RawTransaction;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowLifecycle;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.spring.follow.BlockListener;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole application, every auto-configuration of the starter, against Bitcoin Core's way in:
 * HTTP with {@code notifications.blocks=true}, which starts the chain follower. The handler bean
 * and the {@code @BlockListener} bean are the README's, as written there.
 */
class BitcoinRpcFollowApplicationTests {

	private SimulatedNode node;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.node = SimulatedNode.builder().user("rpc-user").password("rpc-pass").initialHeight(3).build().start();
		this.context = new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.user=rpc-user",
					"bitcoin.rpc.password=rpc-pass", "bitcoin.rpc.notifications.blocks=true",
					"bitcoin.rpc.follow.poll-interval=100ms")
			.run();
	}

	@AfterEach
	void stop() {
		this.context.close();
		this.node.stop();
	}

	@Test
	void blocksOverHttpReachTheHandlerBeanAndTheListenersOnce() {
		BlockIndex index = this.context.getBean(BlockIndex.class);
		Listener listener = this.context.getBean(Listener.class);
		BitcoinRpcFollowLifecycle lifecycle = this.context.getBean(BitcoinRpcFollowLifecycle.class);
		await().atMost(Duration.ofSeconds(15)).until(() -> lifecycle.cursor() != null);
		List<String> mined = this.node.generate(2);
		String removed = this.node.disconnectTip();
		String replacement = this.node.generate(1).get(0);
		await().atMost(Duration.ofSeconds(15)).until(() -> listener.caughtUpAt.contains(5L)
				&& lifecycle.cursor().hash().equals(replacement));
		assertThat(index.blocks).containsExactly(mined.get(0), replacement);
		// The listener saw block 5 once or twice (twice if the follower saw the reorged one), never more.
		assertThat(listener.hashes).startsWith(mined.get(0)).endsWith(replacement).doesNotHaveDuplicates();
		assertThat(listener.hashes).isSubsetOf(mined.get(0), removed, replacement);
	}

	@Test
	void theBlockListenerMethodsGetEachBlockWithItsTransactions() {
		Ledger ledger = this.context.getBean(Ledger.class);
		BitcoinRpcFollowLifecycle lifecycle = this.context.getBean(BitcoinRpcFollowLifecycle.class);
		await().atMost(Duration.ofSeconds(15)).until(() -> lifecycle.cursor() != null);
		List<String> mined = this.node.generate(2);
		await().atMost(Duration.ofSeconds(15)).until(() -> lifecycle.cursor().hash().equals(mined.get(1)));
		assertThat(ledger.transactions).containsOnlyKeys(mined);
		this.node.disconnectTip();
		String replacement = this.node.generate(1).get(0);
		await().atMost(Duration.ofSeconds(15)).until(() -> lifecycle.cursor().hash().equals(replacement));
		assertThat(ledger.transactions).containsOnlyKeys(mined.get(0), replacement);
		// Each block's coinbase at least.
		assertThat(ledger.transactions.values()).allSatisfy((txids) -> assertThat(txids).isNotEmpty());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ BlockIndexing.class, Deposits.class })
	static class TestApplication {

		@Bean
		BlockIndex blockIndex() {
			return new BlockIndex();
		}

		@Bean
		Ledger ledger() {
			return new Ledger();
		}

		@Bean
		Listener listener() {
			return new Listener();
		}

	}

	// The README's example, "Following the chain with Spring Boot".
	@Configuration(proxyBeanMethods = false)
	static class BlockIndexing {

		@Bean
		BlockHandler blockIndexer(BlockIndex index) { // BlockIndex: your own store
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

	// The README's @BlockListener example, "Following the chain with Spring Boot".
	@Component
	static class Deposits {

		private final Ledger ledger; // Ledger: your own store

		Deposits(Ledger ledger) {
			this.ledger = ledger;
		}

		@BlockListener // takes the block: the follower fetches whole blocks
		void on(Notification.BlockConnected block, BlockWithTransactions whole) {
			for (RawTransaction tx : whole.transactions()) {
				this.ledger.add(block.hash(), tx.txid());
			}
		}

		@BlockListener
		void on(Notification.BlockDisconnected block) {
			this.ledger.removeBlock(block.hash());
		}

	}

	/** The application's own store of transactions, in the README's {@code @BlockListener} example. */
	static class Ledger {

		/** The txids of each block, by its hash. */
		final Map<String, List<String>> transactions = new ConcurrentHashMap<>();

		void add(String blockHash, String txid) {
			this.transactions.computeIfAbsent(blockHash, (key) -> new CopyOnWriteArrayList<>()).add(txid);
		}

		void removeBlock(String blockHash) {
			this.transactions.remove(blockHash);
		}

	}

	/** The application's own store of blocks, in the README's example. */
	static class BlockIndex {

		final List<String> blocks = new CopyOnWriteArrayList<>();

		void add(String hash, long height) {
			this.blocks.add(hash);
		}

		void remove(String hash, long height) {
			this.blocks.remove(hash);
		}

	}

	static class Listener {

		final List<String> hashes = new CopyOnWriteArrayList<>();

		final List<Long> caughtUpAt = new CopyOnWriteArrayList<>();

		@EventListener
		void on(BlockConnectedEvent event) {
			this.hashes.add(event.notification().hash());
		}

		@EventListener
		void on(FollowerEvent.CaughtUp event) {
			this.caughtUpAt.add(event.cursor().height());
		}

	}

}
