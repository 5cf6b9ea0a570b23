package org.bitcoinrpc.client.zmq;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bitcoinrpc.test.zmq.ZmqPublisher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The subscriber end to end: real ZMQ sockets on 127.0.0.1 against {@link ZmqPublisher}, which
 * speaks Core's wire format. No node: the subscriber makes no RPC calls. (With a node and a
 * follower: {@link ZmqWakeSourceTests}.)
 */
class ZmqSubscriberTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final List<ZmqEvent> events = new CopyOnWriteArrayList<>();

	private @Nullable ZmqPublisher publisher;

	private @Nullable ZmqSubscriber subscriber;

	@AfterEach
	void close() {
		if (this.subscriber != null) {
			this.subscriber.close();
		}
		if (this.publisher != null) {
			this.publisher.close();
		}
	}

	@Test
	void blockMessagesArriveAsHintsAndALostOneAsAGap() {
		ZmqSubscriber zmq = start("hashblock");
		ZmqPublisher node = this.publisher;
		long seq = node.nextSequence("hashblock");
		node.publishHashBlock(hash(1));
		node.drop("hashblock");
		node.publishHashBlock(hash(2));
		node.publishHashBlock(hash(3));
		// A late repeat is reported again: the subscriber keeps no chain.
		node.publishHashBlock(hash(1));

		await().atMost(WAIT).until(() -> this.events.size() == 4);
		assertThat(this.events).containsExactly(new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, hash(1)),
				new ZmqEvent.NotificationGap(ZmqTopic.HASHBLOCK, seq + 1, seq + 2),
				new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, hash(3)),
				new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, hash(1)));
		assertThat(zmq.stats().gaps()).isEqualTo(1);
		assertThat(zmq.stats().missedMessages()).isEqualTo(1);
	}

	@Test
	void sequenceGivesConnectsDisconnectsAndMempoolChangesInOrder() {
		start("sequence");
		ZmqPublisher node = this.publisher;
		node.publishSequence(hash(1), 'C', null);
		node.publishSequence(hash(7), 'A', 5L);
		node.publishSequence(hash(1), 'D', null);
		node.publishSequence(hash(7), 'R', 6L);

		await().atMost(WAIT).until(() -> this.events.size() == 4);
		assertThat(this.events).containsExactly(new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, hash(1)),
				new ZmqEvent.MempoolAdded(hash(7), 5), new ZmqEvent.BlockRetracted(hash(1)),
				new ZmqEvent.MempoolRemoved(hash(7), 6));
	}

	@Test
	void isListeningFollowsTheBlockTopicsSocketAcrossAPublisherRestart() {
		ZmqSubscriber zmq = start("sequence");
		ZmqPublisher node = this.publisher;
		assertThat(zmq.isListening()).isTrue();
		node.publishSequence(hash(1), 'C', null);
		await().atMost(WAIT).until(() -> this.events.size() == 1);

		node.stop();
		await().atMost(WAIT).until(() -> !zmq.isListening());
		assertThat(zmq.stats().connectedEndpoints()).isZero();
		// Published while the subscriber is cut off: lost, but the numbers move on.
		node.publishSequence(hash(2), 'C', null);
		node.start();

		await().atMost(WAIT).until(zmq::isListening);
		assertThat(zmq.stats().reconnects()).isGreaterThanOrEqualTo(1);
		awaitSubscribed("sequence");
		node.publishSequence(hash(3), 'C', null);
		await().atMost(WAIT).until(() -> this.events.size() == 3);
		assertThat(this.events).containsExactly(new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, hash(1)),
				new ZmqEvent.NotificationGap(ZmqTopic.SEQUENCE, 1, 2),
				new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, hash(3)));

		zmq.close();
		assertThat(zmq.isListening()).isFalse();
	}

	@Test
	void withoutABlockTopicTheSubscriberNeverListens() {
		ZmqSubscriber zmq = start("rawtx");
		assertThat(zmq.options().blockTopic()).isNull();
		assertThat(zmq.stats().connectedEndpoints()).isEqualTo(1);
		assertThat(zmq.isListening()).isFalse();
	}

	@Test
	void aRestartedNodeCountsFromZeroAgainWithoutAGap() {
		ZmqSubscriber zmq = start("sequence");
		ZmqPublisher node = this.publisher;
		for (long i = 1; i <= 5; i++) {
			node.publishSequence(hash(i), 'A', i);
		}
		await().atMost(WAIT).until(() -> this.events.size() == 5);
		node.stop();
		node.resetSequences();
		node.start();
		awaitSubscribed("sequence");
		node.publishSequence(hash(9), 'C', null);
		await().atMost(WAIT).until(() -> this.events.size() == 6);
		await().atMost(WAIT).until(() -> zmq.stats().sequenceResets() == 1);
		assertThat(this.events).filteredOn(ZmqEvent.NotificationGap.class::isInstance).isEmpty();
	}

	@Test
	void capturedMempoolAndRawtxMessagesEndToEnd() {
		start("sequence", "rawtx");
		ZmqPublisher node = this.publisher;
		for (String name : List.of("zmq-sequence-mempool-add.json", "zmq-rawtx-mempool.json",
				"zmq-sequence-rbf-replace.json", "zmq-rawtx-rbf-replacement.json")) {
			for (JsonNode message : ZmqCaptures.messages(name)) {
				node.replay(message);
			}
		}
		await().atMost(WAIT).until(() -> of(ZmqEvent.MempoolAdded.class).size() == 2
				&& of(ZmqEvent.RawTransaction.class).size() == 2);
		assertThat(of(ZmqEvent.MempoolAdded.class)).containsExactly(
				new ZmqEvent.MempoolAdded("b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e", 1),
				new ZmqEvent.MempoolAdded("b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa", 3));
		assertThat(of(ZmqEvent.MempoolRemoved.class)).containsExactly(
				new ZmqEvent.MempoolRemoved("b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e", 2));
		assertThat(of(ZmqEvent.RawTransaction.class)).extracting(ZmqEvent.RawTransaction::txid)
			.containsExactly("b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e",
					"b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa");
	}

	@Test
	void malformedMessagesOnTheWireAreCountedAndTheSubscriberGoesOn() {
		ZmqSubscriber zmq = start("sequence");
		ZmqPublisher node = this.publisher;
		node.publishFrames("sequence", ZmqMessageTests.bytes("sequence"), new byte[33]);
		node.publishFrames("sequence", ZmqMessageTests.bytes("sequence"), new byte[12], new byte[4]);
		await().atMost(WAIT).until(() -> zmq.stats().decodeErrors() == 2);
		node.publishSequence(hash(1), 'C', null);
		await().atMost(WAIT).until(() -> this.events.size() == 1);
		assertThat(this.events).containsExactly(new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, hash(1)));
		assertThat(zmq.isRunning()).isTrue();
		assertThat(zmq.stats().lastMessageTime()).isNotNull();
	}

	@Test
	void closeLeavesNoThread() throws InterruptedException {
		ZmqSubscriber zmq = start("sequence", "rawtx", "hashblock");
		String prefix = zmq.threadName();
		assertThat(threads(prefix)).isNotEmpty().allMatch(Thread::isDaemon);
		zmq.close();
		assertThat(zmq.isRunning()).isFalse();
		assertThat(zmq.awaitTermination(Duration.ofSeconds(1))).isTrue();
		await().atMost(WAIT).until(() -> threads(prefix).isEmpty());
		zmq.close();
		assertThat(zmq.stats().connectedEndpoints()).isZero();
	}

	@Test
	void anUnusableEndpointFailsAtStartAndLeavesNoThread() {
		ZmqOptions options = ZmqOptions.builder().endpoint(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:notaport").build();
		int before = threads("bitcoin-rpc-zmq-").size();
		assertThatIllegalArgumentException().isThrownBy(() -> ZmqSubscriber.start(options, this.events::add))
			.withMessageContaining("tcp://127.0.0.1:notaport");
		await().atMost(WAIT).until(() -> threads("bitcoin-rpc-zmq-").size() <= before);
	}

	/**
	 * A publisher for the topics and a subscriber to it, ready: every socket connected, and every
	 * subscription arrived at the publisher (ZMQ's slow joiner: a SUB socket gets only what is
	 * published after that).
	 */
	private ZmqSubscriber start(String... topics) {
		this.publisher = new ZmqPublisher(List.of(topics));
		ZmqSubscriber zmq = ZmqSubscriber.start(options(this.publisher, topics), this.events::add);
		this.subscriber = zmq;
		await().atMost(WAIT).until(() -> zmq.stats().connectedEndpoints() == topics.length);
		for (String topic : topics) {
			awaitSubscribed(topic);
		}
		return zmq;
	}

	private void awaitSubscribed(String topic) {
		await().atMost(WAIT).until(() -> this.publisher.awaitSubscribed(topic, Duration.ofMillis(50)));
	}

	private <E> List<E> of(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** Options for the publisher's topics, with short timers: jeromq's handshake bug needs a short timeout. */
	static ZmqOptions options(ZmqPublisher publisher, String... topics) {
		ZmqOptions.Builder builder = ZmqOptions.builder()
			.reconnectInterval(Duration.ofMillis(50))
			.handshakeTimeout(Duration.ofMillis(500));
		for (String topic : topics) {
			builder.endpoint(ZmqTopic.fromWireName(topic), publisher.endpoint(topic));
		}
		return builder.build();
	}

	static String hash(long n) {
		return "%064x".formatted(n);
	}

	private static List<Thread> threads(String prefix) {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(prefix))
			.toList();
	}

}
