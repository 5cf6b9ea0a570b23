package org.bitcoinrpc.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the client says about its connection, in both modes, is what is true: over HTTP,
 * "connected" means the node answered; a call that was never sent says so instead of timing out
 * as if it may have run; and a suspended client connects again with its subscriptions.
 */
class ConnectionStateTests {

	private final List<AutoCloseable> closing = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.closing.size() - 1; i >= 0; i--) {
			this.closing.get(i).close();
		}
	}

	private <T extends AutoCloseable> T closing(T resource) {
		this.closing.add(resource);
		return resource;
	}

	private static ClientOptions.Builder fast(String url) {
		return ClientOptions.builder().url(url).credentials("user", "pass")
			.reconnectDelay(Delay.constant(Duration.ofMillis(50)));
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Test
	void httpConnectToAPortWhereNothingListensFailsAndTheClientIsNotConnected() throws Exception {
		int port = freePort();
		RecordingListener events = new RecordingListener();
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(fast("http://127.0.0.1:" + port + "/").build()));
		client.addListener(events);

		assertThatThrownBy(client::connect).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("127.0.0.1:" + port);
		assertThat(client.state()).isEqualTo(ConnectionState.RECONNECTING);
		assertThat(client.isConnected()).isFalse();
		assertThat(client.connectionStatus()).contains("RECONNECTING").contains("last failure");
		assertThat(events.events(ConnectionEvent.Connected.class)).isEmpty();
	}

	@Test
	void httpStateFollowsWhatTheNodeDoes() throws Exception {
		SimulatedNode node = closing(SimulatedNode.builder().user("user").password("pass").initialHeight(7).build().start());
		RecordingListener events = new RecordingListener();
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(fast(node.httpUrl()).build()));
		client.addListener(events);
		client.connect();
		assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
		assertThat(node.requestCount("getblockcount")).as("the probe at connect").isEqualTo(1);

		node.stop();
		assertThatThrownBy(client::getBestBlockHash).isInstanceOf(RpcConnectionException.class);
		assertThat(client.state()).isIn(ConnectionState.RECONNECTING);
		events.awaitCount(ConnectionEvent.Disconnected.class, 1);
		assertThat(client.isConnected()).isFalse();

		node.start();
		events.awaitCount(ConnectionEvent.Reconnected.class, 1);
		assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
		assertThat(client.getBlockCount()).isEqualTo(7);
	}

	@Test
	void aCallMadeWhileTheNodeIsDownFailsAtTheQueueTimeoutSayingItWasNotSent() throws Exception {
		for (String scheme : List.of("http", "ws")) {
			int port = freePort();
			String url = scheme + "://127.0.0.1:" + port + (scheme.equals("ws") ? "/ws" : "/");
			BitcoinRpcClient client = closing(BitcoinRpcClient.create(fast(url).queueTimeout(Duration.ofMillis(300))
				.requestTimeout(Duration.ofSeconds(30)).build()));
			client.connectAsync();
			long start = System.nanoTime();
			CompletableFuture<Long> call = client.getBlockCountAsync();

			assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause().isExactlyInstanceOf(RpcConnectionException.class)
				.hasMessageContaining("getblockcount").hasMessageContaining("was not sent to " + url)
				.hasMessageContaining("no connection within").hasMessageNotContaining("may or may not");
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as(scheme)
				.isGreaterThanOrEqualTo(300).isLessThan(30_000);
			assertThat(client.resentRequests()).as(scheme).isZero();
		}
	}

	@Test
	void aCallMadeWhileConnectingIsSentOnceTheNodeIsUp() throws Exception {
		int port = freePort();
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(fast("http://127.0.0.1:" + port + "/")
			.queueTimeout(Duration.ofSeconds(20)).build()));
		client.connectAsync();
		CompletableFuture<Long> call = client.getBlockCountAsync();
		SimulatedNode node = closing(SimulatedNode.builder().user("user").password("pass").port(port).initialHeight(3)
			.build().start());

		assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo(3);
		assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
		assertThat(node.isRunning()).isTrue();
	}

	@Test
	void withRejectACallWhileReconnectingFailsAtOnceSayingItWasNotSent() throws Exception {
		int port = freePort();
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(fast("http://127.0.0.1:" + port + "/")
			.disconnectedBehavior(DisconnectedBehavior.REJECT).build()));
		assertThatThrownBy(client::connect).isInstanceOf(RpcConnectionException.class);

		assertThatThrownBy(client::getBlockCount).isExactlyInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("getblockcount was not sent to http://127.0.0.1:" + port)
			.hasMessageContaining("Connection refused");
	}

	@Test
	void withoutReconnectAFailedConnectLeavesTheClientDisconnectedAndCallsFailAtOnce() throws Exception {
		int port = freePort();
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(fast("http://127.0.0.1:" + port + "/")
			.reconnect(false).build()));
		assertThatThrownBy(client::connect).isInstanceOf(RpcConnectionException.class);
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);

		assertThatThrownBy(client::getBlockCount).isExactlyInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("was not sent");
	}

	@Test
	void connectOnceDoesNotRetryInTheBackground() throws Exception {
		int port = freePort();
		RecordingListener events = new RecordingListener();
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(fast("ws://127.0.0.1:" + port + "/ws").build()));
		client.addListener(events);

		assertThatThrownBy(() -> client.connectOnceAsync().get(10, TimeUnit.SECONDS))
			.cause().isInstanceOf(RpcConnectionException.class);
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		assertThat(events.events(ConnectionEvent.Reconnecting.class)).isEmpty();
	}

	@Test
	void aSuspendedClientStaysDownThenConnectsAgainWithItsSubscriptions() throws Exception {
		SimulatedNode node = closing(SimulatedNode.builder().user("user").password("pass").initialHeight(5).build().start());
		RecordingListener events = new RecordingListener();
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(fast(node.wsUrl()).build()));
		client.addListener(events);
		client.connect();
		client.notifyBlocks();
		node.generate(1);
		events.awaitCount(Notification.BlockConnected.class, 1);

		client.suspend();
		assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
		await().atMost(Duration.ofSeconds(10)).until(() -> node.openWebSocketSessions() == 0);
		assertThatThrownBy(client::getBlockCount).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("was not sent");
		node.generate(1);

		client.connect();
		assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
		await().atMost(Duration.ofSeconds(10)).until(() -> node.subscriptionCounts().getOrDefault("notifyblocks", 0) >= 1);
		node.generate(1);
		events.awaitCount(Notification.BlockConnected.class, 2);
		assertThat(events.events(ConnectionEvent.Reconnecting.class)).as("no reconnect while suspended").isEmpty();
		assertThat(client.getBlockCount()).isEqualTo(8);
	}

	@Test
	void aConnectCutShortBySuspendFailsAndTheNextConnectIsTheOnlyConnection() throws Exception {
		SimulatedNode node = closing(SimulatedNode.builder().user("user").password("pass").initialHeight(5).build().start());
		RecordingListener events = new RecordingListener();
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(fast(node.wsUrl()).build()));
		client.addListener(events);
		client.connect();
		client.notifyBlocks();
		client.suspend();
		// The next connect registers notifyblocks again; slowed down, it is still in flight when
		// the suspend and the connect after it come.
		node.delay("notifyblocks", Duration.ofMillis(500));

		CompletableFuture<Void> cutShort = client.connectAsync();
		await().atMost(Duration.ofSeconds(10)).until(() -> node.openWebSocketSessions() == 1);
		client.suspend();
		CompletableFuture<Void> next = client.connectAsync();

		assertThatThrownBy(() -> cutShort.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("suspended while connecting");
		next.get(10, TimeUnit.SECONDS);
		assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
		await().atMost(Duration.ofSeconds(10)).until(() -> node.openWebSocketSessions() == 1
				&& node.subscriptionCounts().get("notifyblocks") == 1);
		node.resetControls();
		node.generate(1);
		events.awaitCount(Notification.BlockConnected.class, 1);
		assertThat(client.getBlockCount()).isEqualTo(6);
		assertThat(events.events(ConnectionEvent.Reconnecting.class)).isEmpty();
	}

	@Test
	void anHttpConnectCutShortBySuspendFailsAndTheNextOneConnects() throws Exception {
		SimulatedNode node = closing(SimulatedNode.builder().user("user").password("pass").initialHeight(5).build().start());
		node.delay("getblockcount", Duration.ofMillis(500));
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(fast(node.httpUrl()).build()));

		CompletableFuture<Void> cutShort = client.connectAsync();
		client.suspend();
		CompletableFuture<Void> next = client.connectAsync();

		assertThatThrownBy(() -> cutShort.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(RpcConnectionException.class);
		next.get(10, TimeUnit.SECONDS);
		assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
		assertThat(client.isConnected()).isTrue();
	}

}
