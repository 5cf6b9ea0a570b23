package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The websocket client keeps working through node restarts: it reconnects with the configured
 * delays, registers its subscriptions again exactly once, resends the calls that are safe to
 * resend and fails the others with the may-have-executed error. No future is left hanging.
 */
class ReconnectTests {

	private SimulatedNode node;

	private final List<BitcoinRpcClient> clients = new ArrayList<>();

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(10).build().start();
	}

	@AfterEach
	void stop() {
		this.clients.forEach(BitcoinRpcClient::close);
		this.node.close();
	}

	private BitcoinRpcClient client(ClientOptions.Builder builder, RecordingListener listener) {
		BitcoinRpcClient client = BitcoinRpcClient.create(builder.url(this.node.wsUrl()).credentials("user", "pass").build());
		this.clients.add(client);
		client.addListener(listener);
		return client;
	}

	private BitcoinRpcClient connect(RecordingListener listener) {
		BitcoinRpcClient client = client(fast(), listener);
		client.connect();
		return client;
	}

	private static ClientOptions.Builder fast() {
		return ClientOptions.builder().reconnectDelay(Delay.constant(Duration.ofMillis(50)))
			.requestTimeout(Duration.ofSeconds(20));
	}

	@Test
	void restartWithAThousandCallsInFlightCompletesEveryFuture() throws Exception {
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = connect(listener);
		this.node.neverAnswer("getblockhash");
		this.node.neverAnswer("sendrawtransaction");
		List<CompletableFuture<String>> safe = new ArrayList<>();
		List<CompletableFuture<String>> unsafe = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			if (i % 10 == 0) {
				unsafe.add(client.callAsync("sendrawtransaction", List.of("0100" + i), String.class));
			}
			else {
				safe.add(client.getBlockHashAsync(i % 10));
			}
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> this.node.requestCount("getblockhash") == 900
				&& this.node.requestCount("sendrawtransaction") == 100);

		this.node.resetControls();
		this.node.restart();
		List<CompletableFuture<Long>> duringRestart = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			duringRestart.add(client.getBlockCountAsync());
		}

		CompletableFuture.allOf(safe.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		for (int i = 0; i < safe.size(); i++) {
			assertThat(safe.get(i).get()).isEqualTo(this.node.blockHash((i / 9 * 10 + i % 9 + 1) % 10));
		}
		for (CompletableFuture<String> future : unsafe) {
			await().atMost(Duration.ofSeconds(30)).until(future::isDone);
			assertThatThrownBy(future::join).hasCauseInstanceOf(RpcMaybeExecutedException.class)
				.hasMessageContaining("sendrawtransaction").hasMessageContaining("may or may not have executed");
		}
		for (CompletableFuture<Long> future : duringRestart) {
			assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo(10L);
		}
		assertThat(this.node.requestCount("sendrawtransaction")).isEqualTo(100);
		assertThat(client.resentRequests()).isEqualTo(900);
		assertThat(client.pendingRequests()).isZero();
		listener.awaitCount(ConnectionEvent.Reconnected.class, 1);
	}

	@Test
	void subscriptionsComeBackAfterEachRestartRegisteredExactlyOnce() {
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = connect(listener);
		client.notifyBlocks();
		client.notifyNewTransactions(true);
		for (int restart = 1; restart <= 3; restart++) {
			this.node.restart();
			listener.awaitCount(ConnectionEvent.Reconnected.class, restart);
			assertThat(this.node.requestCount("notifyblocks")).isEqualTo(1 + restart);
			assertThat(this.node.requestCount("notifynewtransactions")).isEqualTo(1 + restart);
			String hash = this.node.generate(1).get(0);
			listener.awaitFirst(Notification.BlockConnected.class, (block) -> block.hash().equals(hash));
		}
		await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
			.until(() -> listener.events(Notification.BlockConnected.class).size() == 3);
		assertThat(listener.events(Notification.BlockConnected.class)).extracting(Notification.BlockConnected::height)
			.containsExactly(11L, 12L, 13L);
		assertThat(this.node.openWebSocketSessions()).isEqualTo(1);
	}

	@Test
	void aHalfOpenConnectionIsDetectedWithinTheKeepAliveTimeoutAndItsCallsResent() throws Exception {
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = client(fast().keepAliveInterval(Duration.ofMillis(200))
			.keepAliveTimeout(Duration.ofMillis(400)), listener);
		client.connect();
		client.notifyBlocks();
		this.node.freezeConnections();
		long frozenAt = System.nanoTime();
		CompletableFuture<Long> stuck = client.getBlockCountAsync();
		ConnectionEvent.Disconnected lost = listener.awaitCount(ConnectionEvent.Disconnected.class, 1).get(0);
		long detectedMillis = (System.nanoTime() - frozenAt) / 1_000_000;
		assertThat(lost.cause()).contains("no pong within 400 ms");
		// At most one ping interval before the ping, then the pong timeout (plus scheduling slack).
		assertThat(detectedMillis).isLessThan(3_000);
		assertThat(stuck.get(20, TimeUnit.SECONDS)).isEqualTo(10L);
		assertThat(this.node.subscriptionCounts().get("notifyblocks")).isEqualTo(1);
	}

	@Test
	void subscriptionsAreCombinedWhenRegisteredAgain() {
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = connect(listener);
		client.notifyReceived(List.of(org.bitcoinrpc.test.SimnetTransactions.address(1)));
		client.notifyReceived(List.of(org.bitcoinrpc.test.SimnetTransactions.address(2)));
		client.notifySpent(List.of(new org.bitcoinrpc.client.model.OutPoint("11".repeat(32), 0)));
		client.notifySpent(List.of(new org.bitcoinrpc.client.model.OutPoint("22".repeat(32), 1)));
		this.node.resetCounts();
		this.node.restart();
		listener.awaitCount(ConnectionEvent.Reconnected.class, 1);
		assertThat(this.node.requestCount("notifyreceived")).isEqualTo(1);
		assertThat(this.node.requestCount("notifyspent")).isEqualTo(1);
		assertThat(this.node.watchedAddresses()).isEqualTo(2);
		assertThat(this.node.watchedOutpoints()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void stoppedSubscriptionsAreNotRegisteredAgain() {
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = connect(listener);
		client.notifyBlocks();
		client.stopNotifyBlocks();
		this.node.restart();
		listener.awaitCount(ConnectionEvent.Reconnected.class, 1);
		assertThat(this.node.requestCount("notifyblocks")).isEqualTo(1);
	}

	@Test
	void reconnectDelaysFollowThePolicyAndTheCounterResets() {
		List<Integer> asked = new CopyOnWriteArrayList<>();
		Delay recording = (attempt) -> {
			asked.add(attempt);
			return Duration.ofMillis(10L * attempt);
		};
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = client(fast().reconnectDelay(recording), listener);
		client.connect();
		this.node.stop();
		listener.awaitCount(ConnectionEvent.ReconnectFailed.class, 3);
		assertThat(client.state()).isEqualTo(ConnectionState.RECONNECTING);
		this.node.start();
		ConnectionEvent.Reconnected reconnected = listener.awaitCount(ConnectionEvent.Reconnected.class, 1).get(0);
		List<ConnectionEvent.Reconnecting> reconnecting = listener.events(ConnectionEvent.Reconnecting.class);
		assertThat(reconnecting).extracting(ConnectionEvent.Reconnecting::attempt)
			.startsWith(1, 2, 3).hasSize(reconnected.attempts());
		assertThat(reconnecting).allSatisfy((event) -> assertThat(event.delay()).isEqualTo(Duration.ofMillis(10L * event.attempt())));
		assertThat(asked).startsWith(1, 2, 3);
		assertThat(client.reconnectAttempts()).isZero();

		int before = listener.events(ConnectionEvent.Reconnecting.class).size();
		this.node.restart();
		listener.awaitCount(ConnectionEvent.Reconnected.class, 2);
		// The counter restarted: the first attempt after the good connection is attempt 1 again
		// (how many the restart needs depends on how fast the node comes back).
		assertThat(listener.events(ConnectionEvent.Reconnecting.class).get(before).attempt()).isEqualTo(1);
		assertThat(listener.events(ConnectionEvent.Reconnected.class).get(1).attempts()).isPositive();
	}

	@Test
	void eventsArriveInTheOrderThingsHappened() {
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = connect(listener);
		this.node.restart();
		listener.awaitCount(ConnectionEvent.Reconnected.class, 1);
		assertThat(listener.events()).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("Connected", "Disconnected", "Reconnecting", "Reconnected");
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void deliberateDisconnectReconnectsButShutdownNeverDoes() throws Exception {
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = connect(listener);
		client.disconnect();
		listener.awaitCount(ConnectionEvent.Reconnected.class, 1);
		assertThat(client.getBlockCount()).isEqualTo(10);

		client.shutdown();
		assertThat(client.awaitShutdown(Duration.ofSeconds(10))).isTrue();
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
		assertThat(listener.events(ConnectionEvent.Reconnecting.class)).hasSize(1);
		assertThat(this.node.openWebSocketSessions()).isZero();
	}

	@Test
	void callsMadeWhileReconnectingWaitOrFailFastByOption() throws Exception {
		RecordingListener waitingListener = new RecordingListener();
		BitcoinRpcClient waiting = connect(waitingListener);
		RecordingListener rejectingListener = new RecordingListener();
		BitcoinRpcClient rejecting = client(fast().disconnectedBehavior(DisconnectedBehavior.REJECT), rejectingListener);
		rejecting.connect();

		this.node.stop();
		waitingListener.awaitCount(ConnectionEvent.ReconnectFailed.class, 1);
		rejectingListener.awaitCount(ConnectionEvent.ReconnectFailed.class, 1);
		CompletableFuture<Long> waited = waiting.getBlockCountAsync();
		CompletableFuture<Long> timedOut = waiting.callAsync("getblockcount", List.of(), Long.class, Duration.ofMillis(200));
		assertThatThrownBy(rejecting::getBlockCount).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("was not sent").hasMessageContaining("reconnecting");
		await().atMost(Duration.ofSeconds(5)).until(timedOut::isDone);
		// Never written: it cannot have run, and the error says so instead of "timed out ... may have run".
		assertThatThrownBy(timedOut::join).cause().isExactlyInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("was not sent").hasMessageNotContaining("may or may not");
		assertThat(waited).isNotDone();

		this.node.start();
		assertThat(waited.get(20, TimeUnit.SECONDS)).isEqualTo(10L);
	}

	@Test
	void withReconnectAFirstFailedConnectKeepsTryingInTheBackground() throws Exception {
		this.node.stop();
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = client(fast(), listener);
		assertThatThrownBy(client::connect).isInstanceOf(RpcConnectionException.class);
		assertThat(client.state()).isEqualTo(ConnectionState.RECONNECTING);
		CompletableFuture<Long> waiting = client.getBlockCountAsync();
		this.node.start();
		assertThat(waiting.get(20, TimeUnit.SECONDS)).isEqualTo(10L);
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void aSlowListenerDoesNotStallRepliesAndAFullQueueDropsAndCountsButKeepsEveryBlock() throws Exception {
		CountDownLatch blocked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Long> heights = new CopyOnWriteArrayList<>();
		BitcoinRpcClient client = client(fast().notificationQueueSize(4), new RecordingListener());
		client.addListener((event) -> {
			if (event instanceof Notification.BlockConnected block) {
				blocked.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				heights.add(block.height());
			}
		});
		client.connect();
		client.notifyBlocks();
		this.node.generate(10);
		assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
		// The listener is stuck on the first block: past 4 queued events, transactions are dropped.
		for (int i = 0; i < 20; i++) {
			this.node.sendRawText("{\"jsonrpc\":\"1.0\",\"method\":\"txaccepted\",\"params\":[\""
					+ String.format("%064x", i) + "\",0.5],\"id\":null}");
			assertThat(client.getBlockCount()).isEqualTo(20);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> client.droppedNotifications() >= 16);
		release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> heights.size() == 10);
		assertThat(heights).containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
	}

}
