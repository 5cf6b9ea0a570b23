package org.bitcoinrpc.spring.autoconfigure.zmq;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionState;
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
 * publisher that speaks Core's wire format: each message reaches the application's listeners as a
 * {@link ZmqNotificationEvent} (blocks as hints: without a follower there are no block events), a
 * lost message is reported as a gap, and health and metrics show ZMQ.
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
					"bitcoin.rpc.zmq.reconnect-interval=50ms", "bitcoin.rpc.zmq.retry-interval=200ms",
					"bitcoin.rpc.reconnect.initial-delay=50ms", "bitcoin.rpc.reconnect.max-delay=200ms")
			.withPropertyValues(properties);
	}

	@Test
	void hashblockMessagesReachTheListenersAsHintsAndALostOneAsAGap() {
		zmq("bitcoin.rpc.zmq.hashblock=" + this.publisher.endpoint("hashblock")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			Recorder recorder = context.getBean(Recorder.class);
			awaitReady(zmq, recorder, "hashblock");

			String first = hash(1);
			this.publisher.publishHashBlock(first);
			long expectedSeq = this.publisher.nextSequence("hashblock");
			this.publisher.skip("hashblock", 1);
			String third = hash(3);
			this.publisher.publishHashBlock(third);
			await().atMost(WAIT).until(() -> recorder.zmq.size() == 3);
			assertThat(recorder.zmq).<ZmqEvent>map(ZmqNotificationEvent::event).containsExactly(
					new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, first),
					new ZmqEvent.NotificationGap(ZmqTopic.HASHBLOCK, expectedSeq, expectedSeq + 1),
					new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, third));
			assertThat(recorder.zmq.get(0).getClient()).isSameAs(context.getBean(BitcoinRpcClient.class));
			// No follower here: ZMQ's block messages are not block events.
			assertThat(recorder.connected).isEmpty();

			// Health: UP (from RPC) with the zmq detail.
			Health health = context.getBean(BitcoinRpcHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			Map<String, Object> details = zmqDetails(health);
			assertThat(details).containsEntry("subscribed", true)
				.containsEntry("endpoints", 1)
				.containsEntry("connectedEndpoints", 1)
				.containsEntry("gaps", 1L)
				.containsEntry("missedMessages", 1L)
				.containsKeys("lastMessageTime", "lastMessageAge", "reconnects", "sequenceResets", "decodeErrors")
				.doesNotContainKeys("tipHash", "catchUps", "duplicateBlocks");
			assertThat(details.get("messages")).isEqualTo(Map.of("hashblock", zmq.stats().messages(ZmqTopic.HASHBLOCK)));
			assertThat(Duration.parse((String) details.get("lastMessageAge"))).isLessThan(WAIT);

			// Metrics: ZMQ events counted like notifications, and the gap.
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(registry.get(BitcoinRpcMetrics.ZMQ_GAPS).tag("topic", "hashblock").counter().count())
					.isEqualTo(1);
				// The probe, the two blocks and the gap.
				assertThat(registry.get(BitcoinRpcMetrics.NOTIFICATIONS).tag("type", "zmq:hashblock").counter().count())
					.isEqualTo(4);
			});
		});
	}

	@Test
	void sequenceGivesBlockHintsAndMempoolEventsInOrder() {
		zmq("bitcoin.rpc.zmq.sequence=" + this.publisher.endpoint("sequence")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			Recorder recorder = context.getBean(Recorder.class);
			awaitReady(zmq, recorder, "sequence");

			String block = this.node.generate(1).get(0);
			String txid = "ab".repeat(32);
			this.publisher.publishSequence(block, 'C', null);
			this.publisher.publishSequence(txid, 'A', 7L);
			this.publisher.publishSequence(txid, 'R', 8L);
			this.publisher.publishSequence(block, 'D', null);
			await().atMost(WAIT).until(() -> recorder.zmq.size() == 4);
			assertThat(recorder.zmq).<ZmqEvent>map(ZmqNotificationEvent::event).containsExactly(
					new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, block), new ZmqEvent.MempoolAdded(txid, 7),
					new ZmqEvent.MempoolRemoved(txid, 8), new ZmqEvent.BlockRetracted(block));
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
			Recorder recorder = context.getBean(Recorder.class);
			awaitReady(zmq, recorder, "sequence");
			assertThat(zmq.options().endpoints()).containsExactly(Map.entry(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:" + port));

			this.publisher.publishSequence(hash(1), 'C', null);
			await().atMost(WAIT).until(() -> recorder.zmq.size() == 1);
			assertThat(recorder.zmq.get(0).event()).isEqualTo(new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, hash(1)));
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
	void aStoppedLifecycleSubscribesAgainWhenStarted() {
		zmq("bitcoin.rpc.zmq.hashblock=" + this.publisher.endpoint("hashblock")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			Recorder recorder = context.getBean(Recorder.class);
			awaitReady(zmq, recorder, "hashblock");

			zmq.stop();
			assertThat(zmq.isRunning()).isFalse();
			assertThat(zmq.isListening()).isFalse();
			assertThat(zmq.stats()).isNull();
			// Announced while nobody listens: lost (a follower would find the block over RPC).
			this.publisher.publishHashBlock(hash(1));
			zmq.start();

			awaitReady(zmq, recorder, "hashblock");
			this.publisher.publishHashBlock(hash(2));
			await().atMost(WAIT).until(() -> recorder.zmq.size() == 1);
			assertThat(recorder.zmq.get(0).event()).isEqualTo(new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, hash(2)));
		});
	}

	@Test
	void contextCanBeStoppedAndStartedAgain() {
		zmq("bitcoin.rpc.zmq.hashblock=" + this.publisher.endpoint("hashblock")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			Recorder recorder = context.getBean(Recorder.class);
			awaitReady(zmq, recorder, "hashblock");

			context.stop();
			assertThat(zmq.isRunning()).isFalse();
			assertThat(zmq.stats()).isNull();
			assertThat(client.state()).isEqualTo(ConnectionState.DISCONNECTED);

			context.start();
			assertThat(zmq.isRunning()).isTrue();
			// Subscribed again once the client connected again.
			awaitReady(zmq, recorder, "hashblock");
			this.publisher.publishHashBlock(hash(1));
			await().atMost(WAIT).until(() -> recorder.zmq.size() == 1);
			assertThat(recorder.zmq.get(0).event()).isEqualTo(new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, hash(1)));
		});
	}

	@Test
	void destructionIsFinal() {
		zmq("bitcoin.rpc.zmq.hashblock=" + this.publisher.endpoint("hashblock")).run((context) -> {
			BitcoinRpcZmqLifecycle zmq = context.getBean(BitcoinRpcZmqLifecycle.class);
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			awaitReady(zmq, context.getBean(Recorder.class), "hashblock");
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
			awaitReady(zmq, context.getBean(Recorder.class), "hashblock");
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
	 * Waits until the subscriber is connected and subscribed, and a message on the topic gets
	 * through (ZMQ's slow joiner); then forgets the events so far, that probe's included.
	 */
	private void awaitReady(BitcoinRpcZmqLifecycle zmq, Recorder recorder, String topic) {
		await().atMost(WAIT).until(() -> {
			ZmqStats stats = zmq.stats();
			return stats != null && stats.connectedEndpoints() == stats.endpoints();
		});
		await().atMost(WAIT).until(() -> this.publisher.awaitSubscribed(topic, Duration.ofMillis(50)));
		String probe = hash(999);
		if (topic.equals("sequence")) {
			this.publisher.publishSequence(probe, 'C', null);
		}
		else {
			this.publisher.publishHashBlock(probe);
		}
		await().atMost(WAIT).until(() -> recorder.zmq.stream().anyMatch((event) -> event.event()
			.equals(new ZmqEvent.BlockAnnounced(ZmqTopic.fromWireName(topic), probe))));
		recorder.clear();
	}

	private static String hash(long n) {
		return "%064x".formatted(n);
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

		final List<ZmqNotificationEvent<?>> zmq = new CopyOnWriteArrayList<>();

		@EventListener
		void on(BlockConnectedEvent event) {
			this.connected.add(event);
		}

		@EventListener
		void on(BlockDisconnectedEvent event) {
			this.disconnected.add(event);
		}

		@EventListener
		void on(ZmqNotificationEvent<?> event) {
			this.zmq.add(event);
		}

		void clear() {
			this.connected.clear();
			this.disconnected.clear();
			this.zmq.clear();
		}

	}

}
