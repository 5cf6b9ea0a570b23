package org.bitcoinrpc.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionState;
import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The lifecycle: connects at start without blocking on the node (unless fail-fast), subscribes
 * once a connection is up, suspends the connection at stop and connects again at the next start
 * (subscriptions included), and shuts the client down cleanly when destroyed.
 */
class BitcoinRpcClientLifecycleTests {

	private SimulatedNode node;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class));

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("u").password("p").build().start();
	}

	@AfterEach
	void stopNode() {
		this.node.stop();
	}

	private ApplicationContextRunner forNode(String... more) {
		return this.runner
			.withPropertyValues("bitcoin.rpc.url=" + this.node.wsUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
					"bitcoin.rpc.reconnect.initial-delay=50ms", "bitcoin.rpc.reconnect.max-delay=200ms")
			.withPropertyValues(more);
	}

	@Test
	void startsBeforeAndStopsAfterTheWebServer() {
		// The web server starts at DEFAULT_PHASE - 2048 and drains requests at DEFAULT_PHASE - 1024.
		assertThat(BitcoinRpcClientLifecycle.PHASE).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
	}

	@Test
	void nodeDownAtStartDoesNotStopTheApplication() {
		this.node.stop();
		forNode().run((context) -> {
			assertThat(context).hasNotFailed();
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			BitcoinRpcClientLifecycle lifecycle = context.getBean(BitcoinRpcClientLifecycle.class);
			assertThat(lifecycle.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(() -> client.state() == ConnectionState.RECONNECTING);
			await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.lastConnectionFailure() != null);
			assertThat(lifecycle.lastConnectionFailure()).hasMessageContaining(this.node.wsUrl());
			this.node.start();
			await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
			assertThat(lifecycle.lastConnectionFailure()).isNull();
		});
	}

	@Test
	void failFastFailsTheStartWhenTheNodeIsDown() {
		this.node.stop();
		forNode("bitcoin.rpc.fail-fast=true", "bitcoin.rpc.connect-timeout=2s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.hasMessageContaining("bitcoinRpcClientLifecycle")
				.cause()
				.isInstanceOf(BitcoinRpcStartupException.class)
				.hasMessageContaining("Could not reach the Bitcoin node at " + this.node.wsUrl())
				.hasMessageContaining("bitcoin.rpc.fail-fast");
		});
	}

	@Test
	void failFastFailsTheStartWhenTheCredentialsAreRefused() {
		forNode("bitcoin.rpc.fail-fast=true", "bitcoin.rpc.password=wrong").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.cause()
				.hasMessageContaining("refused the credentials")
				.hasCauseInstanceOf(RpcAuthenticationException.class);
		});
	}

	@Test
	void failFastOverHttpCallsTheNode() {
		this.runner
			.withPropertyValues("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.user=u",
					"bitcoin.rpc.password=wrong", "bitcoin.rpc.fail-fast=true")
			.run((context) -> assertThat(context).getFailure()
				.cause()
				.hasMessageContaining("bitcoin.rpc.fail-fast")
				.hasCauseInstanceOf(RpcAuthenticationException.class));
	}

	@Test
	void failFastStartsWhenTheNodeIsUp() {
		forNode("bitcoin.rpc.fail-fast=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(BitcoinRpcClient.class).isConnected()).isTrue();
		});
	}

	@Test
	void subscribesOnceConnectedEvenWhenTheFirstAttemptFailed() {
		this.node.stop();
		forNode("bitcoin.rpc.notifications.blocks=true").run((context) -> {
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> client.state() == ConnectionState.RECONNECTING);
			assertThat(this.node.requestCount("notifyblocks")).isZero();
			this.node.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.node.requestCount("notifyblocks") == 1);
			// The node answers a session's requests in order: once this is answered, so is notifyblocks.
			client.getBlockCount();
			// After a reconnect the client registers the subscription again by itself, once.
			this.node.restart();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.node.requestCount("notifyblocks") == 2);
			await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
			assertThat(this.node.requestCount("notifyblocks")).isEqualTo(2);
		});
	}

	@Test
	void doesNotSubscribeUnlessAsked() {
		forNode().run((context) -> {
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
			assertThat(client.getBlockCount()).isEqualTo(this.node.blockCount());
			assertThat(this.node.requestCount("notifyblocks")).isZero();
		});
	}

	@Test
	void stopFailsPendingCallsAndCloseReleasesEveryThread() {
		Set<Thread> before = clientThreads();
		this.node.neverAnswer("getblockcount");
		CompletableFuture<?>[] pending = new CompletableFuture<?>[1];
		BitcoinRpcClient[] client = new BitcoinRpcClient[1];
		forNode().run((context) -> {
			client[0] = context.getBean(BitcoinRpcClient.class);
			await().atMost(Duration.ofSeconds(10)).until(client[0]::isConnected);
			pending[0] = client[0].getBlockCountAsync();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.node.requestCount("getblockcount") == 1);
			assertThat(clientThreads()).isNotEmpty();
		});
		assertThat(client[0].state()).isEqualTo(ConnectionState.SHUT_DOWN);
		// The lifecycle's stop (the first step of closing) suspended the client: the call was sent, so
		// it fails saying it may have run; the destruction that followed shut the client down.
		assertThat(pending[0]).isCompletedExceptionally();
		assertThat(pending[0].handle((result, failure) -> failure).join()).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("may or may not have run");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(clientThreads()).isSubsetOf(before));
	}

	@Test
	void contextCanBeStoppedAndStartedAgainAndBlocksStillArrive() {
		forNode("bitcoin.rpc.notifications.blocks=true").withBean(BlockRecorder.class).run((context) -> {
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			BitcoinRpcClientLifecycle lifecycle = context.getBean(BitcoinRpcClientLifecycle.class);
			BlockRecorder recorder = context.getBean(BlockRecorder.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.node.requestCount("notifyblocks") == 1);
			// The node answers a session's requests in order: once this is answered, so is notifyblocks.
			client.getBlockCount();
			String first = this.node.generate(1).get(0);
			await().atMost(Duration.ofSeconds(10)).until(() -> recorder.hashes.contains(first));

			context.stop();
			assertThat(lifecycle.isRunning()).isFalse();
			assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.node.openWebSocketSessions() == 0);

			context.start();
			assertThat(lifecycle.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
			// The client registered the subscription again as it connected: once, not twice.
			assertThat(this.node.requestCount("notifyblocks")).isEqualTo(2);
			String second = this.node.generate(1).get(0);
			await().atMost(Duration.ofSeconds(10)).until(() -> recorder.hashes.contains(second));
			assertThat(recorder.hashes).containsExactly(first, second);
			assertThat(this.node.requestCount("notifyblocks")).isEqualTo(2);
		});
	}

	@Test
	void lifecycleCanBeStoppedAndStartedDirectlyAndDestructionIsFinal() throws Exception {
		BitcoinRpcProperties properties = new BitcoinRpcProperties();
		try (BitcoinRpcClient client = BitcoinRpcClient.create(this.node.wsUrl(), "u", "p")) {
			BitcoinRpcClientLifecycle lifecycle = new BitcoinRpcClientLifecycle(client, properties, List.of());
			lifecycle.start();
			lifecycle.start();
			assertThat(lifecycle.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
			lifecycle.stop();
			lifecycle.stop();
			assertThat(lifecycle.isRunning()).isFalse();
			assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
			lifecycle.start();
			assertThat(lifecycle.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
			assertThat(client.getBlockCount()).isEqualTo(this.node.blockCount());
			lifecycle.destroy();
			lifecycle.destroy();
			assertThat(lifecycle.isRunning()).isFalse();
			assertThat(client.state()).isEqualTo(ConnectionState.SHUT_DOWN);
			assertThat(client.awaitShutdown(Duration.ofSeconds(10))).isTrue();
			assertThatIllegalStateException().isThrownBy(lifecycle::start).withMessageContaining("destroyed");
		}
	}

	/** Records the hashes of the blocks the application is told about, in order. */
	static class BlockRecorder {

		final List<String> hashes = new CopyOnWriteArrayList<>();

		@EventListener
		void on(BlockConnectedEvent event) {
			this.hashes.add(event.notification().hash());
		}

	}

	/** Live threads the clients made: all their names start with "bitcoin-rpc-". */
	private static Set<Thread> clientThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("bitcoin-rpc-"))
			.collect(Collectors.toSet());
	}

}
