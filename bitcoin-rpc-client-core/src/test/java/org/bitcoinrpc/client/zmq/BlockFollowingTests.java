package org.bitcoinrpc.client.zmq;

import java.util.ArrayList;
import java.util.List;

import org.bitcoinrpc.client.Notification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bitcoinrpc.client.zmq.EventRecorder.connected;
import static org.bitcoinrpc.client.zmq.EventRecorder.disconnected;

/**
 * Block events from ZMQ messages, driven step by step against an in-memory chain: exactly once, in
 * order, through loss, repeats, reorgs and RPC failures; and what each message costs in RPC calls.
 */
class BlockFollowingTests {

	private final FakeChain chain = new FakeChain(10);

	@Test
	void startsAtTheNodesTipWithoutDeliveringIt() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		assertThat(harness.recorder.all()).isEmpty();
		assertThat(harness.stats().tipHash()).isEqualTo(this.chain.best());
		assertThat(harness.stats().tipHeight()).isEqualTo(10);
		assertThat(harness.stats().catchUps()).isEqualTo(1);
		assertThat(this.chain.calls()).isEqualTo(2);
	}

	@Test
	void aConnectedBlockCostsOneHeaderCallAndARepeatNone() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		String block = this.chain.mine();
		int before = this.chain.calls();
		harness.connected(block);
		assertThat(harness.recorder.all()).containsExactly(
				new Notification.BlockConnected(block, 11, this.chain.time(block)));
		assertThat(this.chain.headerCalls() + this.chain.bestCalls() - before).isEqualTo(1);
		harness.connected(block);
		assertThat(harness.recorder.all()).hasSize(1);
		assertThat(this.chain.calls() - before).isEqualTo(1);
		assertThat(harness.stats().duplicateBlocks()).isEqualTo(1);
		// The tip itself, announced after start, is not delivered either.
		harness.connected(this.chain.bestChainFrom(10).get(0));
		assertThat(harness.recorder.all()).hasSize(1);
	}

	@Test
	void aDroppedHashblockIsAGapAndTheMissedBlockStillArrivesOnce() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.HASHBLOCK), null).start();
		String first = this.chain.mine();
		harness.hashblock(first);
		String missed = this.chain.mine();
		harness.lose(ZmqTopic.HASHBLOCK, 1);
		String third = this.chain.mine();
		harness.hashblock(third);

		assertThat(harness.recorder.all()).containsExactly(
				new Notification.BlockConnected(first, 11, this.chain.time(first)),
				new ZmqEvent.NotificationGap(ZmqTopic.HASHBLOCK, 1, 2),
				new Notification.BlockConnected(missed, 12, this.chain.time(missed)),
				new Notification.BlockConnected(third, 13, this.chain.time(third)));
		// The late message for the missed block changes nothing.
		harness.hashblock(missed);
		assertThat(harness.recorder.blocks()).isEqualTo(connected(List.of(first, missed, third)));
		assertThat(harness.stats().gaps()).isEqualTo(1);
		assertThat(harness.stats().missedMessages()).isEqualTo(1);
	}

	@Test
	void aReorgOnTheSequenceTopicIsReportedInOrderWithoutRpcForDisconnects() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		List<String> abandoned = this.chain.mine(2);
		abandoned.forEach(harness::connected);
		List<String> replacement = this.chain.reorg(2, 3);
		int before = this.chain.calls();
		harness.disconnected(abandoned.get(1));
		harness.disconnected(abandoned.get(0));
		assertThat(this.chain.calls()).isEqualTo(before);
		replacement.forEach(harness::connected);

		List<String> expected = new ArrayList<>(connected(abandoned));
		expected.addAll(disconnected(List.of(abandoned.get(1), abandoned.get(0))));
		expected.addAll(connected(replacement));
		assertThat(harness.recorder.blocks()).isEqualTo(expected);
		assertThat(harness.recorder.of(Notification.BlockDisconnected.class))
			.extracting(Notification.BlockDisconnected::height).containsExactly(12L, 11L);
		assertThat(harness.recorder.of(Notification.BlockConnected.class))
			.extracting(Notification.BlockConnected::height).containsExactly(11L, 12L, 11L, 12L, 13L);
		assertThat(this.chain.calls() - before).isEqualTo(3);
		assertThat(harness.stats().tipHash()).isEqualTo(this.chain.best());
	}

	@Test
	void disconnectingTheStartingPointLooksUpItsParentOnce() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		List<String> abandoned = this.chain.bestChainFrom(9);
		this.chain.reorg(2, 3);
		int before = this.chain.calls();
		harness.disconnected(abandoned.get(1));
		harness.disconnected(abandoned.get(0));
		assertThat(harness.recorder.blocks()).isEqualTo(disconnected(List.of(abandoned.get(1), abandoned.get(0))));
		assertThat(this.chain.calls() - before).isEqualTo(2);
	}

	@Test
	void aReorgSeenOnlyThroughHashblockIsFoundOverRpc() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.HASHBLOCK), null).start();
		List<String> abandoned = this.chain.bestChainFrom(8);
		List<String> replacement = this.chain.reorg(3, 4);
		// Core announces only the new tip after a reorg.
		harness.hashblock(replacement.get(3));

		List<String> expected = new ArrayList<>(disconnected(List.of(abandoned.get(2), abandoned.get(1), abandoned.get(0))));
		expected.addAll(connected(replacement));
		assertThat(harness.recorder.blocks()).isEqualTo(expected);
		assertThat(harness.recorder.of(ZmqEvent.NotificationGap.class)).isEmpty();
	}

	@Test
	void catchUpAfterAGapWalksToTheTipInOrderWithoutDuplicates() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		List<String> all = new ArrayList<>();
		all.add(this.chain.mine());
		harness.connected(all.get(0));
		List<String> mined = this.chain.mine(5);
		all.addAll(mined);
		harness.lose(ZmqTopic.SEQUENCE, 4);
		harness.connected(mined.get(4));
		// Late and repeated announcements after the catch-up.
		harness.connected(mined.get(1));
		harness.connected(mined.get(4));
		String next = this.chain.mine();
		all.add(next);
		harness.connected(next);

		assertThat(harness.recorder.blocks()).isEqualTo(connected(all));
		assertThat(harness.recorder.of(ZmqEvent.NotificationGap.class))
			.containsExactly(new ZmqEvent.NotificationGap(ZmqTopic.SEQUENCE, 1, 5));
		assertThat(harness.recorder.of(ZmqEvent.NotificationGap.class).get(0).missed()).isEqualTo(4);
		assertThat(harness.recorder.of(Notification.BlockConnected.class))
			.extracting(Notification.BlockConnected::height).containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L);
		assertThat(harness.stats().duplicateBlocks()).isEqualTo(3);
	}

	@Test
	void aBlockAlreadyOffTheBestChainIsNotDelivered() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.HASHBLOCK), null).start();
		String stale = this.chain.mine();
		List<String> replacement = this.chain.reorg(1, 2);
		// The announcement arrives after the node already moved to another branch.
		harness.hashblock(stale);
		assertThat(harness.recorder.blocks()).isEqualTo(connected(replacement));
	}

	@Test
	void aBlockWhoseParentWasNeverAnnouncedTriggersACatchUp() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.HASHBLOCK), null).start();
		List<String> mined = this.chain.mine(3);
		// No gap in the numbers (the publisher never sent them), yet the parent is unknown.
		harness.hashblock(mined.get(2));
		assertThat(harness.recorder.blocks()).isEqualTo(connected(mined));
	}

	@Test
	void invalidateblockAndReconsiderblockAsCoreReportsThem() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		String tip = this.chain.invalidateTip();
		harness.disconnected(tip);
		harness.sequence("b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa", 'A', 5L);
		// reconsiderblock: the same block comes back.
		this.chain.reconsider(tip);
		harness.connected(tip);

		assertThat(harness.recorder.all()).containsExactly(
				new Notification.BlockDisconnected(tip, 10, this.chain.time(tip)),
				new ZmqEvent.MempoolAdded("b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa", 5),
				new Notification.BlockConnected(tip, 10, this.chain.time(tip)));
	}

	@Test
	void aTipThatWentBackWithoutAnyMessageIsFoundByTheNextCatchUp() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.HASHBLOCK), null).start();
		String tip = this.chain.invalidateTip();
		// hashblock says nothing on invalidateblock; a reconnect makes the subscriber look.
		harness.handler.onConnected("tcp://127.0.0.1:28332", true);
		harness.handler.idle(System.nanoTime());
		assertThat(harness.recorder.blocks()).containsExactly("-" + tip);
		assertThat(harness.stats().reconnects()).isEqualTo(1);
	}

	@Test
	void aForkOlderThanTheRememberedBlocksIsFoundByWalkingBack() {
		ZmqOptions options = HandlerHarness.options(ZmqTopic.SEQUENCE).mutate().recentBlocks(2).build();
		HandlerHarness harness = new HandlerHarness(this.chain, options, null).start();
		List<String> before = this.chain.bestChainFrom(9);
		List<String> mined = this.chain.mine(3);
		mined.forEach(harness::connected);
		// Fork below height 9, while only the 2 latest blocks (12, 13) are remembered.
		List<String> replacement = this.chain.reorg(5, 6);
		harness.lose(ZmqTopic.SEQUENCE, 11);
		harness.connected(replacement.get(5));

		List<String> expected = new ArrayList<>(connected(mined));
		expected.addAll(disconnected(List.of(mined.get(2), mined.get(1), mined.get(0), before.get(1), before.get(0))));
		expected.addAll(connected(replacement));
		assertThat(harness.recorder.blocks()).isEqualTo(expected);
		assertThat(harness.recorder.of(Notification.BlockDisconnected.class))
			.extracting(Notification.BlockDisconnected::height).containsExactly(13L, 12L, 11L, 10L, 9L);
		assertThat(harness.recorder.of(Notification.BlockConnected.class).subList(3, 9))
			.extracting(Notification.BlockConnected::height).containsExactly(9L, 10L, 11L, 12L, 13L, 14L);
	}

	@Test
	void resumingAfterAKnownBlockDeliversEverythingAfterIt() {
		String resumeAfter = this.chain.bestChainFrom(7).get(0);
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), resumeAfter)
			.start();
		assertThat(harness.recorder.blocks()).isEqualTo(connected(this.chain.bestChainFrom(8)));
	}

	@Test
	void resumingAfterABlockThatLeftTheChainReportsItDisconnectedFirst() {
		String resumeAfter = this.chain.best();
		List<String> replacement = this.chain.reorg(1, 2);
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), resumeAfter)
			.start();
		List<String> expected = new ArrayList<>(List.of("-" + resumeAfter));
		expected.addAll(connected(replacement));
		assertThat(harness.recorder.blocks()).isEqualTo(expected);
	}

	@Test
	void rpcFailuresAreRetriedAndNothingIsLost() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		this.chain.failing(true);
		List<String> mined = this.chain.mine(2);
		harness.connected(mined.get(0));
		assertThat(harness.recorder.all()).isEmpty();
		assertThat(harness.stats().failedCatchUps()).isEqualTo(1);
		// Not due yet: the retry waits for the interval (or the next block message).
		harness.handler.idle(System.nanoTime());
		assertThat(harness.stats().failedCatchUps()).isEqualTo(1);

		this.chain.failing(false);
		harness.handler.idle(System.nanoTime() + ZmqOptions.DEFAULT_CATCH_UP_RETRY_INTERVAL.toNanos() + 1);
		assertThat(harness.recorder.blocks()).isEqualTo(connected(mined));
		harness.connected(mined.get(1));
		assertThat(harness.recorder.blocks()).isEqualTo(connected(mined));
	}

	@Test
	void aFailedStartIsRetriedByTheNextBlockMessage() {
		this.chain.failing(true);
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		assertThat(harness.stats().tipHash()).isNull();
		this.chain.failing(false);
		String block = this.chain.mine();
		harness.connected(block);
		// The start point is the tip when the node answers: that block.
		assertThat(harness.recorder.all()).isEmpty();
		assertThat(harness.stats().tipHash()).isEqualTo(block);
	}

	@Test
	void aCatchUpTooLongIsAbandonedAndSaysSo() {
		ZmqOptions options = HandlerHarness.options(ZmqTopic.SEQUENCE).mutate().maxCatchUpBlocks(3).build();
		HandlerHarness harness = new HandlerHarness(this.chain, options, null).start();
		String from = this.chain.best();
		List<String> mined = this.chain.mine(5);
		harness.connected(from);
		harness.lose(ZmqTopic.SEQUENCE, 4);
		harness.connected(mined.get(4));
		assertThat(harness.recorder.of(ZmqEvent.CatchUpAbandoned.class)).containsExactly(
				new ZmqEvent.CatchUpAbandoned(ZmqTopic.SEQUENCE, from, 10, mined.get(4), 15));
		assertThat(harness.recorder.blocks()).isEmpty();
		String next = this.chain.mine();
		harness.connected(next);
		assertThat(harness.recorder.blocks()).containsExactly("+" + next);
	}

	@Test
	void aRestartedNodeIsNotAGapButTriggersACatchUp() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.SEQUENCE), null).start();
		harness.lose(ZmqTopic.SEQUENCE, 100);
		harness.connected(this.chain.mine());
		List<String> mined = this.chain.mine(2);
		harness.restartNumbering(ZmqTopic.SEQUENCE);
		harness.connected(mined.get(1));
		assertThat(harness.stats().sequenceResets()).isEqualTo(1);
		assertThat(harness.recorder.of(ZmqEvent.NotificationGap.class)).hasSize(0);
		assertThat(harness.recorder.blocks()).hasSize(3).endsWith("+" + mined.get(0), "+" + mined.get(1));
	}

	@Test
	void withBothBlockTopicsBlocksComeFromSequenceOnly() {
		HandlerHarness harness = new HandlerHarness(this.chain,
				HandlerHarness.options(ZmqTopic.HASHBLOCK, ZmqTopic.SEQUENCE), null).start();
		String block = this.chain.mine();
		harness.hashblock(block);
		assertThat(harness.recorder.all()).isEmpty();
		harness.connected(block);
		harness.hashblock(this.chain.mine());
		assertThat(harness.recorder.blocks()).containsExactly("+" + block);
		assertThat(harness.stats().messages(ZmqTopic.HASHBLOCK)).isEqualTo(2);
	}

	@Test
	void aMalformedBlockMessageIsCountedAndCaughtUpOn() {
		HandlerHarness harness = new HandlerHarness(this.chain, HandlerHarness.options(ZmqTopic.HASHBLOCK), null).start();
		String first = this.chain.mine();
		harness.hashblock(first);
		String second = this.chain.mine();
		harness.frames(ZmqMessageTests.bytes("hashblock"), new byte[31], new byte[] { 1, 0, 0, 0 });
		assertThat(harness.stats().decodeErrors()).isEqualTo(1);
		harness.handler.idle(System.nanoTime());
		assertThat(harness.recorder.blocks()).containsExactly("+" + first, "+" + second);
		// Its number was not trusted: the next message shows the loss.
		String third = this.chain.mine();
		harness.lose(ZmqTopic.HASHBLOCK, 1);
		harness.hashblock(third);
		assertThat(harness.recorder.blocks()).containsExactly("+" + first, "+" + second, "+" + third);
		assertThat(harness.recorder.of(ZmqEvent.NotificationGap.class)).hasSize(1);
	}

}
