package org.bitcoinrpc.spring.autoconfigure.zmq;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionState;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.bitcoinrpc.client.zmq.ZmqStats;
import org.bitcoinrpc.client.zmq.ZmqTopic;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.health.BitcoinRpcHealthContributorAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.metrics.BitcoinRpcMetricsAutoConfiguration;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.spring.event.BlockDisconnectedEvent;
import org.bitcoinrpc.spring.event.ZmqNotificationEvent;
import org.bitcoinrpc.spring.health.BitcoinRpcHealthIndicator;
import org.bitcoinrpc.spring.metrics.BitcoinRpcMetrics;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.zmq.ZmqPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The whole wiring against a simulated node (the RPC side, over HTTP as Bitcoin Core) and a ZMQ
 * publisher that speaks Core's wire format: a block mined on the node and announced on ZMQ reaches
 * the application's listeners with its height; a lost message is reported and the block still
 * arrives once; health and metrics show ZMQ.
 */
@ExtendWith(OutputCaptureExtension.class)
class BitcoinRpcZmqIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private SimulatedNode node;

	private ZmqPublisher publisher;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcZmqAutoConfiguration.class,
				BitcoinRpcHealthContributorAutoConfiguration.class, BitcoinRpcMetricsAutoConfiguration.class,
				MetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		.withBean(Recorder.class);

	@BeforeEach
	void start() {
		this.node = SimulatedNode.builder().user("u").password("p").build().start();
		this.publisher = new ZmqPublisher(List.of("hashblock", "sequence"));
	}

	@AfterEach
	void stop() {
		this.publisher.close();
		this.node.close();
	}

	/** The RPC side and the ZMQ options the tests use: short ZMQ timers, 127.0.0.1 only. */
	private ApplicationContextRunner zmq(String... properties) {
		return this.runner
			.withPropertyValues("bitcoin.rpc.url=" + this.node.httpUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
					"bitcoin.rpc.zmq.enabled=true", "bitcoin.rpc.zmq.handshake-timeout=500ms",
					"bitcoin.rpc.zmq.reconnect-interval=50ms", "bitcoin.rpc.zmq.catch-up-retry-interval=200ms",
					"bitcoin.rpc.reconnect.initial-delay=50ms", "bitcoin.rpc.reconnect.max-delay=200ms")
			.withPropertyValues(properties);
	}

	@Test
	void hashblockBlocksReachTheListenersAndAGapIsRecoveredOverRpc() {
		this.node.generate(2);
		zmq("bitcoin.rpc.zmq.hashblock=" + this.publisher.endpoint("hashblock")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			Recorder recorder = context.getBean(Recorder.class);
			awaitReady(zmq, "hashblock");

			// Mined on the node, announced on ZMQ: a BlockConnectedEvent with the node's height.
			String first = this.node.generate(1).get(0);
			this.publisher.publishHashBlock(first);
			await().atMost(WAIT).until(() -> recorder.connected.size() == 1);
			assertThat(recorder.connected.get(0).notification().hash()).isEqualTo(first);
			assertThat(recorder.connected.get(0).notification().height()).isEqualTo(3);

			// The next message is lost: the gap is reported and the block still arrives, once, in order.
			long expectedSeq = this.publisher.nextSequence("hashblock");
			List<String> mined = this.node.generate(2);
			this.publisher.skip("hashblock", 1);
			this.publisher.publishHashBlock(mined.get(1));
			await().atMost(WAIT).until(() -> recorder.connected.size() == 3);
			assertThat(recorder.connected).map((event) -> event.notification().hash())
				.containsExactly(first, mined.get(0), mined.get(1));
			assertThat(recorder.connected).map((event) -> event.notification().height()).containsExactly(3L, 4L, 5L);
			assertThat(recorder.zmq).map((event) -> event.notification().event())
				.containsExactly(new ZmqEvent.NotificationGap(ZmqTopic.HASHBLOCK, expectedSeq, expectedSeq + 1));
			assertThat(recorder.zmq.get(0).getClient()).isSameAs(context.getBean(BitcoinRpcClient.class));

			// The lost message turns up late: counted as a duplicate, not delivered again.
			long duplicates = zmq.stats().duplicateBlocks();
			this.publisher.publishHashBlock(mined.get(0));
			await().atMost(WAIT).until(() -> zmq.stats().duplicateBlocks() > duplicates);
			assertThat(recorder.connected).hasSize(3);

			// Health: UP (from RPC) with the zmq detail.
			Health health = context.getBean(BitcoinRpcHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			Map<String, Object> details = zmqDetails(health);
			assertThat(details).containsEntry("subscribed", true)
				.containsEntry("endpoints", 1)
				.containsEntry("connectedEndpoints", 1)
				.containsEntry("gaps", 1L)
				.containsEntry("missedMessages", 1L)
				.containsEntry("tipHash", mined.get(1))
				.containsEntry("tipHeight", 5L)
				.containsKeys("lastMessageTime", "lastMessageAge", "catchUps", "duplicateBlocks");
			assertThat(details.get("messages")).isEqualTo(Map.of("hashblock", zmq.stats().messages(ZmqTopic.HASHBLOCK)));
			assertThat(Duration.parse((String) details.get("lastMessageAge"))).isLessThan(WAIT);

			// Metrics: ZMQ blocks counted like websocket ones, and the gap.
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(registry.get(BitcoinRpcMetrics.NOTIFICATIONS).tag("type", "blockconnected").counter().count())
					.isEqualTo(3);
				assertThat(registry.get(BitcoinRpcMetrics.ZMQ_GAPS).tag("topic", "hashblock").counter().count())
					.isEqualTo(1);
				assertThat(registry.get(BitcoinRpcMetrics.NOTIFICATIONS).tag("type", "zmq:hashblock").counter().count())
					.isEqualTo(1);
			});
		});
	}

	@Test
	void sequenceGivesConnectsDisconnectsAndMempoolEvents() {
		zmq("bitcoin.rpc.zmq.sequence=" + this.publisher.endpoint("sequence")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			Recorder recorder = context.getBean(Recorder.class);
			awaitReady(zmq, "sequence");

			List<String> mined = this.node.generate(2);
			mined.forEach((hash) -> this.publisher.publishSequence(hash, 'C', null));
			await().atMost(WAIT).until(() -> recorder.connected.size() == 2);
			assertThat(recorder.connected).map((event) -> event.notification().height()).containsExactly(1L, 2L);

			String txid = "ab".repeat(32);
			this.publisher.publishSequence(txid, 'A', 7L);
			this.publisher.publishSequence(txid, 'R', 8L);
			String removed = this.node.disconnectTip();
			this.publisher.publishSequence(removed, 'D', null);
			await().atMost(WAIT).until(() -> recorder.disconnected.size() == 1);
			assertThat(recorder.disconnected.get(0).notification().hash()).isEqualTo(removed);
			assertThat(recorder.disconnected.get(0).notification().height()).isEqualTo(2);
			assertThat(recorder.zmq).map((event) -> event.notification().event())
				.containsExactly(new ZmqEvent.MempoolAdded(txid, 7), new ZmqEvent.MempoolRemoved(txid, 8));
			assertThat(recorder.connected).hasSize(2);
			assertThat(zmq.stats().gaps()).isZero();
		});
	}

	@Test
	void discoversTheEndpointsTheNodeLists() {
		int port = this.publisher.port("sequence");
		// Bound on every interface, as bitcoind -zmqpubsequence=tcp://0.0.0.0:port reports it.
		this.node.stubResult("getzmqnotifications",
				"[{\"type\":\"pubsequence\",\"address\":\"tcp://0.0.0.0:" + port + "\",\"hwm\":1000}]");
		// The node is still warming up at first: discovery is retried.
		this.node.failWith("getzmqnotifications", -28, "Loading block index...");
		zmq("bitcoin.rpc.zmq.discover=true").run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			await().atMost(WAIT).until(() -> this.node.requestCount("getzmqnotifications") >= 1);
			assertThat(zmq.stats()).isNull();
			assertThat(zmqDetails(context.getBean(BitcoinRpcHealthIndicator.class).health()))
				.isEqualTo(Map.of("subscribed", false));
			this.node.resetControls();
			this.node.stubResult("getzmqnotifications",
					"[{\"type\":\"pubsequence\",\"address\":\"tcp://0.0.0.0:" + port + "\",\"hwm\":1000}]");
			awaitReady(zmq, "sequence");
			assertThat(zmq.options().endpoints()).containsExactly(Map.entry(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:" + port));

			Recorder recorder = context.getBean(Recorder.class);
			String block = this.node.generate(1).get(0);
			this.publisher.publishSequence(block, 'C', null);
			await().atMost(WAIT).until(() -> recorder.connected.size() == 1);
			assertThat(recorder.connected.get(0).notification()).isEqualTo(new Notification.BlockConnected(block, 1,
					recorder.connected.get(0).notification().time()));
		});
	}

	@Test
	void discoveryAgainstANodeWithoutZmqLeavesTheRestWorking(CapturedOutput output) {
		// The simulated node is btcd-like: it has no getzmqnotifications.
		zmq("bitcoin.rpc.zmq.discover=true").run((context) -> {
			await().atMost(WAIT).until(() -> output.getAll().contains("has no getzmqnotifications"));
			assertThat(context.getBean(BitcoinRpcZmqLifecycle.class).stats()).isNull();
			assertThat(context.getBean(BitcoinRpcClient.class).getBlockCount()).isEqualTo(this.node.blockCount());
		});
	}

	@Test
	void aStoppedSubscriberResumesAfterItsLastBlock() {
		zmq("bitcoin.rpc.zmq.hashblock=" + this.publisher.endpoint("hashblock")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			Recorder recorder = context.getBean(Recorder.class);
			awaitReady(zmq, "hashblock");
			String before = this.node.generate(1).get(0);
			this.publisher.publishHashBlock(before);
			await().atMost(WAIT).until(() -> recorder.connected.size() == 1);

			zmq.stop();
			assertThat(zmq.isRunning()).isFalse();
			assertThat(zmq.stats()).isNull();
			// Mined and announced while nobody listens.
			List<String> missed = this.node.generate(2);
			missed.forEach(this.publisher::publishHashBlock);
			zmq.start();

			await().atMost(WAIT).until(() -> recorder.connected.size() == 3);
			assertThat(recorder.connected).map((event) -> event.notification().hash())
				.containsExactly(before, missed.get(0), missed.get(1));
		});
	}

	@Test
	void contextCanBeStoppedAndStartedAgain() {
		zmq("bitcoin.rpc.zmq.hashblock=" + this.publisher.endpoint("hashblock")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			Recorder recorder = context.getBean(Recorder.class);
			awaitReady(zmq, "hashblock");
			String before = this.node.generate(1).get(0);
			this.publisher.publishHashBlock(before);
			await().atMost(WAIT).until(() -> recorder.connected.size() == 1);

			context.stop();
			assertThat(zmq.isRunning()).isFalse();
			assertThat(zmq.stats()).isNull();
			assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);
			// Mined and announced while the application is stopped.
			String missed = this.node.generate(1).get(0);
			this.publisher.publishHashBlock(missed);

			context.start();
			assertThat(zmq.isRunning()).isTrue();
			// Subscribed again once the client connected again, resuming after the last block delivered.
			awaitReady(zmq, "hashblock");
			await().atMost(WAIT).until(() -> recorder.connected.size() == 2);
			String after = this.node.generate(1).get(0);
			this.publisher.publishHashBlock(after);
			await().atMost(WAIT).until(() -> recorder.connected.size() == 3);
			assertThat(recorder.connected).map((event) -> event.notification().hash())
				.containsExactly(before, missed, after);
		});
	}

	@Test
	void destructionIsFinal() {
		zmq("bitcoin.rpc.zmq.hashblock=" + this.publisher.endpoint("hashblock")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			awaitReady(zmq, "hashblock");
			zmq.destroy();
			zmq.destroy();
			assertThat(zmq.isRunning()).isFalse();
			assertThat(zmq.stats()).isNull();
			assertThatIllegalStateException().isThrownBy(zmq::start).withMessageContaining("destroyed");
			// The client connecting again does not bring the subscriber back either (it no longer listens).
			client.suspend();
			client.connect();
			assertThat(client.getBlockCount()).isEqualTo(this.node.blockCount());
			assertThat(zmq.isRunning()).isFalse();
			assertThat(zmq.stats()).isNull();
		});
	}

	@Test
	void closesBeforeTheClientShutsDown() {
		zmq("bitcoin.rpc.zmq.hashblock=" + this.publisher.endpoint("hashblock")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			awaitReady(zmq, "hashblock");
			// Stopped after ZMQ (higher phases stop first) and before the client: what does it see?
			List<String> seen = new CopyOnWriteArrayList<>();
			context.getBeanFactory().registerSingleton("probe", new Probe(BitcoinRpcZmqLifecycle.PHASE - 1,
					() -> seen.add("zmq running " + zmq.isRunning() + ", subscribed " + (zmq.stats() != null)
							+ ", client " + client.state())));
			context.close();
			assertThat(seen).containsExactly("zmq running false, subscribed false, client CONNECTED");
			assertThat(client.state()).isEqualTo(ConnectionState.SHUT_DOWN);
			assertThat(Thread.getAllStackTraces().keySet())
				.noneMatch((thread) -> thread.getName().startsWith("bitcoin-rpc-zmq-") && thread.isAlive());
		});
	}

	/**
	 * Waits until the subscriber has its starting point (first catch-up), is connected and
	 * subscribed, and a message on the topic gets through (ZMQ's slow joiner).
	 */
	private void awaitReady(BitcoinRpcZmqLifecycle zmq, String topic) {
		await().atMost(WAIT).until(() -> {
			ZmqStats stats = zmq.stats();
			return stats != null && stats.tipHash() != null && stats.connectedEndpoints() == stats.endpoints();
		});
		await().atMost(WAIT).until(() -> this.publisher.awaitSubscribed(topic, Duration.ofMillis(50)));
		ZmqTopic zmqTopic = ZmqTopic.fromWireName(topic);
		long received = zmq.stats().messages(zmqTopic);
		// The tip again: known, so no event.
		if (zmqTopic == ZmqTopic.SEQUENCE) {
			this.publisher.publishSequence(this.node.bestBlockHash(), 'C', null);
		}
		else {
			this.publisher.publishHashBlock(this.node.bestBlockHash());
		}
		await().atMost(WAIT).until(() -> zmq.stats().messages(zmqTopic) > received);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> zmqDetails(Health health) {
		Object details = health.getDetails().get("zmq");
		assertThat(details).isInstanceOf(Map.class);
		return (Map<String, Object>) details;
	}

	/** A lifecycle that runs something when stopped. */
	static final class Probe implements SmartLifecycle {

		private final int phase;

		private final Runnable onStop;

		private volatile boolean running = true;

		Probe(int phase, Runnable onStop) {
			this.phase = phase;
			this.onStop = onStop;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.onStop.run();
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return this.phase;
		}

	}

	static class Recorder {

		final List<BlockConnectedEvent> connected = new CopyOnWriteArrayList<>();

		final List<BlockDisconnectedEvent> disconnected = new CopyOnWriteArrayList<>();

		final List<ZmqNotificationEvent> zmq = new CopyOnWriteArrayList<>();

		@EventListener
		void on(BlockConnectedEvent event) {
			this.connected.add(event);
		}

		@EventListener
		void on(BlockDisconnectedEvent event) {
			this.disconnected.add(event);
		}

		@EventListener
		void on(ZmqNotificationEvent event) {
			this.zmq.add(event);
		}

	}

}
