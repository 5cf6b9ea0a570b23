package org.bitcoinrpc.client.follow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A follower delivers every block of the best chain once, in order, from either transport:
 * blocks mined while the client was disconnected, after a restart of the follower, and through
 * handler failures.
 */
class ChainFollowerTests {

	private SimulatedNode node;

	private final List<AutoCloseable> closing = new ArrayList<>();

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(10).build().start();
	}

	@AfterEach
	void close() throws Exception {
		for (int i = this.closing.size() - 1; i >= 0; i--) {
			this.closing.get(i).close();
		}
		this.node.close();
	}

	private <T extends AutoCloseable> T closing(T resource) {
		this.closing.add(resource);
		return resource;
	}

	private BitcoinRpcClient client(String transport) {
		String url = transport.equals("ws") ? this.node.wsUrl() : this.node.httpUrl();
		BitcoinRpcClient client = closing(BitcoinRpcClient.create(ClientOptions.builder().url(url)
			.credentials("user", "pass").reconnectDelay(Delay.constant(Duration.ofMillis(50))).build()));
		client.connect();
		return client;
	}

	private ChainFollower.Builder follower(BitcoinRpcClient client, Recorder recorder) {
		return ChainFollower.builder(client).handler(recorder).pollInterval(Duration.ofMillis(100));
	}

	/** The node's best chain from {@code from} to its tip, as the changes a follower should deliver. */
	private List<String> connects(int from) {
		List<String> expected = new ArrayList<>();
		for (int height = from; height <= this.node.blockCount(); height++) {
			expected.add("+" + height + " " + this.node.blockHash(height));
		}
		return expected;
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void blocksMinedWhileTheClientIsDisconnectedAreDeliveredOnceInOrder(String transport) {
		BitcoinRpcClient client = client(transport);
		Recorder recorder = new Recorder();
		ChainFollower follower = closing(follower(client, recorder).start());
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);
		assertThat(follower.cursor().height()).isEqualTo(10);

		this.node.generate(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 2);
		client.suspend();
		this.node.generate(3);
		client.connect();
		this.node.generate(1);

		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 6);
		assertThat(recorder.changes()).containsExactlyElementsOf(connects(11));
		assertThat(follower.cursor().height()).isEqualTo(16);
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(recorder.changes()).as("nothing twice").hasSize(6);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void aFollowerStartedAgainWithTheSameStoreResumesWhereItStopped(String transport) {
		BitcoinRpcClient client = client(transport);
		CursorStore store = CursorStore.inMemory();
		Recorder first = new Recorder();
		ChainFollower follower = follower(client, first).name("restart").store(store).start();
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);
		this.node.generate(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> first.changes().size() == 2);
		assertThat(follower.isActive()).as("a store without leases: always active").isTrue();
		follower.close();
		assertThat(follower.isRunning()).isFalse();
		assertThat(follower.isActive()).isFalse();

		this.node.generate(5);
		Recorder second = new Recorder();
		ChainFollower again = closing(follower(client, second).name("restart").store(store).start());

		await().atMost(Duration.ofSeconds(10)).until(() -> second.changes().size() == 5);
		assertThat(first.changes()).containsExactlyElementsOf(connects(11).subList(0, 2));
		assertThat(second.changes()).containsExactlyElementsOf(connects(13));
		assertThat(again.cursor().height()).isEqualTo(17);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void aFailingHandlerGetsTheSameBlockAgainAndNothingAfterItFirst(String transport) {
		BitcoinRpcClient client = client(transport);
		AtomicInteger failures = new AtomicInteger(3);
		Recorder recorder = new Recorder((change) -> change.height() == 12 && failures.getAndDecrement() > 0);
		List<FollowerEvent> events = new CopyOnWriteArrayList<>();
		ChainFollower follower = closing(follower(client, recorder).events(events::add)
			.failurePolicy(FailurePolicy.retry(Delay.constant(Duration.ofMillis(20)))).start());
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);

		this.node.generate(4);

		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 4);
		assertThat(recorder.changes()).containsExactlyElementsOf(connects(11));
		assertThat(recorder.attempts()).containsExactly(11L, 12L, 12L, 12L, 12L, 13L, 14L);
		assertThat(events).filteredOn(FollowerEvent.HandlerFailed.class::isInstance).hasSize(3)
			.allSatisfy((event) -> assertThat(((FollowerEvent.HandlerFailed) event).willRetry()).isTrue());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void theStopPolicyStopsBeforeTheFailedBlockAndTheSkipPolicyMovesPastItWithAnEvent(String transport) {
		BitcoinRpcClient client = client(transport);
		CursorStore store = CursorStore.inMemory();
		Recorder stopping = new Recorder((change) -> change.height() == 12);
		ChainFollower stopped = follower(client, stopping).store(store).failurePolicy(FailurePolicy.stop()).start();
		await().atMost(Duration.ofSeconds(10)).until(() -> stopped.cursor() != null);
		this.node.generate(3);
		await().atMost(Duration.ofSeconds(10)).until(() -> !stopped.isRunning());
		assertThat(stopping.changes()).containsExactlyElementsOf(connects(11).subList(0, 1));
		assertThat(store.load("default")).get().extracting(Cursor::height).isEqualTo(11L);

		Recorder skipping = new Recorder((change) -> change.height() == 12);
		List<FollowerEvent> events = new CopyOnWriteArrayList<>();
		ChainFollower skipper = closing(follower(client, skipping).store(store).events(events::add)
			.failurePolicy(FailurePolicy.skip()).start());
		await().atMost(Duration.ofSeconds(10)).until(() -> skipper.cursor() != null && skipper.cursor().height() == 13);
		assertThat(skipping.changes()).containsExactlyElementsOf(connects(13));
		assertThat(events).filteredOn(FollowerEvent.BlockSkipped.class::isInstance).singleElement()
			.satisfies((event) -> assertThat(((FollowerEvent.BlockSkipped) event).change().height()).isEqualTo(12));
	}

	@org.junit.jupiter.api.Test
	void overAWebsocketBlockNotificationsAndReconnectsWakeTheFollowerWithoutPolling() {
		BitcoinRpcClient client = client("ws");
		Recorder recorder = new Recorder();
		// Polling an hour apart: whatever arrives sooner came through a wake-up.
		ChainFollower follower = closing(ChainFollower.builder(client).handler(recorder).pollInterval(Duration.ofHours(1))
			.start());
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.node.subscriptionCounts().get("notifyblocks") == 1);

		this.node.generate(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 1);
		// Subscribed once, and it knows it: a wake-up does not subscribe again.
		assertThat(this.node.requestCount("notifyblocks")).isEqualTo(1);
		this.node.restart();
		this.node.generate(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 3);

		assertThat(recorder.changes()).containsExactlyElementsOf(connects(11));
	}

	/** The changes a reorg of the top {@code depth} blocks gives: old blocks newest first, then the new branch. */
	private List<String> reorgChanges(List<String> oldHashes, int oldTip, int depth) {
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < depth; i++) {
			expected.add("-" + (oldTip - i) + " " + oldHashes.get(oldHashes.size() - 1 - i));
		}
		expected.addAll(connects(oldTip - depth + 1));
		return expected;
	}

	private List<String> hashes(int from, int to) {
		List<String> hashes = new ArrayList<>();
		for (int height = from; height <= to; height++) {
			hashes.add(this.node.blockHash(height));
		}
		return hashes;
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void aReorgOfDepthThreeWhileDisconnectedGivesThreeDisconnectsThenTheNewBlocks(String transport) {
		BitcoinRpcClient client = client(transport);
		Recorder recorder = new Recorder();
		ChainFollower follower = closing(follower(client, recorder).start());
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);
		this.node.generate(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 2);
		List<String> old = hashes(1, 12);

		client.suspend();
		this.node.reorg(3);
		client.connect();

		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 2 + 7);
		assertThat(recorder.changes().subList(2, 9)).containsExactlyElementsOf(reorgChanges(old, 12, 3));
		assertThat(follower.cursor().hash()).isEqualTo(this.node.bestBlockHash());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void aReorgWhileConnectedIsDeliveredInOrder(String transport) {
		BitcoinRpcClient client = client(transport);
		Recorder recorder = new Recorder();
		ChainFollower follower = closing(follower(client, recorder).start());
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);
		List<String> old = hashes(1, 10);

		this.node.reorg(2);

		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 5);
		assertThat(recorder.changes()).containsExactlyElementsOf(reorgChanges(old, 10, 2));
	}

	@ParameterizedTest
	@ValueSource(strings = { "file", "jdbc" })
	void anAppRestartAfterFiftyBlocksAndAReorgOfTwoDeliversExactlyTheUnwindsAndTheFifty(String storeKind,
			@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
		CursorStore store = storeKind.equals("file") ? CursorStore.files(dir)
				: CursorStore.jdbc(TestDatabases.h2("restart" + System.nanoTime()));
		BitcoinRpcClient client = client("http");
		Recorder first = new Recorder();
		ChainFollower follower = follower(client, first).name("app").store(store).start();
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);
		this.node.generate(5);
		await().atMost(Duration.ofSeconds(10)).until(() -> first.changes().size() == 5);
		follower.close();
		List<String> old = hashes(1, 15);

		this.node.reorg(2);
		this.node.generate(47);
		// A new process: a new client, a new store object on the same file or table.
		BitcoinRpcClient restarted = client("http");
		CursorStore reopened = storeKind.equals("file") ? CursorStore.files(dir) : store;
		Recorder second = new Recorder();
		closing(follower(restarted, second).name("app").store(reopened).start());

		await().atMost(Duration.ofSeconds(20)).until(() -> second.changes().size() == 52);
		assertThat(second.changes()).containsExactlyElementsOf(reorgChanges(old, 15, 2).subList(0, 2).stream()
			.collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), (unwinds) -> {
				List<String> all = new ArrayList<>(unwinds);
				all.addAll(connects(14));
				return all;
			})));
		assertThat(this.node.blockCount()).isEqualTo(63);
	}

	@org.junit.jupiter.api.Test
	void aCursorFromAnotherNodeStopsTheFollowerSayingWhyInsteadOfRetryingForEver() throws Exception {
		BitcoinRpcClient client = client("http");
		CursorStore store = CursorStore.inMemory();
		// A cursor written against another node (or network): neither the block nor its parent exist here.
		store.advance("elsewhere", new Cursor("ab".repeat(32), 5, 1_700_000_000L, "cd".repeat(32)), () -> {
		});
		Recorder recorder = new Recorder();
		List<FollowerEvent> events = new CopyOnWriteArrayList<>();
		ChainFollower follower = closing(follower(client, recorder).name("elsewhere").store(store).events(events::add).start());

		await().atMost(Duration.ofSeconds(10)).until(() -> !follower.isRunning());
		assertThat(recorder.attempts()).isEmpty();
		assertThat(events).filteredOn(FollowerEvent.Stopped.class::isInstance).singleElement()
			.satisfies((event) -> assertThat(((FollowerEvent.Stopped) event).reason())
				.contains("does not know block " + "cd".repeat(32)).contains("same node and network"));
		assertThat(store.load("elsewhere")).get().extracting(Cursor::height).isEqualTo(5L);
	}

	@org.junit.jupiter.api.Test
	void aHandlerThatThrowsInterruptedExceptionIsRetriedNotTakenForAClose() {
		BitcoinRpcClient client = client("http");
		AtomicInteger interrupts = new AtomicInteger(2);
		List<String> handled = new CopyOnWriteArrayList<>();
		ChainFollower follower = closing(ChainFollower.builder(client).pollInterval(Duration.ofMillis(100))
			.failurePolicy(FailurePolicy.retry(Delay.constant(Duration.ofMillis(10)))).handler((change) -> {
				if (interrupts.getAndDecrement() > 0) {
					throw new InterruptedException("the handler's own wait was interrupted");
				}
				handled.add(change.hash());
			}).start());
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);

		this.node.generate(1);

		await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
		assertThat(follower.isRunning()).isTrue();
		assertThat(handled).containsExactly(this.node.blockHash(11));
	}

	@org.junit.jupiter.api.Test
	void aStartBlockTheNodeDoesNotKnowStopsTheFollowerSayingSo() {
		BitcoinRpcClient client = client("http");
		List<FollowerEvent> events = new CopyOnWriteArrayList<>();
		ChainFollower follower = closing(follower(client, new Recorder()).startPoint(StartPoint.after("ef".repeat(32)))
			.events(events::add).start());

		await().atMost(Duration.ofSeconds(10)).until(() -> !follower.isRunning());
		assertThat(events).filteredOn(FollowerEvent.Stopped.class::isInstance).singleElement()
			.satisfies((event) -> assertThat(((FollowerEvent.Stopped) event).reason())
				.contains("does not know the start block " + "ef".repeat(32)));
	}

	@org.junit.jupiter.api.Test
	void aStartHeightAboveTheTipWaitsForTheChainToReachIt() {
		BitcoinRpcClient client = client("http");
		Recorder recorder = new Recorder();
		ChainFollower follower = closing(follower(client, recorder).startPoint(StartPoint.height(13)).start());

		this.node.generate(4);

		await().atMost(Duration.ofSeconds(10)).until(() -> recorder.changes().size() == 2);
		assertThat(recorder.changes()).containsExactlyElementsOf(connects(13));
		assertThat(follower.isRunning()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void theFullBlockModeDeliversEachBlockWithItsTransactionsInOrderThroughAReorg(String transport) {
		BitcoinRpcClient client = client(transport);
		List<String> changes = new CopyOnWriteArrayList<>();
		List<org.bitcoinrpc.client.model.BlockWithTransactions> blocks = new CopyOnWriteArrayList<>();
		ChainFollower follower = closing(ChainFollower.builder(client).pollInterval(Duration.ofMillis(100)).prefetch(3)
			.fullBlocks((change, block) -> {
				changes.add(((change instanceof Notification.BlockConnected) ? "+" : "-") + change.height() + " " + change.hash());
				// A disconnected block too: btcd serves it only serialized, and the follower rebuilds it.
				assertThat(block).isNotNull();
				assertThat(block.hash()).isEqualTo(change.hash());
				if (change instanceof Notification.BlockConnected) {
					blocks.add(block);
				}
				else {
					assertThat(block.confirmations()).isEqualTo(-1L);
					assertThat(block.transactions()).isNotEmpty();
				}
			}).start());
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.cursor() != null);
		this.node.generate(7);
		await().atMost(Duration.ofSeconds(10)).until(() -> changes.size() == 7);
		List<String> old = hashes(1, 17);

		client.suspend();
		this.node.reorg(2);
		client.connect();

		await().atMost(Duration.ofSeconds(10)).until(() -> changes.size() == 7 + 5);
		List<String> expected = new ArrayList<>();
		for (int height = 11; height <= 17; height++) {
			expected.add("+" + height + " " + old.get(height - 1));
		}
		expected.addAll(reorgChanges(old, 17, 2));
		assertThat(changes).containsExactlyElementsOf(expected);
		assertThat(blocks).allSatisfy((block) -> assertThat(block.transactions()).isNotEmpty());
		assertThat(blocks).extracting(org.bitcoinrpc.client.model.BlockWithTransactions::height)
			.containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 16L, 17L, 18L);
	}

	@org.junit.jupiter.api.Test
	void aFollowerHasExactlyOneKindOfHandler() {
		BitcoinRpcClient client = client("http");
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> ChainFollower.builder(client).start())
			.withMessageContaining("exactly one of handler(BlockHandler) and fullBlocks(FullBlockHandler)");
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> ChainFollower.builder(client).handler((change) -> {
			}).fullBlocks((change, block) -> {
			}).start());
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> ChainFollower.builder(client).prefetch(0)).withMessageContaining("prefetch");
	}

	/** Records what a handler was given: every attempt, and the changes it accepted. */
	static final class Recorder implements BlockHandler {

		private final java.util.function.Predicate<Notification.BlockChange> fail;

		private final List<String> changes = new CopyOnWriteArrayList<>();

		private final List<Long> attempts = new CopyOnWriteArrayList<>();

		Recorder() {
			this((change) -> false);
		}

		Recorder(java.util.function.Predicate<Notification.BlockChange> fail) {
			this.fail = fail;
		}

		@Override
		public void handle(Notification.BlockChange change) {
			this.attempts.add(change.height());
			if (this.fail.test(change)) {
				throw new IllegalStateException("handler failure on " + change.height());
			}
			this.changes.add(((change instanceof Notification.BlockConnected) ? "+" : "-") + change.height() + " "
					+ change.hash());
		}

		List<String> changes() {
			return List.copyOf(this.changes);
		}

		List<Long> attempts() {
			return List.copyOf(this.attempts);
		}

	}

}
