package org.bitcoinrpc.spring.relay;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.model.BlockHeader;
import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.bitcoinrpc.spring.event.TxAcceptedEvent;
import org.bitcoinrpc.spring.event.ZmqNotificationEvent;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The relay in a web application on Jetty, against a simulated node with the chain follower on
 * (whole blocks, so block messages carry their transaction count and the follower's lag), seen
 * from WebSocket clients as a browser would be.
 */
@SpringBootTest(classes = ChainEventRelayTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "bitcoin.rpc.user=relay-user", "bitcoin.rpc.notifications.blocks=true",
				"bitcoin.rpc.notifications.transactions=txid", "bitcoin.rpc.follow.enabled=true",
				"bitcoin.rpc.follow.with-transactions=true", "bitcoin.rpc.reconnect.initial-delay=100ms",
				"bitcoin.rpc.reconnect.max-delay=500ms", "bitcoin.rpc.relay.enabled=true" })
@DirtiesContext
class ChainEventRelayTests {

	private static final String PASSWORD = "Relay-Pa55word-4c2d";

	private static final SimulatedNode node = SimulatedNode.builder().user("relay-user").password(PASSWORD).build().start();

	@LocalServerPort
	private int port;

	@Autowired
	private BitcoinRpcClient client;

	@Autowired
	private ChainEventRelay relay;

	@Autowired
	private ApplicationEventPublisher publisher;

	@DynamicPropertySource
	static void nodeProperties(DynamicPropertyRegistry registry) {
		registry.add("bitcoin.rpc.url", node::wsUrl);
		registry.add("bitcoin.rpc.password", () -> PASSWORD);
	}

	@Test
	void aBrowserGetsTheTipThenEachBlockInOrder() throws Exception {
		try (BrowserSession browser = BrowserSession.connect(events())) {
			JsonNode snapshot = browser.next();
			assertThat(snapshot.path("type").asString()).isEqualTo("snapshot");
			assertThat(snapshot.path("state").asString()).isEqualTo("CONNECTED");
			long start = snapshot.path("tip").path("height").asLong();
			assertThat(start).isEqualTo(node.blockCount());
			assertThat(snapshot.path("tip").path("hash").asString()).isEqualTo(node.bestBlockHash());
			BlockHeader tipHeader = this.client.getBlockHeader(node.bestBlockHash());
			assertThat(snapshot.path("tip").path("time").asLong()).isEqualTo(tipHeader.time());
			assertThat(snapshot.path("follower").path("height").isNumber()).isTrue();

			List<String> mined = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				mined.addAll(node.generate(1));
			}
			for (int i = 0; i < 3; i++) {
				JsonNode block = browser.next("block");
				assertThat(block.path("height").asLong()).isEqualTo(start + i + 1);
				assertThat(block.path("hash").asString()).isEqualTo(mined.get(i));
				assertThat(block.path("time").asLong()).isEqualTo(this.client.getBlockHeader(mined.get(i)).time());
				// Whole blocks: the coinbase at least; the follower's lag is known.
				assertThat(block.path("txs").asInt()).isGreaterThanOrEqualTo(1);
				assertThat(block.path("lag").asLong()).isBetween(0L, 2L - i);
			}
		}
	}

	@Test
	void whatABrowserSendsIsNeverActedOn() throws Exception {
		try (BrowserSession sender = BrowserSession.connect(events());
				BrowserSession watcher = BrowserSession.connect(events())) {
			assertThat(sender.next().path("type").asString()).isEqualTo("snapshot");
			assertThat(watcher.next().path("type").asString()).isEqualTo("snapshot");
			long generateCalls = node.requestCount("generate");
			long stopCalls = node.requestCount("stop");
			sender.send("{\"type\":\"block\",\"height\":1,\"hash\":\"00\",\"time\":0}");
			sender.send("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"stop\",\"params\":[]}");
			sender.send("generate 1");

			// Neither echoed to anyone nor passed to the node; both sessions stay open and go on.
			String hash = node.generate(1).get(0);
			assertThat(watcher.next("block").path("hash").asString()).isEqualTo(hash);
			assertThat(sender.next("block").path("hash").asString()).isEqualTo(hash);
			assertThat(sender.isOpen()).isTrue();
			assertThat(watcher.received).noneMatch((message) -> message.contains("\"hash\":\"00\""));
			assertThat(node.requestCount("stop")).isEqualTo(stopCalls);
			assertThat(node.requestCount("generate")).isEqualTo(generateCalls);

			// Binary: not a browser page's business; the session is closed as not acceptable.
			sender.sendBinary(new byte[] { 1, 2, 3 });
			CloseStatus status = sender.closed.get(10, TimeUnit.SECONDS);
			assertThat(status.getCode()).isEqualTo(CloseStatus.NOT_ACCEPTABLE.getCode());
			assertThat(watcher.isOpen()).isTrue();
		}
	}

	@Test
	void onlyPagesOfTheApplicationsOwnOriginMayConnect() throws Exception {
		// Another origin (another port is another origin): refused at the handshake (403).
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> BrowserSession.connect(events(), "http://localhost:" + (this.port + 1)))
			.withStackTraceContaining("403");
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> BrowserSession.connect(events(), "null"));
		// The application's own origin: accepted.
		try (BrowserSession browser = BrowserSession.connect(events(), "http://127.0.0.1:" + this.port)) {
			assertThat(browser.next().path("type").asString()).isEqualTo("snapshot");
		}
	}

	@Test
	void theNodeGoingAwayIsAStateAndNoMessageCarriesACredential() throws Exception {
		try (BrowserSession browser = BrowserSession.connect(events())) {
			assertThat(browser.next().path("state").asString()).isEqualTo("CONNECTED");
			node.stop();
			assertThat(browser.next("state").path("state").asString()).isIn("DISCONNECTED", "RECONNECTING");
			node.start();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> browser.received.stream().anyMatch((m) -> m.contains("\"state\":\"CONNECTED\"")));
			String hash = node.generate(1).get(0);
			assertThat(browser.next("block").path("hash").asString()).isEqualTo(hash);

			assertThat(browser.received).isNotEmpty()
				.allSatisfy((message) -> assertThat(message).doesNotContain(PASSWORD)
					.doesNotContain("relay-user")
					.doesNotContain(node.wsUrl())
					.doesNotContain(":" + node.port()));
		}
	}

	@Test
	void aBrowserThatCannotKeepUpIsClosedWhileAnotherKeepsReceiving() throws Exception {
		long slowBefore = this.relay.slowSessionsClosed();
		try (BrowserSession fast = BrowserSession.connect(events());
				RawWebSocket slow = RawWebSocket.connect(this.port, "/bitcoin/events")) {
			assertThat(fast.next().path("type").asString()).isEqualTo("snapshot");
			await().atMost(Duration.ofSeconds(10)).until(() -> this.relay.openSessions() >= 2);

			// Transactions, as fast as the fast browser takes them: the slow one reads nothing, so
			// its backlog fills the kernel's buffers, then the relay's 64 kB, and it is closed.
			int published = 0;
			int limit = 400_000;
			while (this.relay.slowSessionsClosed() == slowBefore && published < limit) {
				for (int i = 0; i < 250; i++) {
					publishTransaction(published++);
				}
				int expected = published;
				await().atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(2))
					.until(() -> countTransactions(fast) >= expected);
			}
			System.out.println("The slow browser was closed after " + published + " transactions were published");
			assertThat(this.relay.slowSessionsClosed()).as("slow sessions closed after %d messages", published)
				.isEqualTo(slowBefore + 1);

			// The fast browser got every message, and still gets blocks.
			assertThat(fast.isOpen()).isTrue();
			assertThat(countTransactions(fast)).isEqualTo(published);
			String hash = node.generate(1).get(0);
			assertThat(fast.next("block").path("hash").asString()).isEqualTo(hash);

			// The slow one, once it reads, finds what was sent before, then the close and its reason.
			RawWebSocket.Close close = slow.readUntilClose();
			assertThat(close.code()).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE.getCode());
			assertThat(close.reason()).startsWith("too slow: ");
			assertThat(close.textFramesBefore()).isGreaterThan(0).isLessThan(published + 1);
		}
	}

	@Test
	void aTransactionAnnouncedTwiceIsRelayedOnce() throws Exception {
		try (BrowserSession browser = BrowserSession.connect(events())) {
			assertThat(browser.next().path("type").asString()).isEqualTo("snapshot");
			String txid = "ab".repeat(32);
			// As Core's ZMQ sends it with both hashtx and sequence on.
			this.publisher.publishEvent(new ZmqNotificationEvent<>(this.client, new ZmqEvent.TransactionAnnounced(txid)));
			this.publisher.publishEvent(new ZmqNotificationEvent<>(this.client, new ZmqEvent.MempoolAdded(txid, 7)));
			String other = "cd".repeat(32);
			this.publisher.publishEvent(new ZmqNotificationEvent<>(this.client, new ZmqEvent.MempoolAdded(other, 8)));
			assertThat(browser.next("tx").path("txid").asString()).isEqualTo(txid);
			assertThat(browser.next("tx").path("txid").asString()).isEqualTo(other);
			assertThat(browser.count("tx")).isEqualTo(2);
		}
	}

	private void publishTransaction(int n) {
		byte[] txid = new byte[32];
		txid[28] = (byte) (n >>> 24);
		txid[29] = (byte) (n >>> 16);
		txid[30] = (byte) (n >>> 8);
		txid[31] = (byte) n;
		this.publisher.publishEvent(new TxAcceptedEvent(this.client,
				new Notification.TxAccepted(HexFormat.of().formatHex(txid), BigDecimal.ONE)));
	}

	private static long countTransactions(BrowserSession browser) {
		return browser.count("tx");
	}

	private URI events() {
		return URI.create("ws://127.0.0.1:" + this.port + "/bitcoin/events");
	}

	@SpringBootApplication
	static class TestApplication {

	}

}
