package org.bitcoinrpc.readme;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.model.RawTransaction;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowAutoConfiguration;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * README "Following the chain with Spring Boot": {@link BlockIndexing}'s handler and
 * {@link Deposits}' {@code @BlockListener} methods, run by the starter's chain follower against a
 * simulated btcd, through blocks and a reorg.
 */
class FollowingWithSpringTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private SimulatedNode node;

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(30).build().start();
	}

	@AfterEach
	void stopNode() {
		this.node.close();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcFollowAutoConfiguration.class))
			.withPropertyValues("bitcoin.rpc.url=" + this.node.wsUrl(), "bitcoin.rpc.user=user",
					"bitcoin.rpc.password=pass", "bitcoin.rpc.follow.enabled=true",
					"bitcoin.rpc.follow.start=31", "bitcoin.rpc.follow.poll-interval=100ms");
	}

	@Test
	void theIndexGetsEveryBlockAndLosesTheOnesAReorgRemoved() {
		List<String> index = new CopyOnWriteArrayList<>();
		BlockIndex recording = new BlockIndex() {

			@Override
			public void add(String hash, long height) {
				index.add("+" + height + " " + hash);
			}

			@Override
			public void remove(String hash, long height) {
				index.add("-" + height + " " + hash);
			}

		};
		runner().withBean(BlockIndex.class, () -> recording).withUserConfiguration(BlockIndexing.class).run((context) -> {
			assertThat(context).hasNotFailed();
			List<String> mined = this.node.generate(2);
			await().atMost(WAIT).until(() -> index.size() >= 2);
			String removed = this.node.disconnectTip();
			String replacement = this.node.generate(1).get(0);
			await().atMost(WAIT).until(() -> index.size() >= 4);
			assertThat(index).containsExactly("+31 " + mined.get(0), "+32 " + mined.get(1), "-32 " + removed,
					"+32 " + replacement);
		});
	}

	@Test
	void theLedgerGetsEachTransactionOfEachBlockAndLosesTheBlocksAReorgRemoved() {
		List<String> ledger = new CopyOnWriteArrayList<>();
		Ledger recording = new Ledger() {

			@Override
			public void add(String blockHash, String txid) {
				ledger.add("+" + blockHash + " " + txid);
			}

			@Override
			public void removeBlock(String blockHash) {
				ledger.add("-" + blockHash);
			}

		};
		runner().withBean(Ledger.class, () -> recording).withUserConfiguration(Deposits.class).run((context) -> {
			assertThat(context).hasNotFailed();
			String hash = this.node.generate(1).get(0);
			BlockWithTransactions block = context.getBean(BitcoinRpcClient.class).getBlockWithTransactions(hash);
			List<String> expected = block.transactions().stream().map(RawTransaction::txid)
				.map((txid) -> "+" + hash + " " + txid).toList();
			assertThat(expected).isNotEmpty();
			await().atMost(WAIT).until(() -> ledger.size() >= expected.size());
			String removed = this.node.disconnectTip();
			await().atMost(WAIT).until(() -> ledger.size() > expected.size());
			assertThat(removed).isEqualTo(hash);
			assertThat(ledger).containsExactlyElementsOf(
					Stream.concat(expected.stream(), Stream.of("-" + hash)).toList());
		});
	}

}
