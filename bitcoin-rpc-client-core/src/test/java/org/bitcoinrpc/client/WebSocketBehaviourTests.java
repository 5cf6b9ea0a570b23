package org.bitcoinrpc.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.SimulatedNodeExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What only the websocket transport does: the handshake's failures, notifications, a connection
 * the node drops (here with reconnect off; {@code ReconnectTests} covers it on), and messages that
 * are not valid replies.
 */
class WebSocketBehaviourTests {

	@RegisterExtension
	static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(
			SimulatedNode.builder().user("user").password("pass").initialHeight(5));

	private final List<BitcoinRpcClient> clients = new ArrayList<>();

	/** Clients of this test that {@link #connect()} connected: the node's open sessions, once it registered them. */
	private int connected;

	@AfterEach
	void cleanUp() {
		this.clients.forEach(BitcoinRpcClient::close);
		NODE.node().resetControls();
		// The next test counts the node's sessions as its own.
		await().atMost(Duration.ofSeconds(10)).until(() -> NODE.node().openWebSocketSessions() == 0);
	}

	private BitcoinRpcClient client(String url, String password) {
		BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(url).credentials("user", password).requestTimeout(Duration.ofSeconds(10)).reconnect(false).build());
		this.clients.add(client);
		return client;
	}

	private BitcoinRpcClient connect() {
		BitcoinRpcClient client = client(NODE.node().wsUrl(), "pass");
		client.connect();
		// The client is connected once it read the node's 101; the node registers the session a moment
		// later, and what it pushes before that (raw text, notifications) would reach no one.
		int expected = ++this.connected;
		await().atMost(Duration.ofSeconds(10)).until(() -> NODE.node().openWebSocketSessions() >= expected);
		return client;
	}

	@Test
	void wrongPasswordOnTheHandshakeIsAnAuthenticationError() {
		BitcoinRpcClient client = client(NODE.node().wsUrl(), "wrong");
		assertThatThrownBy(client::connect).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining("HTTP 401").hasMessageContaining(NODE.node().wsUrl()).hasMessageNotContaining("wrong");
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		assertThatThrownBy(client::getBlockCount).isInstanceOf(RpcConnectionException.class).hasMessageContaining("was not sent")
			.hasMessageContaining("not connected").hasMessageContaining("HTTP 401");
	}

	/**
	 * btcd serves its websocket only at {@code /ws}: at any other path it reads the upgrade
	 * request as an HTTP POST with an empty body, fails to parse it and closes the connection
	 * without an answer. That must not surface as a bare EOF.
	 */
	@Test
	void websocketUrlWithoutTheWsPathIsAnEndpointErrorNamingIt() {
		String url = NODE.node().wsUrl().replaceFirst("/ws$", "");
		assertThat(url).doesNotEndWith("/ws");
		for (String path : new String[] { url, url + "/", url + "/websocket" }) {
			BitcoinRpcClient client = client(path, "pass");
			assertThatThrownBy(client::connect).isInstanceOf(RpcEndpointException.class)
				.hasMessage(path + " is not a websocket endpoint; btcd serves it at /ws");
			assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		}
		// Over TLS the close comes after the TLS handshake, and must read the same.
		try (SimulatedNode tls = SimulatedNode.builder().user("user").password("pass").tls(true).build().start()) {
			String wss = tls.wsUrl().replaceFirst("/ws$", "/");
			BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder().url(wss).credentials("user", "pass")
				.trustedCertificates(tls.certificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
				.reconnect(false).build());
			this.clients.add(client);
			assertThatThrownBy(client::connect).isInstanceOf(RpcEndpointException.class)
				.hasMessage(wss + " is not a websocket endpoint; btcd serves it at /ws");
		}
	}

	@Test
	void handshakeAnsweredWithoutUpgradeIsAnEndpointErrorAndOtherStatusesAConnectionError() {
		WireMockServer http = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		http.start();
		try {
			http.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("hello")));
			String url = "ws://127.0.0.1:" + http.port() + "/ws";
			assertThatThrownBy(client(url, "pass")::connect).isInstanceOf(RpcEndpointException.class)
				.hasMessageContaining("HTTP 200");
			http.resetAll();
			http.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
			assertThatThrownBy(client(url, "pass")::connect).isInstanceOf(RpcConnectionException.class)
				.isNotInstanceOf(RpcEndpointException.class)
				.hasMessageContaining("HTTP 404");
		}
		finally {
			http.stop();
		}
	}

	@Test
	@Timeout(30)
	void aHandshakeTheServerNeverAnswersFailsTheConnectAttempt() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
			List<Socket> accepted = new CopyOnWriteArrayList<>();
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						accepted.add(silent.accept());
					}
				}
				catch (java.io.IOException ex) {
					// Closed at the end of the test.
				}
			}, "silent-accept");
			acceptor.setDaemon(true);
			acceptor.start();
			BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder()
				.url("ws://127.0.0.1:" + silent.getLocalPort() + "/ws").credentials("user", "pass")
				.connectTimeout(Duration.ofSeconds(1)).reconnect(false).build());
			this.clients.add(client);
			assertThatThrownBy(client::connect).isInstanceOf(RpcConnectionException.class)
				.hasMessageContaining("Cannot connect to ws://127.0.0.1:" + silent.getLocalPort());
			assertThat(accepted).isNotEmpty();
			assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
			for (Socket socket : accepted) {
				socket.close();
			}
		}
	}

	@Test
	void notificationsReachListenersInOrderOffTheReaderThread() {
		BitcoinRpcClient client = connect();
		List<String> received = new CopyOnWriteArrayList<>();
		List<String> threads = new CopyOnWriteArrayList<>();
		client.addListener((event) -> {
			throw new IllegalStateException("a broken listener must not stop delivery");
		});
		client.addListener((event) -> {
			if (event instanceof Notification.BlockConnected block) {
				received.add("blockconnected:" + block.height());
			}
			else if (event instanceof Notification.FilteredBlockConnected block) {
				assertThat(block.header()).hasSize(160);
				assertThat(block.transactions()).isEmpty();
				received.add("filteredblockconnected:" + block.height());
			}
			threads.add(Thread.currentThread().getName());
		});
		client.call("notifyblocks", List.of(), Void.class);
		long height = client.getBlockCount();
		NODE.node().generate(3);
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 6);
		assertThat(received).containsExactly("blockconnected:" + (height + 1), "filteredblockconnected:" + (height + 1),
				"blockconnected:" + (height + 2), "filteredblockconnected:" + (height + 2),
				"blockconnected:" + (height + 3), "filteredblockconnected:" + (height + 3));
		assertThat(threads).allMatch((name) -> name.endsWith("-events"));
	}

	@Test
	void withoutReconnectADroppedConnectionFailsPendingCallsAndConnectRecovers() {
		BitcoinRpcClient client = connect();
		NODE.node().neverAnswer("getbestblockhash");
		List<CompletableFuture<String>> inFlight = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			inFlight.add(client.getBestBlockHashAsync());
		}
		NODE.node().dropConnections();
		await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.stream().allMatch(CompletableFuture::isDone));
		assertThat(inFlight).allSatisfy((future) -> assertThatThrownBy(future::join)
			.hasCauseInstanceOf(RpcConnectionException.class).hasMessageContaining("may or may not have run"));
		await().atMost(Duration.ofSeconds(5)).until(() -> client.state() == ConnectionState.DISCONNECTED);
		assertThatThrownBy(client::getBlockCount).isInstanceOf(RpcConnectionException.class);

		NODE.node().resetControls();
		client.connect();
		assertThat(client.getBestBlockHash()).hasSize(64);
	}

	@Test
	void withoutReconnectDisconnectFailsPendingCallsAndConnectRecovers() {
		BitcoinRpcClient client = connect();
		NODE.node().neverAnswer("getbestblockhash");
		CompletableFuture<String> pending = client.getBestBlockHashAsync();
		client.disconnect();
		client.disconnect();
		assertThat(pending).isCompletedExceptionally();
		assertThatThrownBy(pending::join).hasCauseInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("client disconnected");
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		client.connect();
		assertThat(client.getBlockCount()).isPositive();
	}

	@Test
	void batchGoesAsOneFrameAndEachCallCompletesOnItsOwn() throws Exception {
		BitcoinRpcClient client = connect();
		long before = NODE.node().totalRequests();
		RpcBatch batch = client.batch();
		CompletableFuture<Long> count = batch.add("getblockcount", List.of(), Long.class);
		CompletableFuture<String> tip = batch.add("getbestblockhash", List.of(), String.class);
		CompletableFuture<Object> unknown = batch.add("nosuchmethod", List.of(), Object.class);
		batch.send().get(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(count.get()).isEqualTo(NODE.node().blockCount());
		assertThat(tip.get()).isEqualTo(NODE.node().bestBlockHash());
		assertThatThrownBy(unknown::join).hasCauseInstanceOf(RpcMethodNotFoundException.class);
		assertThat(NODE.node().totalRequests() - before).isEqualTo(3);
	}

	@Test
	void malformedMessagesAreCountedAndNeverCompleteTheWrongCall() {
		BitcoinRpcClient client = connect();
		NODE.node().neverAnswer("getbestblockhash");
		CompletableFuture<String> waiting = client.getBestBlockHashAsync();
		long waitingId = client.nextId() - 1;
		CompletableFuture<String> victim = client.getBestBlockHashAsync();
		long victimId = client.nextId() - 1;

		NODE.node().sendRawText("this is not json");
		NODE.node().sendRawText("{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":987654321}");
		NODE.node().sendRawText("{\"jsonrpc\":\"1.0\",\"params\":[1],\"id\":null}");
		NODE.node().sendRawText("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
		NODE.node().sendRawText("[1,2,3");
		NODE.node().sendRawText("{\"jsonrpc\":\"1.0\",\"error\":null,\"id\":" + victimId + "}");

		await().atMost(Duration.ofSeconds(10)).until(victim::isDone);
		assertThatThrownBy(victim::join).hasCauseInstanceOf(RpcProtocolException.class)
			.hasMessageContaining("neither result nor error");
		await().atMost(Duration.ofSeconds(10)).until(() -> client.malformedMessages() >= 5);
		assertThat(waiting).isNotDone();
		assertThat(waitingId).isNotEqualTo(victimId);
		assertThat(client.isConnected()).isTrue();
		assertThat(client.getBlockCount()).isPositive();
	}

}
