package org.bitcoinrpc.spring.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.bitcoinrpc.client.zmq.ZmqTopic;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Names, tags and values of the client's meters against a simulated node.
 */
class BitcoinRpcMetricsTests {

	private SimulatedNode node;

	private BitcoinRpcClient client;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@BeforeEach
	void start() {
		this.node = SimulatedNode.builder().user("u").password("p").build().start();
		this.client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(this.node.wsUrl())
			.credentials("u", "p")
			.reconnectDelay(org.bitcoinrpc.client.Delay.constant(Duration.ofMillis(50)))
			.build());
		new BitcoinRpcMetrics(this.client, Tags.of("node", "test")).bindTo(this.registry);
		this.client.connect();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.node.stop();
	}

	@Test
	void registersEveryMeter() {
		assertThat(this.registry.getMeters()).map((meter) -> meter.getId().getName())
			.contains(BitcoinRpcMetrics.PENDING, BitcoinRpcMetrics.CONNECTION_STATE, BitcoinRpcMetrics.RECONNECT_ATTEMPTS,
					BitcoinRpcMetrics.RESENT);
		assertThat(this.registry.getMeters()).allSatisfy(
				(meter) -> assertThat(meter.getId().getTag("node")).isEqualTo("test"));
		assertThat(BitcoinRpcMetrics.REQUESTS).isEqualTo("bitcoin.rpc.requests");
		assertThat(BitcoinRpcMetrics.PENDING).isEqualTo("bitcoin.rpc.requests.pending");
		assertThat(BitcoinRpcMetrics.CONNECTION_STATE).isEqualTo("bitcoin.rpc.connection.state");
		assertThat(BitcoinRpcMetrics.RECONNECT_ATTEMPTS).isEqualTo("bitcoin.rpc.reconnect.attempts");
		assertThat(BitcoinRpcMetrics.RESENT).isEqualTo("bitcoin.rpc.requests.resent");
		assertThat(BitcoinRpcMetrics.NOTIFICATIONS).isEqualTo("bitcoin.rpc.notifications");
	}

	@Test
	void timesCallsByMethodAndOutcome() {
		this.client.getBlockCount();
		this.client.getBlockCount();
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> this.client.call("someunknownmethod", List.of(), Long.class));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(timer("getblockcount", "success").count()).isEqualTo(2);
			assertThat(timer("other", "rpc_error").count()).isEqualTo(1);
		});
		assertThat(timer("getblockcount", "success").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
		// Method names outside the known set never become tag values.
		assertThat(this.registry.find(BitcoinRpcMetrics.REQUESTS).tag("method", "someunknownmethod").timers()).isEmpty();
	}

	@Test
	void timesTimeouts() {
		this.node.neverAnswer("getbestblockhash");
		this.client.callAsync("getbestblockhash", List.of(), String.class, Duration.ofMillis(100))
			.handle((result, failure) -> failure)
			.join();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(timer("getbestblockhash", "timeout").count()).isEqualTo(1));
	}

	@Test
	void gaugesPendingRequestsAndConnectionState() {
		assertThat(gauge(BitcoinRpcMetrics.CONNECTION_STATE)).isEqualTo(1.0);
		assertThat(gauge(BitcoinRpcMetrics.PENDING)).isZero();
		this.node.neverAnswer("getblockcount");
		this.client.getBlockCountAsync();
		this.client.getBlockCountAsync();
		await().atMost(Duration.ofSeconds(5)).until(() -> gauge(BitcoinRpcMetrics.PENDING) == 2.0);
		this.node.resetControls();
		this.node.stop();
		await().atMost(Duration.ofSeconds(5)).until(() -> gauge(BitcoinRpcMetrics.CONNECTION_STATE) == 0.0);
	}

	@Test
	void countsReconnectAttemptsAndResentRequests() {
		this.node.neverAnswer("getblockcount");
		this.client.getBlockCountAsync();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.node.requestCount("getblockcount") == 1);
		this.node.resetControls();
		this.node.restart();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registry.get(BitcoinRpcMetrics.RECONNECT_ATTEMPTS).counter().count() >= 1);
		FunctionCounter resent = this.registry.get(BitcoinRpcMetrics.RESENT).functionCounter();
		await().atMost(Duration.ofSeconds(10)).until(() -> resent.count() == 1.0);
		await().atMost(Duration.ofSeconds(10)).until(this.client::isConnected);
	}

	@Test
	void countsNotificationsByType() {
		this.client.notifyBlocks();
		this.node.generate(2);
		this.node.sendRawText("{\"jsonrpc\":\"1.0\",\"method\":\"brandnewnotification\",\"params\":[1]}");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(notifications("blockconnected")).isEqualTo(2.0);
			assertThat(notifications("unknown")).isEqualTo(1.0);
		});
		assertThat(this.registry.find(BitcoinRpcMetrics.NOTIFICATIONS).tag("type", "brandnewnotification").counters())
			.isEmpty();
	}

	@Test
	void countsZmqNotificationsAndGaps() {
		// What the ZMQ subscriber hands the client: its events as they are, block hints included.
		this.client.dispatchEvent(new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, "00".repeat(32)));
		this.client.dispatchEvent(new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, "00".repeat(32)));
		this.client.dispatchEvent(new ZmqEvent.MempoolAdded("ab".repeat(32), 1));
		this.client.dispatchEvent(new ZmqEvent.NotificationGap(ZmqTopic.SEQUENCE, 3, 5));
		this.client.dispatchEvent(new ZmqEvent.NotificationGap(ZmqTopic.RAWTX, 0, 1));
		this.client.dispatchEvent(new ZmqEvent.NotificationGap(ZmqTopic.SEQUENCE, 9, 10));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(notifications("zmq:hashblock")).isEqualTo(1.0);
			assertThat(notifications("zmq:sequence")).isEqualTo(4.0);
			assertThat(notifications("zmq:rawtx")).isEqualTo(1.0);
			assertThat(this.registry.get(BitcoinRpcMetrics.ZMQ_GAPS).tag("topic", "sequence").counter().count())
				.isEqualTo(2.0);
			assertThat(this.registry.get(BitcoinRpcMetrics.ZMQ_GAPS).tag("topic", "rawtx").counter().count())
				.isEqualTo(1.0);
		});
		assertThat(BitcoinRpcMetrics.ZMQ_GAPS).isEqualTo("bitcoin.rpc.zmq.gaps");
		assertThat(this.registry.get(BitcoinRpcMetrics.ZMQ_GAPS).counters()).allSatisfy(
				(counter) -> assertThat(counter.getId().getTag("node")).isEqualTo("test"));
	}

	@Test
	void bindingTwiceToOneRegistryCountsOnce() {
		BitcoinRpcMetrics metrics = new BitcoinRpcMetrics(this.client);
		SimpleMeterRegistry other = new SimpleMeterRegistry();
		metrics.bindTo(other);
		metrics.bindTo(other);
		this.client.getBlockCount();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(other.get(BitcoinRpcMetrics.REQUESTS)
			.tag("method", "getblockcount")
			.timer()
			.count()).isEqualTo(1));
	}

	@Test
	void countsMalformedMessages() {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.node.openWebSocketSessions() == 1);
		assertThat(functionCounter(BitcoinRpcMetrics.MESSAGES_MALFORMED)).isZero();
		this.node.sendRawText("this is not JSON-RPC");
		this.node.sendRawText("{\"id\":");
		await().atMost(Duration.ofSeconds(5)).until(() -> functionCounter(BitcoinRpcMetrics.MESSAGES_MALFORMED) == 2.0);
		assertThat(this.client.malformedMessages()).isEqualTo(2);
		// The connection survives garbage: later calls are answered.
		assertThat(this.client.getBlockCount()).isNotNegative();
	}

	@Test
	void countsDroppedNotifications() throws InterruptedException {
		BitcoinRpcClient small = BitcoinRpcClient.create(this.client.options().mutate().notificationQueueSize(1).build());
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new BitcoinRpcMetrics(small).bindTo(registry);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch blocked = new CountDownLatch(1);
		small.addListener((event) -> {
			blocked.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			// The first event holds the listener; the second fills the queue; the rest are dropped.
			small.dispatchEvent(new ZmqEvent.MempoolAdded("ab".repeat(32), 1));
			assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
			for (int i = 2; i <= 6; i++) {
				small.dispatchEvent(new ZmqEvent.MempoolAdded("ab".repeat(32), i));
			}
			assertThat(registry.get(BitcoinRpcMetrics.NOTIFICATIONS_DROPPED).functionCounter().count()).isEqualTo(4.0);
			assertThat(small.droppedNotifications()).isEqualTo(4);
		}
		finally {
			release.countDown();
			small.close();
		}
	}

	@Test
	void gaugesTheChainTipFromBlockNotifications() {
		MockClock clock = new MockClock();
		SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
		new BitcoinRpcMetrics(this.client).bindTo(registry);
		Gauge height = registry.get(BitcoinRpcMetrics.TIP_HEIGHT).gauge();
		TimeGauge age = registry.get(BitcoinRpcMetrics.TIP_AGE).timeGauge();
		assertThat(height.value()).isNaN();
		assertThat(age.value(TimeUnit.SECONDS)).isNaN();
		this.client.notifyBlocks();
		List<String> mined = this.node.generate(3);
		await().atMost(Duration.ofSeconds(5)).until(() -> height.value() == this.node.blockCount());
		long tipTime = this.client.getBlockHeader(mined.get(2)).time();
		clock.add(Duration.ofSeconds(tipTime).plusSeconds(90).minusMillis(clock.wallTime()));
		assertThat(age.value(TimeUnit.SECONDS)).isEqualTo(90.0);
		// A disconnected tip: one lower, its age unknown until the next block connects.
		int before = this.node.blockCount();
		this.node.disconnectTip();
		await().atMost(Duration.ofSeconds(5)).until(() -> height.value() == before - 1);
		assertThat(age.value(TimeUnit.SECONDS)).isNaN();
		this.node.generate(1);
		await().atMost(Duration.ofSeconds(5)).until(() -> height.value() == before);
		assertThat(age.value(TimeUnit.SECONDS)).isNotNaN();
	}

	@Test
	void gaugesTheChainTipFromFilteredBlockNotifications() {
		MockClock clock = new MockClock();
		SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
		new BitcoinRpcMetrics(this.client).bindTo(registry);
		// An 80-byte header: version, previous block, merkle root, then the time (little-endian
		// 1,700,000,123 = 0x6553F17B), bits and nonce.
		String header = "01000000" + "00".repeat(32) + "11".repeat(32) + "7bf15365" + "ffff7f20" + "00000000";
		this.client.dispatchEvent(new Notification.FilteredBlockConnected(812, header, List.of()));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> registry.get(BitcoinRpcMetrics.TIP_HEIGHT).gauge().value() == 812.0);
		clock.add(Duration.ofSeconds(1_700_000_123L + 7).minusMillis(clock.wallTime()));
		assertThat(registry.get(BitcoinRpcMetrics.TIP_AGE).timeGauge().value(TimeUnit.SECONDS)).isEqualTo(7.0);
		this.client.dispatchEvent(new Notification.FilteredBlockDisconnected(812, header));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> registry.get(BitcoinRpcMetrics.TIP_HEIGHT).gauge().value() == 811.0);
		assertThat(registry.get(BitcoinRpcMetrics.TIP_AGE).timeGauge().value(TimeUnit.SECONDS)).isNaN();
	}

	@Test
	void tagValuesAreBounded() {
		assertThat(BitcoinRpcMetrics.methodTag("GetBlockCount")).isEqualTo("getblockcount");
		assertThat(BitcoinRpcMetrics.methodTag("x".repeat(100))).isEqualTo("other");
		assertThat(BitcoinRpcMetrics.KNOWN_METHODS).hasSizeLessThan(200);
	}

	private Timer timer(String method, String outcome) {
		return this.registry.get(BitcoinRpcMetrics.REQUESTS).tag("method", method).tag("outcome", outcome).timer();
	}

	private double functionCounter(String name) {
		return this.registry.get(name).functionCounter().count();
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

	private double notifications(String type) {
		Meter meter = this.registry.find(BitcoinRpcMetrics.NOTIFICATIONS).tag("type", type).counter();
		return (meter != null) ? this.registry.get(BitcoinRpcMetrics.NOTIFICATIONS).tag("type", type).counter().count() : 0;
	}

}
