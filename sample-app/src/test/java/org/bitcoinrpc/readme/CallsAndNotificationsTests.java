package org.bitcoinrpc.readme;

// tag::batch[]
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.RpcBatch;

// end::batch[]
// tag::notifications[]
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Notification;

// end::notifications[]
import java.time.Duration;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** README "Calls": batches, and "Notifications (btcd websocket)", run against a simulated btcd. */
@ExtendWith(OutputCaptureExtension.class)
class CallsAndNotificationsTests {

	private static final Logger log = LoggerFactory.getLogger(CallsAndNotificationsTests.class);

	private SimulatedNode node;

	private BitcoinRpcClient client;

	@BeforeEach
	void connect() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(12).build().start();
		this.client = BitcoinRpcClient.create(this.node.wsUrl(), "user", "pass");
		this.client.connect();
	}

	@AfterEach
	void close() {
		this.client.close();
		this.node.close();
	}

	@Test
	void aBatchCompletesEachCall() {
		BitcoinRpcClient client = this.client;
		// tag::batch[]
		RpcBatch batch = client.batch();
		CompletableFuture<Long> height = batch.add("getblockcount", List.of(), Long.class);
		CompletableFuture<String> tip = batch.add("getbestblockhash", List.of(), String.class);
		batch.send().join();
		// end::batch[]
		assertThat(height).isCompletedWithValue(12L);
		assertThat(tip).isCompletedWithValue(this.node.bestBlockHash());
	}

	@Test
	void theListenerLogsBlocksAndTransactions(CapturedOutput output) {
		BitcoinRpcClient client = this.client;
		// tag::notifications[]
		client.addListener(event -> {
			if (event instanceof Notification.BlockConnected b) {
				log.info("block {} at {}", b.hash(), b.height());
			}
			else if (event instanceof Notification.TxAccepted tx) {
				log.info("tx {} for {} BTC", tx.txid(), tx.amount());
			}
			else if (event instanceof ConnectionEvent.Reconnected r) {
				log.info("back after {} attempts", r.attempts());
			}
		});
		client.notifyBlocks();
		client.notifyNewTransactions(false);
		// end::notifications[]
		String txid = this.node.submitTransaction("0011");
		String hash = this.node.generate(1).get(0);
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(output.getOut())
			.contains("tx " + txid + " for ")
			.contains("block " + hash + " at 13"));
	}

}
