package org.bitcoinrpc.client.zmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.WakeSource;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.zmq.ZmqPublisher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@link ChainFollower} woken by a {@link ZmqSubscriber}, with real parts: a simulated node
 * over HTTP for the RPC calls, as Bitcoin Core is reached, and a {@link ZmqPublisher} that speaks
 * Core's ZMQ wire format. The follower polls once an hour: whatever it delivers sooner, ZMQ woke
 * it for.
 */
class ZmqWakeSourceTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** Long enough that the follower never polls in a test: only ZMQ wakes it. */
	private static final Duration POLL_INTERVAL = Duration.ofHours(1);

	private SimulatedNode node;

	private BitcoinRpcClient client;

	private @Nullable ZmqPublisher publisher;

	private @Nullable ZmqSubscriber subscriber;

	private @Nullable ChainFollower follower;

	private final List<String> changes = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(10).build().start();
		this.client = BitcoinRpcClient.create(ClientOptions.builder().url(this.node.httpUrl()).credentials("user", "pass")
			.reconnectDelay(Delay.constant(Duration.ofMillis(50))).build());
		this.client.connect();
	}

	@AfterEach
	void close() {
		if (this.follower != null) {
			this.follower.close();
		}
		if (this.subscriber != null) {
			this.subscriber.close();
		}
		if (this.publisher != null) {
			this.publisher.close();
		}
		this.client.shutdown();
		this.node.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sequence", "hashblock" })
	void aBlockMinedAndAnnouncedIsDeliveredPromptly(String topic) {
		start(topic);
		String hash = this.node.generate(1).get(0);
		announce(topic, hash);

		await().atMost(WAIT).until(() -> this.changes.size() == 1);
		assertThat(this.changes).containsExactly("+11 " + hash);
	}

	@Test
	void blocksMinedWhileThePublisherIsStoppedAreDeliveredOnceEachInOrderAfterItRestarts() {
		start("sequence");
		String first = this.node.generate(1).get(0);
		announce("sequence", first);
		await().atMost(WAIT).until(() -> this.changes.size() == 1);

		stopPublisherAndAwaitQuiet();
		List<String> missed = this.node.generate(3);
		// Nothing is announced, and the follower does not poll: nothing moves until ZMQ is back.
		await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> this.changes.size() == 1);
		this.publisher.start();

		await().atMost(WAIT).until(() -> this.changes.size() == 4);
		assertThat(this.changes).containsExactlyElementsOf(connects(11));
		assertThat(this.changes.subList(1, 4)).containsExactly("+12 " + missed.get(0), "+13 " + missed.get(1),
				"+14 " + missed.get(2));
		// The missed announcements turning up late, and a new block: each block still once.
		awaitSubscribed("sequence");
		missed.forEach((hash) -> announce("sequence", hash));
		String next = this.node.generate(1).get(0);
		announce("sequence", next);
		await().atMost(WAIT).until(() -> this.changes.size() == 5);
		await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> this.changes.size() == 5);
		assertThat(this.changes).containsExactlyElementsOf(connects(11));
	}

	@Test
	void aReorgOfDepthThreeWhileZmqIsDownGivesThreeDisconnectsNewestFirstThenTheNewBlocks() {
		start("sequence");
		List<String> mined = this.node.generate(2);
		mined.forEach((hash) -> announce("sequence", hash));
		await().atMost(WAIT).until(() -> this.changes.size() == 2);
		List<String> old = List.of(this.node.blockHash(10), mined.get(0), mined.get(1));

		stopPublisherAndAwaitQuiet();
		List<String> branch = this.node.reorg(3);
		this.publisher.start();

		await().atMost(WAIT).until(() -> this.changes.size() == 2 + 3 + 4);
		List<String> expected = new ArrayList<>(List.of("-12 " + old.get(2), "-11 " + old.get(1), "-10 " + old.get(0)));
		expected.addAll(connects(10));
		assertThat(this.changes.subList(2, 9)).containsExactlyElementsOf(expected);
		assertThat(branch).hasSize(4);
		assertThat(this.follower.cursor().hash()).isEqualTo(this.node.bestBlockHash());
	}

	@Test
	void aLostMessageWakesTheFollowerSoTheBlockIsStillDelivered() {
		start("sequence");
		List<ZmqEvent> events = new CopyOnWriteArrayList<>();
		this.client.addListener((event) -> {
			if (event instanceof ZmqEvent zmqEvent) {
				events.add(zmqEvent);
			}
		});
		// Mempool messages wake nobody; the first one sets where the sequence numbers stand.
		this.publisher.publishSequence("aa".repeat(32), 'A', 1L);
		await().atMost(WAIT).until(() -> events.size() == 1);
		String lost = this.node.generate(1).get(0);
		// The block's announcement is lost on the way; the next message, a mempool one, shows the gap.
		long lostSeq = this.publisher.nextSequence("sequence");
		this.publisher.skip("sequence", 1);
		this.publisher.publishSequence("bb".repeat(32), 'A', 2L);

		await().atMost(WAIT).until(() -> this.changes.size() == 1);
		assertThat(this.changes).containsExactly("+11 " + lost);
		await().atMost(WAIT).until(() -> events.size() == 3);
		assertThat(events).containsExactly(new ZmqEvent.MempoolAdded("aa".repeat(32), 1),
				new ZmqEvent.NotificationGap(ZmqTopic.SEQUENCE, lostSeq, lostSeq + 1),
				new ZmqEvent.MempoolAdded("bb".repeat(32), 2));
	}

	@Test
	void aSubscriptionListensWhileTheBlockTopicsSocketIsConnected() {
		start("sequence");
		ZmqSubscriber zmq = this.subscriber;
		WakeSource.Subscription subscription = zmq.subscribe(this.follower);
		assertThat(subscription.isListening()).isTrue();

		this.publisher.stop();
		await().atMost(WAIT).until(() -> !subscription.isListening());
		this.publisher.start();
		await().atMost(WAIT).until(subscription::isListening);

		subscription.close();
		zmq.close();
		assertThat(subscription.isListening()).isFalse();
	}

	/**
	 * The node's chain as far as the publisher, a subscriber sending its events to the client, and
	 * a follower woken only by it, started at the tip (height 10), with ZMQ connected and subscribed.
	 */
	private void start(String topic) {
		this.publisher = new ZmqPublisher(List.of(topic));
		ZmqSubscriber zmq = ZmqSubscriber.start(ZmqSubscriberTests.options(this.publisher, topic),
				this.client::dispatchEvent);
		this.subscriber = zmq;
		ChainFollower started = ChainFollower.builder(this.client).pollInterval(POLL_INTERVAL).wakeSources(zmq)
			.handler((change) -> this.changes.add(((change instanceof Notification.BlockConnected) ? "+" : "-")
					+ change.height() + " " + change.hash()))
			.start();
		this.follower = started;
		await().atMost(WAIT).until(() -> started.cursor() != null);
		assertThat(started.cursor().height()).isEqualTo(10);
		await().atMost(WAIT).until(zmq::isListening);
		awaitSubscribed(topic);
	}

	private void announce(String topic, String hash) {
		if (topic.equals("sequence")) {
			this.publisher.publishSequence(hash, 'C', null);
		}
		else {
			this.publisher.publishHashBlock(hash);
		}
	}

	private void awaitSubscribed(String topic) {
		await().atMost(WAIT).until(() -> this.publisher.awaitSubscribed(topic, Duration.ofMillis(50)));
	}

	/**
	 * Stops the publisher and waits until the follower, woken by the lost connection, has looked
	 * at the chain and gone quiet (no getbestblockhash for a while): from then on only ZMQ coming
	 * back wakes it.
	 */
	private void stopPublisherAndAwaitQuiet() {
		this.publisher.stop();
		await().atMost(WAIT).until(() -> !this.subscriber.isListening());
		assertThat(this.node.awaitQuiet("getbestblockhash", Duration.ofMillis(300), WAIT)).isTrue();
	}

	/** The node's best chain from {@code from} to its tip, as the changes a follower delivers. */
	private List<String> connects(int from) {
		List<String> hashes = this.node.blockHashes(from);
		return IntStream.range(0, hashes.size()).mapToObj((i) -> "+" + (from + i) + " " + hashes.get(i)).toList();
	}

}
