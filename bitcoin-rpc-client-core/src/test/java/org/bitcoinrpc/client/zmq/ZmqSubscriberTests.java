package org.bitcoinrpc.client.zmq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bitcoinrpc.test.zmq.ZmqPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;
import static org.bitcoinrpc.client.zmq.EventRecorder.connected;
import static org.bitcoinrpc.client.zmq.EventRecorder.disconnected;

/**
 * The subscriber end to end: real ZMQ sockets on 127.0.0.1 against {@link ZmqPublisher}, which
 * speaks Core's wire format, and an in-memory chain standing in for the node's RPC.
 */
class ZmqSubscriberTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final FakeChain chain = new FakeChain(5);

	private final EventRecorder recorder = new EventRecorder();

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
	void aDroppedHashblockIsReportedAsAGapAndTheBlockStillArrivesOnce() {
		ZmqSubscriber zmq = start("hashblock");
		ZmqPublisher node = this.publisher;
		String first = this.chain.mine();
		long seq = node.nextSequence("hashblock");
		node.publishHashBlock(first);
		String missed = this.chain.mine();
		node.drop("hashblock");
		node.publishHashBlock(missed);
		String third = this.chain.mine();
		node.publishHashBlock(third);

		assertThat(this.recorder.awaitBlocks(3)).isEqualTo(connected(List.of(first, missed, third)));
		assertThat(this.recorder.of(ZmqEvent.NotificationGap.class))
			.containsExactly(new ZmqEvent.NotificationGap(ZmqTopic.HASHBLOCK, seq + 1, seq + 2));
		// The lost message turns up late: not delivered again.
		long duplicates = zmq.stats().duplicateBlocks();
		node.publishHashBlock(missed);
		await().atMost(WAIT).until(() -> zmq.stats().duplicateBlocks() > duplicates);
		assertThat(this.recorder.blocks()).hasSize(3);
		assertThat(zmq.stats().gaps()).isEqualTo(1);
	}

	@Test
	void aReorgIsReportedInOrder() {
		start("sequence");
		ZmqPublisher node = this.publisher;
		List<String> abandoned = this.chain.mine(2);
		abandoned.forEach((hash) -> node.publishSequence(hash, 'C', null));
		this.recorder.awaitBlocks(2);
		List<String> replacement = this.chain.reorg(2, 3);
		node.publishSequence(abandoned.get(1), 'D', null);
		node.publishSequence(abandoned.get(0), 'D', null);
		replacement.forEach((hash) -> node.publishSequence(hash, 'C', null));

		List<String> expected = new ArrayList<>(connected(abandoned));
		expected.addAll(disconnected(List.of(abandoned.get(1), abandoned.get(0))));
		expected.addAll(connected(replacement));
		assertThat(this.recorder.awaitBlocks(7)).isEqualTo(expected);
		assertThat(this.recorder.of(ZmqEvent.NotificationGap.class)).isEmpty();
	}

	@Test
	void catchUpAfterAGapWalksToTheTipInOrderWithoutDuplicates() {
		ZmqSubscriber zmq = start("sequence");
		ZmqPublisher node = this.publisher;
		List<String> mined = this.chain.mine(4);
		node.skip("sequence", 3);
		node.publishSequence(mined.get(3), 'C', null);
		assertThat(this.recorder.awaitBlocks(4)).isEqualTo(connected(mined));
		assertThat(this.recorder.of(ZmqEvent.NotificationGap.class)).singleElement()
			.satisfies((gap) -> assertThat(gap.missed()).isEqualTo(3));

		long duplicates = zmq.stats().duplicateBlocks();
		node.publishSequence(mined.get(1), 'C', null);
		node.publishSequence(mined.get(2), 'C', null);
		String next = this.chain.mine();
		node.publishSequence(next, 'C', null);
		this.recorder.awaitBlocks(5);
		await().atMost(WAIT).until(() -> zmq.stats().duplicateBlocks() >= duplicates + 2);
		List<String> all = new ArrayList<>(mined);
		all.add(next);
		assertThat(this.recorder.blocks()).isEqualTo(connected(all));
	}

	@Test
	void reconnectsAfterThePublisherRestartsOnTheSamePortsAndCatchesUp() {
		ZmqSubscriber zmq = start("sequence");
		ZmqPublisher node = this.publisher;
		String before = this.chain.mine();
		node.publishSequence(before, 'C', null);
		this.recorder.awaitBlocks(1);

		node.stop();
		await().atMost(WAIT).until(() -> zmq.stats().connectedEndpoints() == 0);
		List<String> missed = this.chain.mine(2);
		// Published while the subscriber is cut off: lost, but the numbers move on.
		missed.forEach((hash) -> node.publishSequence(hash, 'C', null));
		node.start();

		// Back on the same port: the reconnect alone makes the subscriber catch up.
		List<String> expected = new ArrayList<>(List.of(before));
		expected.addAll(missed);
		assertThat(this.recorder.awaitBlocks(3)).isEqualTo(connected(expected));
		assertThat(zmq.stats().reconnects()).isGreaterThanOrEqualTo(1);

		awaitSubscribed("sequence");
		String after = this.chain.mine();
		node.publishSequence(after, 'C', null);
		expected.add(after);
		assertThat(this.recorder.awaitBlocks(4)).isEqualTo(connected(expected));
		assertThat(this.recorder.of(ZmqEvent.NotificationGap.class)).isNotEmpty()
			.allSatisfy((gap) -> assertThat(gap.topic()).isEqualTo(ZmqTopic.SEQUENCE));
	}

	@Test
	void aRestartedNodeCountsFromZeroAgainWithoutAGap() {
		ZmqSubscriber zmq = start("sequence");
		ZmqPublisher node = this.publisher;
		for (long i = 1; i <= 5; i++) {
			node.publishSequence("%064x".formatted(i), 'A', i);
		}
		this.recorder.await(ZmqEvent.MempoolAdded.class, 5);
		node.stop();
		node.resetSequences();
		String mined = this.chain.mine();
		node.start();
		this.recorder.awaitBlocks(1);
		awaitSubscribed("sequence");
		String next = this.chain.mine();
		node.publishSequence(next, 'C', null);
		assertThat(this.recorder.awaitBlocks(2)).isEqualTo(connected(List.of(mined, next)));
		await().atMost(WAIT).until(() -> zmq.stats().sequenceResets() == 1);
		assertThat(this.recorder.of(ZmqEvent.NotificationGap.class)).isEmpty();
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
		this.recorder.await(ZmqEvent.MempoolAdded.class, 2);
		this.recorder.await(ZmqEvent.RawTransaction.class, 2);
		assertThat(this.recorder.of(ZmqEvent.MempoolAdded.class)).containsExactly(
				new ZmqEvent.MempoolAdded("b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e", 1),
				new ZmqEvent.MempoolAdded("b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa", 3));
		assertThat(this.recorder.of(ZmqEvent.MempoolRemoved.class)).containsExactly(
				new ZmqEvent.MempoolRemoved("b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e", 2));
		assertThat(this.recorder.of(ZmqEvent.RawTransaction.class)).extracting(ZmqEvent.RawTransaction::txid)
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
		String block = this.chain.mine();
		node.publishSequence(block, 'C', null);
		assertThat(this.recorder.awaitBlocks(1)).containsExactly("+" + block);
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
	void closeDoesNotWaitForAHangingNode() {
		this.chain.hanging(true);
		this.publisher = new ZmqPublisher(List.of("sequence"));
		ZmqSubscriber zmq = ZmqSubscriber.start(options("sequence"), this.chain, this.recorder::block,
				this.recorder::event);
		this.subscriber = zmq;
		await().atMost(WAIT).until(() -> this.chain.bestCalls() > 0);
		long started = System.nanoTime();
		zmq.close();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		await().atMost(WAIT).until(() -> threads(zmq.threadName()).isEmpty());
	}

	@Test
	void anUnusableEndpointFailsAtStartAndLeavesNoThread() {
		ZmqOptions options = ZmqOptions.builder().endpoint(ZmqTopic.SEQUENCE, "tcp://127.0.0.1:notaport").build();
		int before = threads("bitcoin-rpc-zmq-").size();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZmqSubscriber.start(options, this.chain, this.recorder::block, this.recorder::event))
			.withMessageContaining("tcp://127.0.0.1:notaport");
		await().atMost(WAIT).until(() -> threads("bitcoin-rpc-zmq-").size() <= before);
	}

	/** A publisher for the topics and a subscriber to it, ready: start-up catch-up done, probe received. */
	private ZmqSubscriber start(String... topics) {
		this.publisher = new ZmqPublisher(List.of(topics));
		ZmqSubscriber zmq = ZmqSubscriber.start(options(topics), this.chain, this.recorder::block,
				this.recorder::event);
		this.subscriber = zmq;
		await().atMost(WAIT).until(() -> zmq.stats().connectedEndpoints() == topics.length);
		if (zmq.options().blockTopic() != null) {
			await().atMost(WAIT).until(() -> zmq.stats().tipHash() != null);
		}
		for (String topic : topics) {
			awaitSubscribed(topic);
		}
		probe(zmq);
		return zmq;
	}

	/**
	 * ZMQ's slow joiner: a SUB socket gets only what is published after its subscription arrived.
	 * Announce the tip again (a block already known, so no event) and wait until it is received.
	 */
	private void probe(ZmqSubscriber zmq) {
		ZmqTopic blockTopic = zmq.options().blockTopic();
		if (blockTopic == null) {
			return;
		}
		long received = zmq.stats().messages(blockTopic);
		if (blockTopic == ZmqTopic.SEQUENCE) {
			this.publisher.publishSequence(this.chain.best(), 'C', null);
		}
		else {
			this.publisher.publishHashBlock(this.chain.best());
		}
		await().atMost(WAIT).until(() -> zmq.stats().messages(blockTopic) > received);
		assertThat(this.recorder.all()).isEmpty();
	}

	private void awaitSubscribed(String topic) {
		await().atMost(WAIT).until(() -> this.publisher.awaitSubscribed(topic, Duration.ofMillis(50)));
	}

	private ZmqOptions options(String... topics) {
		ZmqOptions.Builder builder = ZmqOptions.builder()
			.reconnectInterval(Duration.ofMillis(50))
			.handshakeTimeout(Duration.ofMillis(500))
			.catchUpRetryInterval(Duration.ofMillis(200))
			.rpcTimeout(Duration.ofSeconds(10));
		for (String topic : topics) {
			builder.endpoint(ZmqTopic.fromWireName(topic), this.publisher.endpoint(topic));
		}
		return builder.build();
	}

	private static List<Thread> threads(String prefix) {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(prefix))
			.toList();
	}

}
