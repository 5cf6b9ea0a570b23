package org.bitcoinrpc.client.zmq;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which message becomes which event, and which ones wake the followers, using the recorded Core
 * messages where there are some.
 */
class MessageMappingTests {

	private static final String WALLET_TX = "b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e";

	private static final String BUMPED_TX = "b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa";

	private static final String BLOCK_1 = "11".repeat(32);

	private static final String BLOCK_2 = "22".repeat(32);

	@Test
	void mempoolMessagesOfTheSequenceTopicFromTheCapturesWakeNobody() {
		HandlerHarness harness = new HandlerHarness(ZmqTopic.SEQUENCE);
		for (String name : List.of("zmq-sequence-mempool-add.json", "zmq-sequence-rbf-replace.json")) {
			for (JsonNode message : ZmqCaptures.messages(name)) {
				harness.handler.onFrames(ZmqCaptures.frames(message));
			}
		}
		// A has no amount, so there is no Notification.TxAccepted: only the ZMQ event.
		assertThat(harness.events).containsExactly(new ZmqEvent.MempoolAdded(WALLET_TX, 1),
				new ZmqEvent.MempoolRemoved(WALLET_TX, 2), new ZmqEvent.MempoolAdded(BUMPED_TX, 3));
		assertThat(harness.wakeUps).hasValue(0);
		assertThat(harness.stats().messages(ZmqTopic.SEQUENCE)).isEqualTo(3);
		assertThat(harness.stats().gaps()).isZero();
	}

	@Test
	void blockMessagesOfTheSequenceTopicAreHintsThatWakeTheFollowers() {
		HandlerHarness harness = new HandlerHarness(ZmqTopic.SEQUENCE);
		harness.connected(BLOCK_1);
		harness.disconnected(BLOCK_1);
		harness.connected(BLOCK_2);
		// Repeats are reported as they come: the follower, not the subscriber, knows what it has.
		harness.connected(BLOCK_2);
		assertThat(harness.events).containsExactly(new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, BLOCK_1),
				new ZmqEvent.BlockRetracted(BLOCK_1), new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, BLOCK_2),
				new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, BLOCK_2));
		assertThat(harness.wakeUps).hasValue(4);
		assertThat(harness.events).allMatch(ZmqEvent::mustBeDelivered);
	}

	@Test
	void withBothBlockTopicsOnlySequenceWakesButHashblockIsStillReported() {
		HandlerHarness harness = new HandlerHarness(ZmqTopic.HASHBLOCK, ZmqTopic.SEQUENCE);
		harness.hashblock(BLOCK_1);
		assertThat(harness.events).containsExactly(new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, BLOCK_1));
		assertThat(harness.wakeUps).hasValue(0);
		harness.connected(BLOCK_1);
		assertThat(harness.wakeUps).hasValue(1);
	}

	@Test
	void hashblockAloneWakesTheFollowers() {
		HandlerHarness harness = new HandlerHarness(ZmqTopic.HASHBLOCK);
		harness.hashblock(BLOCK_1);
		assertThat(harness.events).containsExactly(new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, BLOCK_1));
		assertThat(harness.wakeUps).hasValue(1);
	}

	@Test
	void aGapARestartOrAMalformedMessageOnTheBlockTopicWakesTheFollowers() {
		HandlerHarness harness = new HandlerHarness(ZmqTopic.SEQUENCE, ZmqTopic.HASHTX);
		harness.sequence(WALLET_TX, 'A', 1L);
		assertThat(harness.wakeUps).hasValue(0);
		// Lost: maybe a block. The message that shows it is a mempool one, and still wakes them.
		harness.lose(ZmqTopic.SEQUENCE, 2);
		harness.sequence(BUMPED_TX, 'A', 4L);
		assertThat(harness.events).contains(new ZmqEvent.NotificationGap(ZmqTopic.SEQUENCE, 1, 3));
		assertThat(harness.wakeUps).hasValue(1);
		harness.restartNumbering(ZmqTopic.SEQUENCE);
		harness.sequence(WALLET_TX, 'A', 1L);
		assertThat(harness.wakeUps).hasValue(2);
		harness.frames(ZmqMessageTests.bytes("sequence"), new byte[33]);
		assertThat(harness.wakeUps).hasValue(3);
		assertThat(harness.stats().sequenceResets()).isEqualTo(1);

		// Not on the block topic: reported, counted, nobody woken.
		harness.hashtx(WALLET_TX);
		harness.lose(ZmqTopic.HASHTX, 1);
		harness.hashtx(BUMPED_TX);
		harness.frames(ZmqMessageTests.bytes("hashtx"), new byte[3], new byte[4]);
		assertThat(harness.wakeUps).hasValue(3);
		assertThat(harness.stats().gaps()).isEqualTo(2);
		assertThat(harness.stats().decodeErrors()).isEqualTo(2);
	}

	@Test
	void aConnectionOfTheBlockTopicsSocketWakesTheFollowers() {
		HandlerHarness harness = new HandlerHarness(ZmqTopic.SEQUENCE, ZmqTopic.RAWTX);
		harness.handler.onConnected("tcp://127.0.0.1:28333", false, false);
		assertThat(harness.wakeUps).hasValue(0);
		harness.handler.onConnected("tcp://127.0.0.1:28332", false, true);
		harness.handler.onConnected("tcp://127.0.0.1:28332", true, true);
		assertThat(harness.wakeUps).hasValue(2);
		assertThat(harness.stats().reconnects()).isEqualTo(1);
		assertThat(harness.events).isEmpty();
	}

	@Test
	void rawtxFromTheCapturesGivesTxidAndHex() {
		HandlerHarness harness = new HandlerHarness(ZmqTopic.RAWTX);
		JsonNode message = ZmqCaptures.messages("zmq-rawtx-mempool.json").get(0);
		harness.handler.onFrames(ZmqCaptures.frames(message));
		assertThat(harness.events)
			.containsExactly(new ZmqEvent.RawTransaction(WALLET_TX, message.get("body_hex").asString()));
		assertThat(harness.wakeUps).hasValue(0);
	}

	@Test
	void capturedBlockMessagesOfAnEarlierRunAreSequenceGapsOrRestartsNotErrors() {
		HandlerHarness harness = new HandlerHarness(ZmqTopic.RAWTX);
		for (String name : List.of("zmq-rawtx-coinbase-blocks.json", "zmq-rawtx-mempool.json",
				"zmq-rawtx-rbf-replacement.json", "zmq-rawtx-block-with-tx.json", "zmq-rawtx-invalidateblock.json",
				"zmq-rawtx-reconsiderblock.json")) {
			for (JsonNode message : ZmqCaptures.messages(name)) {
				harness.handler.onFrames(ZmqCaptures.frames(message));
			}
		}
		// Seq 1, 2, then 102 to 110 in order: one gap (3 to 101).
		assertThat(harness.events).filteredOn(ZmqEvent.NotificationGap.class::isInstance)
			.containsExactly(new ZmqEvent.NotificationGap(ZmqTopic.RAWTX, 3, 102));
		assertThat(harness.events).filteredOn(ZmqEvent.RawTransaction.class::isInstance).hasSize(11);
		assertThat(harness.stats().missedMessages()).isEqualTo(99);
		assertThat(harness.stats().lastMessageTime()).isNotNull();
	}

	@Test
	void hashtxAndRawblock() {
		HandlerHarness harness = new HandlerHarness(ZmqTopic.HASHTX, ZmqTopic.RAWBLOCK);
		harness.hashtx(WALLET_TX);
		byte[] block = new byte[81];
		harness.send(ZmqTopic.RAWBLOCK, block);
		assertThat(harness.events).containsExactly(new ZmqEvent.TransactionAnnounced(WALLET_TX),
				new ZmqEvent.RawBlock(org.bitcoinrpc.client.internal.RawBlock.headerHash(new byte[80]),
						HexFormat.of().formatHex(block)));
		// rawblock is never the block topic.
		assertThat(harness.wakeUps).hasValue(0);
	}

	@Test
	void aConsumerThatThrowsDoesNotStopTheNextEventsNorTheWakeUps() {
		List<ZmqEvent> seen = new CopyOnWriteArrayList<>();
		HandlerHarness harness = new HandlerHarness((event) -> {
			seen.add(event);
			throw new IllegalStateException("listener bug");
		}, ZmqTopic.SEQUENCE);
		harness.connected(BLOCK_1);
		harness.connected(BLOCK_2);
		assertThat(seen).containsExactly(new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, BLOCK_1),
				new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, BLOCK_2));
		assertThat(harness.wakeUps).hasValue(2);
	}

	@Test
	void malformedMessagesAreCountedNotThrown() {
		HandlerHarness harness = new HandlerHarness(ZmqTopic.SEQUENCE);
		harness.frames(ZmqMessageTests.bytes("sequence"), new byte[33]);
		harness.frames(ZmqMessageTests.bytes("sequence"), new byte[40], new byte[4]);
		harness.frames();
		assertThat(harness.stats().decodeErrors()).isEqualTo(3);
		assertThat(harness.stats().totalMessages()).isZero();
		assertThat(harness.events).isEmpty();
	}

}
