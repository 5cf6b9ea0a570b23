package org.bitcoinrpc.spring.autoconfigure.follow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.bitcoinrpc.client.follow.FullBlockHandler;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.client.follow.FollowerEvent;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.spring.event.BlockDisconnectedEvent;
import org.bitcoinrpc.spring.event.ChainFollowerEventPublisher;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chain follower in the application context: off by default, on with
 * {@code bitcoin.rpc.follow.enabled} or with {@code notifications.blocks} over HTTP; every block to
 * the {@link BlockHandler} beans in order and to block event listeners exactly once, over either
 * transport, across a stop and start of the context and through a listener that throws.
 */
@ExtendWith(OutputCaptureExtension.class)
class BitcoinRpcFollowAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private SimulatedNode node;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcFollowAutoConfiguration.class));

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("u").password("p").initialHeight(10).build().start();
	}

	@AfterEach
	void stopNode() {
		this.node.stop();
	}

	private ApplicationContextRunner forNode(String transport, String... properties) {
		String url = transport.equals("ws") ? this.node.wsUrl() : this.node.httpUrl();
		return this.runner
			.withPropertyValues("bitcoin.rpc.url=" + url, "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
					"bitcoin.rpc.reconnect.initial-delay=50ms", "bitcoin.rpc.reconnect.max-delay=200ms",
					"bitcoin.rpc.follow.retry.initial-delay=20ms", "bitcoin.rpc.follow.retry.max-delay=100ms")
			.withPropertyValues(properties)
			.withUserConfiguration(Recorder.class);
	}

	@Test
	void followerIsOffByDefault() {
		forNode("ws", "bitcoin.rpc.notifications.blocks=true").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(BitcoinRpcFollowLifecycle.class)
				.doesNotHaveBean(CursorStore.class)
				.doesNotHaveBean(ChainFollowerEventPublisher.class);
			// The client's own notifications are still published.
			Recorder recorder = context.getBean(Recorder.class);
			await().atMost(WAIT).until(() -> this.node.requestCount("notifyblocks") >= 1);
			context.getBean(BitcoinRpcClient.class).getBlockCount();
			String hash = this.node.generate(1).get(0);
			await().atMost(WAIT).until(() -> recorder.events.contains("+11 " + hash));
			assertThat(recorder.handled).isEmpty();
		});
	}

	@Test
	void explicitlyDisabledFollowerStaysOffAndBlocksOverHttpDoNotFail(CapturedOutput output) {
		forNode("http", "bitcoin.rpc.notifications.blocks=true", "bitcoin.rpc.follow.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(BitcoinRpcFollowLifecycle.class);
			assertThat(output).contains("the chain follower is off: no block events");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void everyBlockReachesTheHandlersInOrderAndTheListenersOnce(String transport) {
		// notifications.blocks makes the client receive its own block notifications over the
		// websocket too: they must not be published a second time.
		forNode(transport, "bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.poll-interval=100ms",
				"bitcoin.rpc.notifications.blocks=" + transport.equals("ws"))
			.run((context) -> {
				assertThat(context).hasSingleBean(BitcoinRpcFollowLifecycle.class).hasSingleBean(CursorStore.class);
				Recorder recorder = context.getBean(Recorder.class);
				BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
				await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
				assertThat(lifecycle.cursor().height()).isEqualTo(10);
				ClientNotifications seen = ClientNotifications.of(context);
				if (transport.equals("ws")) {
					await().atMost(WAIT).until(() -> this.node.requestCount("notifyblocks") >= 1);
				}
				List<String> expected = new ArrayList<>();
				for (String hash : this.node.generate(3)) {
					expected.add("+" + (10 + expected.size() + 1) + " " + hash);
				}
				// A reorg: the tip leaves, another block takes its place.
				String removed = this.node.disconnectTip();
				String replacement = this.node.generate(1).get(0);
				await().atMost(WAIT).until(() -> recorder.events.size() >= 3 && lifecycle.cursor() != null
						&& lifecycle.cursor().hash().equals(replacement));
				expected = assertDelivered(recorder, expected, removed, replacement);
				if (transport.equals("ws")) {
					// The client's own notifications went through its listeners (the event publisher
					// among them) before this one saw them: any duplicate would be there by now.
					await().atMost(WAIT).until(() -> seen.blocks.contains(replacement));
				}
				assertThat(recorder.events).containsExactlyElementsOf(expected);
				// Published once the follower has looked at the tip again, just after the cursor moved.
				await().atMost(WAIT).until(() -> !recorder.caughtUp.isEmpty());
			});
	}

	/**
	 * What the handlers and listeners must have seen: the connects, then the reorg as the
	 * disconnect of {@code removed} and the connect of {@code replacement}, unless the follower
	 * walked after the reorg only (then it never saw {@code removed}).
	 */
	private List<String> assertDelivered(Recorder recorder, List<String> connects, String removed, String replacement) {
		List<String> expected = new ArrayList<>(connects);
		if (recorder.events.contains("+13 " + removed)) {
			expected.add("-13 " + removed);
		}
		else {
			expected.remove(expected.size() - 1);
		}
		expected.add("+13 " + replacement);
		List<String> handled = new ArrayList<>();
		for (String change : expected) {
			handled.add("first " + change);
			handled.add("second " + change);
		}
		assertThat(recorder.handled).containsExactlyElementsOf(handled);
		return expected;
	}

	@Test
	void blocksMinedWhileTheContextIsStoppedAreDeliveredAfterItStartsAgain() {
		forNode("ws", "bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.poll-interval=100ms").run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
			await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
			String first = this.node.generate(1).get(0);
			await().atMost(WAIT).until(() -> recorder.events.contains("+11 " + first));
			context.stop();
			assertThat(lifecycle.isRunning()).isFalse();
			List<String> meanwhile = this.node.generate(3);
			context.start();
			await().atMost(WAIT).until(() -> recorder.events.size() >= 4);
			String last = this.node.generate(1).get(0);
			await().atMost(WAIT).until(() -> recorder.events.contains("+15 " + last));
			assertThat(recorder.events).containsExactly("+11 " + first, "+12 " + meanwhile.get(0),
					"+13 " + meanwhile.get(1), "+14 " + meanwhile.get(2), "+15 " + last);
			assertThat(recorder.handled).hasSize(10);
		});
	}

	@Test
	void aListenerThatThrowsMakesTheBlockBeRetried() {
		forNode("http", "bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.poll-interval=100ms")
			.withUserConfiguration(FailingOnce.class)
			.run((context) -> {
				Recorder recorder = context.getBean(Recorder.class);
				BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
				await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
				String hash = this.node.generate(1).get(0);
				await().atMost(WAIT).until(() -> lifecycle.cursor().hash().equals(hash));
				// The handlers ran twice (the failed attempt and the retry); the cursor moved once.
				assertThat(recorder.handled).containsExactly("first +11 " + hash, "second +11 " + hash, "first +11 " + hash,
						"second +11 " + hash);
				assertThat(recorder.failures).singleElement().satisfies((failed) -> {
					assertThat(failed.change().hash()).isEqualTo(hash);
					assertThat(failed.willRetry()).isTrue();
					assertThat(failed.failure()).hasMessage("listener failed");
				});
			});
	}

	@Test
	void notificationsBlocksOverHttpStartsTheFollowerAndSaysHow(CapturedOutput output) {
		forNode("http", "bitcoin.rpc.notifications.blocks=true").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(BitcoinRpcFollowLifecycle.class);
			// The simulated node is btcd: no waitfornewblock, so the follower polls every second.
			assertThat(output).contains("over HTTP: woken by waitfornewblock (Bitcoin Core's long-poll), polling "
					+ "getbestblockhash every 30s as a safety net (every 1s while no call waits, or if the node has none)");
			Recorder recorder = context.getBean(Recorder.class);
			BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
			await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
			List<String> hashes = this.node.generate(2);
			await().atMost(WAIT).until(() -> recorder.events.size() >= 2);
			assertThat(recorder.events).containsExactly("+11 " + hashes.get(0), "+12 " + hashes.get(1));
		});
	}

	@Test
	void userCursorStoreIsUsed() {
		CursorStore store = CursorStore.inMemory();
		forNode("http", "bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.name=payments",
				"bitcoin.rpc.follow.poll-interval=100ms", "bitcoin.rpc.follow.start=5")
			.withBean(CursorStore.class, () -> store)
			.run((context) -> {
				assertThat(context).getBean(CursorStore.class).isSameAs(store);
				Recorder recorder = context.getBean(Recorder.class);
				await().atMost(WAIT).until(() -> recorder.events.size() >= 6);
				// Start at height 5: blocks 5 to 10 already mined are delivered first.
				assertThat(recorder.events).first().isEqualTo("+5 " + this.node.blockHash(5));
				assertThat(store.load("payments")).hasValueSatisfying((cursor) -> assertThat(cursor.height()).isEqualTo(10));
			});
	}

	@Test
	void badStartFailsNamingTheProperty() {
		forNode("http", "bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.start=yesterday").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("bitcoin.rpc.follow.start"));
		});
	}

	@Test
	void fileStoreWithoutDirectoryFailsNamingTheProperty() {
		forNode("http", "bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.store=file").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo("bitcoin.rpc.follow.directory");
					assertThat(ex.getReason()).contains("bitcoin.rpc.follow.store is file");
				});
		});
	}

	@Test
	void fullBlockHandlerBeansGetEachBlockWithItsTransactionsAfterTheBlockHandlers(CapturedOutput output) {
		forNode("http", "bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.poll-interval=100ms",
				"bitcoin.rpc.follow.prefetch=2")
			.withUserConfiguration(WholeBlocks.class)
			.run((context) -> {
				Recorder recorder = context.getBean(Recorder.class);
				WholeBlocks whole = context.getBean(WholeBlocks.class);
				BitcoinRpcFollowLifecycle lifecycle = context.getBean(BitcoinRpcFollowLifecycle.class);
				await().atMost(WAIT).until(() -> lifecycle.cursor() != null);
				List<String> hashes = this.node.generate(3);

				await().atMost(WAIT).until(() -> whole.blocks.size() == 3 && recorder.events.size() == 3);
				assertThat(whole.blocks).extracting(BlockWithTransactions::hash).containsExactlyElementsOf(hashes);
				assertThat(whole.blocks).allSatisfy((block) -> assertThat(block.transactions()).isNotEmpty());
				assertThat(recorder.handled).containsExactly("first +11 " + hashes.get(0), "second +11 " + hashes.get(0),
						"first +12 " + hashes.get(1), "second +12 " + hashes.get(1), "first +13 " + hashes.get(2),
						"second +13 " + hashes.get(2));
				assertThat(whole.afterBlockHandlers).isTrue();
				assertThat(output).contains("whole blocks, 2 fetched ahead");
			});
	}

	@Test
	void aPrefetchOutOfRangeFailsNamingTheProperty() {
		forNode("http", "bitcoin.rpc.follow.enabled=true", "bitcoin.rpc.follow.prefetch=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("bitcoin.rpc.follow.prefetch"));
		});
	}

	/** A handler of whole blocks, checking it runs after the BlockHandler beans. */
	@Configuration(proxyBeanMethods = false)
	static class WholeBlocks {

		final List<BlockWithTransactions> blocks = new CopyOnWriteArrayList<>();

		volatile boolean afterBlockHandlers = true;

		@Bean
		FullBlockHandler wholeBlocks(Recorder recorder) {
			return (change, block) -> {
				if (!recorder.handled.get(recorder.handled.size() - 1).equals("second " + Recorder.describe(change))) {
					this.afterBlockHandlers = false;
				}
				this.blocks.add(block);
			};
		}

	}

	/** Two handlers, in {@code @Order}, and the listeners, all recording. */
	@Configuration(proxyBeanMethods = false)
	static class Recorder {

		/** What each handler saw, "first +11 hash" or "second -13 hash", in order. */
		final List<String> handled = new CopyOnWriteArrayList<>();

		/** What the block event listeners saw: "+height hash" or "-height hash". */
		final List<String> events = new CopyOnWriteArrayList<>();

		final List<FollowerEvent.HandlerFailed> failures = new CopyOnWriteArrayList<>();

		final List<FollowerEvent.CaughtUp> caughtUp = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		BlockHandler secondHandler() {
			return (change) -> this.handled.add("second " + describe(change));
		}

		@Bean
		@Order(1)
		BlockHandler firstHandler() {
			return (change) -> this.handled.add("first " + describe(change));
		}

		@EventListener
		void on(BlockConnectedEvent event) {
			this.events.add(describe(event.notification()));
		}

		@EventListener
		void on(BlockDisconnectedEvent event) {
			this.events.add(describe(event.notification()));
		}

		@EventListener
		void on(FollowerEvent.HandlerFailed event) {
			this.failures.add(event);
		}

		@EventListener
		void on(FollowerEvent.CaughtUp event) {
			this.caughtUp.add(event);
		}

		static String describe(Notification.BlockChange change) {
			return ((change instanceof Notification.BlockConnected) ? "+" : "-") + change.height() + " " + change.hash();
		}

	}

	/** A block event listener that fails the first time. */
	@Configuration(proxyBeanMethods = false)
	static class FailingOnce {

		private final AtomicBoolean failed = new AtomicBoolean();

		@EventListener
		void on(BlockConnectedEvent event) {
			if (this.failed.compareAndSet(false, true)) {
				throw new IllegalStateException("listener failed");
			}
		}

	}

	/** The block notifications the client itself received, seen by a listener added after the publisher. */
	static final class ClientNotifications {

		final List<String> blocks = new CopyOnWriteArrayList<>();

		static ClientNotifications of(AssertableApplicationContext context) {
			ClientNotifications seen = new ClientNotifications();
			context.getBean(BitcoinRpcClient.class).addListener((event) -> {
				if (event instanceof Notification.BlockConnected block) {
					seen.blocks.add(block.hash());
				}
			});
			return seen;
		}

	}

}
