package org.bitcoinrpc.client.zmq;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.Notification;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Which message becomes which event, using the recorded Core messages where there are some. */
class MessageMappingTests {

	private static final String WALLET_TX = "b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e";

	private static final String BUMPED_TX = "b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa";

	private final FakeChain chain = new FakeChain(3);

	@Test
	void mempoolMessagesOfTheSequenceTopicFromTheCaptures() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		int calls = this.chain.calls();
		for (String name : List.of("zmq-sequence-mempool-add.json", "zmq-sequence-rbf-replace.json")) {
			for (JsonNode message : ZmqCaptures.messages(name)) {
				harness.handler.onFrames(ZmqCaptures.frames(message));
			}
		}
		// A has no amount, so there is no Notification.TxAccepted: only the ZMQ event.
		assertThat(harness.recorder.all()).containsExactly(new ZmqEvent.MempoolAdded(WALLET_TX, 1),
				new ZmqEvent.MempoolRemoved(WALLET_TX, 2), new ZmqEvent.MempoolAdded(BUMPED_TX, 3));
		assertThat(this.chain.calls()).isEqualTo(calls);
		assertThat(harness.stats().messages(ZmqTopic.SEQUENCE)).isEqualTo(3);
		assertThat(harness.stats().gaps()).isZero();
	}

	@Test
	void rawtxFromTheCapturesGivesTxidAndHex() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.RAWTX), null).start();
		JsonNode message = ZmqCaptures.messages("zmq-rawtx-mempool.json").get(0);
		harness.handler.onFrames(ZmqCaptures.frames(message));
		assertThat(harness.recorder.all())
			.containsExactly(new ZmqEvent.RawTransaction(WALLET_TX, message.get("body_hex").asString()));
		// No block topic: no RPC at all.
		assertThat(this.chain.calls()).isZero();
		assertThat(harness.stats().tipHash()).isNull();
	}

	@Test
	void capturedBlockMessagesOfAnEarlierRunAreSequenceGapsOrRestartsNotErrors() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.RAWTX), null).start();
		for (String name : List.of("zmq-rawtx-coinbase-blocks.json", "zmq-rawtx-mempool.json",
				"zmq-rawtx-rbf-replacement.json", "zmq-rawtx-block-with-tx.json", "zmq-rawtx-invalidateblock.json",
				"zmq-rawtx-reconsiderblock.json")) {
			for (JsonNode message : ZmqCaptures.messages(name)) {
				harness.handler.onFrames(ZmqCaptures.frames(message));
			}
		}
		// Seq 1, 2, then 102 to 110 in order: one gap (3 to 101).
		assertThat(harness.recorder.of(ZmqEvent.NotificationGap.class))
			.containsExactly(new ZmqEvent.NotificationGap(ZmqTopic.RAWTX, 3, 102));
		assertThat(harness.recorder.of(ZmqEvent.RawTransaction.class)).hasSize(11);
		assertThat(harness.stats().missedMessages()).isEqualTo(99);
		assertThat(harness.stats().lastMessageTime()).isNotNull();
	}

	@Test
	void hashtxAndRawblock() {
		HandlerHarness harness = new HandlerHarness(this.chain,
				HandlerHarness.options(ZmqTopic.HASHTX, ZmqTopic.RAWBLOCK), null).start();
		harness.hashtx(WALLET_TX);
		byte[] block = new byte[81];
		harness.send(ZmqTopic.RAWBLOCK, block);
		assertThat(harness.recorder.all()).containsExactly(new ZmqEvent.TransactionAnnounced(WALLET_TX),
				new ZmqEvent.RawBlock(Serialization.displayHash(Serialization.doubleSha256(new byte[80])),
						HexFormat.of().formatHex(block)));
	}

	@Test
	void aConsumerThatThrowsDoesNotStopTheOthers() {
		EventRecorder recorder = new EventRecorder();
		EventSinks sinks = new EventSinks((event) -> {
			recorder.block(event);
			throw new IllegalStateException("listener bug");
		}, (event) -> {
			recorder.event(event);
			throw new IllegalStateException("listener bug");
		});
		ZmqOptions options = HandlerHarness.options(ZmqTopic.SEQUENCE);
		ZmqCounters counters = new ZmqCounters(options.endpoints().keySet(), 1);
		ChainFollower follower = new ChainFollower(ZmqTopic.SEQUENCE, this.chain,
				new RpcWaiter(Duration.ofSeconds(5), new CompletableFuture<>()), sinks, counters, options, null);
		MessageHandler handler = new MessageHandler(sinks, counters, follower);
		handler.start();
		List<String> mined = this.chain.mine(2);
		for (String hash : mined) {
			byte[] body = java.util.Arrays.copyOf(HexFormat.of().parseHex(hash), 33);
			body[32] = 'C';
			handler.onFrames(List.of(ZmqMessageTests.bytes("sequence"), body,
					new byte[] { (byte) mined.indexOf(hash), 0, 0, 0 }));
		}
		assertThat(recorder.blocks()).isEqualTo(EventRecorder.connected(mined));
		assertThat(recorder.of(Notification.BlockConnected.class)).hasSize(2);
	}

	@Test
	void malformedMessagesAreCountedNotThrown() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		harness.frames(ZmqMessageTests.bytes("sequence"), new byte[33]);
		harness.frames(ZmqMessageTests.bytes("sequence"), new byte[40], new byte[4]);
		harness.frames();
		assertThat(harness.stats().decodeErrors()).isEqualTo(3);
		assertThat(harness.stats().totalMessages()).isZero();
		assertThat(harness.recorder.all()).isEmpty();
	}

}
