package org.bitcoinrpc.spring.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.bitcoinrpc.client.zmq.ZmqTopic;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's events as application events: typed listeners, the catch-all listener, order,
 * and listeners that are slow or throw.
 */
class BitcoinRpcEventsTests {

	private SimulatedNode node;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class));

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("u").password("p").build().start();
	}

	@AfterEach
	void stopNode() {
		this.node.stop();
	}

	private ApplicationContextRunner forNode() {
		return this.runner.withPropertyValues("bitcoin.rpc.url=" + this.node.wsUrl(), "bitcoin.rpc.user=u",
				"bitcoin.rpc.password=p", "bitcoin.rpc.notifications.blocks=true",
				"bitcoin.rpc.reconnect.initial-delay=50ms", "bitcoin.rpc.reconnect.max-delay=200ms");
	}

	@Test
	void minedBlockReachesTypedAndCatchAllListeners() {
		forNode().withUserConfiguration(RecordingListeners.class).run((context) -> {
			RecordingListeners listeners = context.getBean(RecordingListeners.class);
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			awaitSubscribed(client);
			String hash = this.node.generate(1).get(0);
			await().atMost(Duration.ofSeconds(10)).until(() -> !listeners.blocks.isEmpty());
			BlockConnectedEvent event = listeners.blocks.get(0);
			assertThat(event.notification().hash()).isEqualTo(hash);
			assertThat(event.notification().height()).isEqualTo(this.node.blockCount());
			assertThat(event.getPayload()).isSameAs(event.notification());
			assertThat(event.getClient()).isSameAs(client);
			assertThat(event.getSource()).isSameAs(client);
			await().atMost(Duration.ofSeconds(10)).until(() -> listeners.all.stream().anyMatch(BlockConnectedEvent.class::isInstance));
			// notifyblocks also brings filteredblockconnected: every notification reaches this listener.
			assertThat(listeners.notifications).contains(event)
				.filteredOn(BlockConnectedEvent.class::isInstance)
				.containsExactly(event);
			// The catch-all listener saw the connection first, then the block, in order.
			assertThat(listeners.all).first().isInstanceOf(ConnectedEvent.class);
			assertThat(listeners.all).filteredOn(BlockConnectedEvent.class::isInstance).containsExactly(event);
			assertThat(listeners.connections).first().isInstanceOf(ConnectedEvent.class);
		});
	}

	@Test
	void connectionEventsArePublishedAndNotificationsResumeAfterAReconnect() {
		forNode().withUserConfiguration(RecordingListeners.class).run((context) -> {
			RecordingListeners listeners = context.getBean(RecordingListeners.class);
			awaitSubscribed(context.getBean(BitcoinRpcClient.class));
			this.node.restart();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> listeners.connections.stream().anyMatch(ReconnectedEvent.class::isInstance));
			assertThat(listeners.connections).map(Object::getClass)
				.containsSubsequence(ConnectedEvent.class, DisconnectedEvent.class, ReconnectingEvent.class,
						ReconnectedEvent.class);
			String hash = this.node.generate(1).get(0);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> listeners.blocks.stream().anyMatch((event) -> event.notification().hash().equals(hash)));
		});
	}

	@Test
	void slowListenerDoesNotStallCalls() {
		forNode().withUserConfiguration(SlowListener.class).run((context) -> {
			SlowListener listener = context.getBean(SlowListener.class);
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			awaitSubscribed(client);
			try {
				this.node.generate(1);
				assertThat(listener.entered.await(10, TimeUnit.SECONDS)).isTrue();
				// The listener is blocked on the client's event thread; calls are answered all the same.
				for (int i = 0; i < 20; i++) {
					long height = client.callAsync("getblockcount", List.of(), Long.class, Duration.ofSeconds(2)).join();
					assertThat(height).isEqualTo(this.node.blockCount());
				}
				this.node.generate(2);
				assertThat(client.getBlockCount()).isEqualTo(this.node.blockCount());
			}
			finally {
				listener.release.countDown();
			}
			// Once released, the events held back meanwhile arrive, in order.
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.heights.size() == 3);
			assertThat(listener.heights).isSorted();
		});
	}

	@Test
	void throwingListenerDoesNotStopLaterEvents() {
		forNode().withUserConfiguration(ThrowingListener.class).run((context) -> {
			ThrowingListener listener = context.getBean(ThrowingListener.class);
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			awaitSubscribed(client);
			this.node.generate(2);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.calls.size() == 2);
			assertThat(client.getBlockCount()).isEqualTo(this.node.blockCount());
		});
	}

	@Test
	void everyClientEventHasItsApplicationEvent() {
		try (BitcoinRpcClient client = BitcoinRpcClient.create(this.node.wsUrl(), "u", "p")) {
			JsonNodeFactory json = JsonNodeFactory.instance;
			Notification.BlockDetails block = new Notification.BlockDetails(1, "hash", 0, 10);
			// The events listened for most keep their named class; every other event is its family's
			// generic class, typed by the record.
			Map<BitcoinEvent, Class<?>> expected = Map.ofEntries(
					Map.entry(new Notification.BlockConnected("h", 1, 2), BlockConnectedEvent.class),
					Map.entry(new Notification.BlockDisconnected("h", 1, 2), BlockDisconnectedEvent.class),
					Map.entry(new Notification.FilteredBlockConnected(1, "hdr", List.of()), BitcoinRpcNotificationEvent.class),
					Map.entry(new Notification.FilteredBlockDisconnected(1, "hdr"), BitcoinRpcNotificationEvent.class),
					Map.entry(new Notification.TxAccepted("tx", BigDecimal.ONE), TxAcceptedEvent.class),
					Map.entry(new Notification.TxAcceptedVerbose("tx", json.objectNode()), BitcoinRpcNotificationEvent.class),
					Map.entry(new Notification.RelevantTxAccepted("hex"), BitcoinRpcNotificationEvent.class),
					Map.entry(new Notification.RecvTx("hex", block), BitcoinRpcNotificationEvent.class),
					Map.entry(new Notification.RedeemingTx("hex", null), BitcoinRpcNotificationEvent.class),
					Map.entry(new Notification.RescanProgress("h", 1, 2), BitcoinRpcNotificationEvent.class),
					Map.entry(new Notification.RescanFinished("h", 1, 2), BitcoinRpcNotificationEvent.class),
					Map.entry(new Notification.Unknown("custom", json.arrayNode()), BitcoinRpcNotificationEvent.class),
					Map.entry(new ZmqEvent.MempoolAdded("tx", 5), ZmqNotificationEvent.class),
					Map.entry(new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, "h"), ZmqNotificationEvent.class),
					Map.entry(new ZmqEvent.BlockRetracted("h"), ZmqNotificationEvent.class),
					Map.entry(new ConnectionEvent.Connected("u"), ConnectedEvent.class),
					Map.entry(new ConnectionEvent.Disconnected("u", "c"), DisconnectedEvent.class),
					Map.entry(new ConnectionEvent.Reconnecting("u", 1, Duration.ofSeconds(1)), ReconnectingEvent.class),
					Map.entry(new ConnectionEvent.Reconnected("u", 1), ReconnectedEvent.class),
					Map.entry(new ConnectionEvent.ReconnectFailed("u", 1, "c"), ReconnectFailedEvent.class));
			expected.forEach((event, type) -> {
				BitcoinRpcEvent<?> published = BitcoinRpcEvent.of(client, event);
				assertThat(published).isExactlyInstanceOf(type);
				assertThat(published.getPayload()).isSameAs(event);
				assertThat(published.getClient()).isSameAs(client);
				assertThat(published).isInstanceOf((event instanceof Notification) ? BitcoinRpcNotificationEvent.class
						: (event instanceof ZmqEvent) ? ZmqNotificationEvent.class : BitcoinRpcConnectionEvent.class);
				// Whatever the class, the event's type is BitcoinRpcEvent of its record, and of no other.
				assertThat(ResolvableType.forClassWithGenerics(BitcoinRpcEvent.class, event.getClass())
					.isAssignableFrom(published.getResolvableType())).isTrue();
				assertThat(ResolvableType.forClass(type).isAssignableFrom(published.getResolvableType())).isTrue();
				Class<?> other = (event instanceof Notification.TxAccepted) ? Notification.BlockConnected.class
						: Notification.TxAccepted.class;
				assertThat(ResolvableType.forClassWithGenerics(BitcoinRpcEvent.class, other)
					.isAssignableFrom(published.getResolvableType())).isFalse();
			});
		}
	}

	@Test
	void zmqEventsAreZmqNotificationEventsAndOtherSourcesEventsArePublishedAsTheyAre() {
		try (BitcoinRpcClient client = BitcoinRpcClient.create(this.node.wsUrl(), "u", "p")) {
			List<Object> published = new CopyOnWriteArrayList<>();
			BitcoinRpcEventPublisher publisher = new BitcoinRpcEventPublisher(client, published::add, false);
			ZmqEvent announced = new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, "h");
			BitcoinEvent own = new BitcoinEvent() {
			};
			publisher.onEvent(announced);
			publisher.onEvent(new Notification.BlockConnected("h", 1, 2));
			publisher.onEvent(own);
			// The block hint is not a block change: published even while a follower gives the block events.
			assertThat(published).hasSize(2);
			assertThat(published.get(0)).isInstanceOfSatisfying(ZmqNotificationEvent.class,
					(event) -> assertThat(event.event()).isSameAs(announced));
			assertThat(published.get(1)).isSameAs(own);
		}
	}

	@Test
	void listenersTypedByPayloadReceiveOnlyTheirNotifications() {
		forNode().withUserConfiguration(TypedListeners.class).run((context) -> {
			TypedListeners listeners = context.getBean(TypedListeners.class);
			awaitSubscribed(context.getBean(BitcoinRpcClient.class));
			String hash = this.node.generate(1).get(0);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !listeners.blocks.isEmpty() && !listeners.namedBlocks.isEmpty()
						&& !listeners.filteredBlocks.isEmpty() && !listeners.connected.isEmpty());
			// BitcoinRpcEvent<BlockConnected> gets the named class's event, the very one its listener gets.
			assertThat(listeners.blocks).singleElement().isInstanceOf(BlockConnectedEvent.class);
			assertThat(listeners.blocks.get(0).getPayload().hash()).isEqualTo(hash);
			assertThat(List.<Object>copyOf(listeners.namedBlocks)).containsExactlyElementsOf(listeners.blocks);
			// filteredblockconnected has no named class: it arrives through the generic type.
			assertThat(listeners.filteredBlocks).singleElement()
				.isExactlyInstanceOf(BitcoinRpcNotificationEvent.class)
				.satisfies((event) -> assertThat(event.getPayload().height()).isEqualTo(this.node.blockCount()));
			assertThat(List.<Object>copyOf(listeners.filteredNotifications)).containsExactlyElementsOf(listeners.filteredBlocks);
			assertThat(listeners.connected).first().isInstanceOf(ConnectedEvent.class);
			// Nothing of another payload type: no block reaches the txaccepted listeners.
			assertThat(listeners.transactions).isEmpty();
			assertThat(listeners.namedTransactions).isEmpty();
			assertThat(listeners.rescans).isEmpty();
		});
	}

	/**
	 * Waits until the node has the subscription. The node handles one session's requests in order,
	 * so once a later call is answered, notifyblocks has been executed.
	 */
	private void awaitSubscribed(BitcoinRpcClient client) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.node.requestCount("notifyblocks") >= 1);
		client.getBlockCount();
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingListeners {

		final List<BlockConnectedEvent> blocks = new CopyOnWriteArrayList<>();

		final List<BitcoinRpcNotificationEvent<?>> notifications = new CopyOnWriteArrayList<>();

		final List<BitcoinRpcConnectionEvent<?>> connections = new CopyOnWriteArrayList<>();

		final List<BitcoinRpcEvent<?>> all = new CopyOnWriteArrayList<>();

		@EventListener
		void onBlock(BlockConnectedEvent event) {
			this.blocks.add(event);
		}

		@EventListener
		void onNotification(BitcoinRpcNotificationEvent<?> event) {
			this.notifications.add(event);
		}

		@EventListener
		void onConnection(BitcoinRpcConnectionEvent<?> event) {
			this.connections.add(event);
		}

		@EventListener
		void onAny(BitcoinRpcEvent<?> event) {
			this.all.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TypedListeners {

		final List<BitcoinRpcEvent<Notification.BlockConnected>> blocks = new CopyOnWriteArrayList<>();

		final List<BlockConnectedEvent> namedBlocks = new CopyOnWriteArrayList<>();

		final List<BitcoinRpcEvent<Notification.FilteredBlockConnected>> filteredBlocks = new CopyOnWriteArrayList<>();

		final List<BitcoinRpcNotificationEvent<Notification.FilteredBlockConnected>> filteredNotifications = new CopyOnWriteArrayList<>();

		final List<BitcoinRpcEvent<Notification.TxAccepted>> transactions = new CopyOnWriteArrayList<>();

		final List<TxAcceptedEvent> namedTransactions = new CopyOnWriteArrayList<>();

		final List<BitcoinRpcEvent<Notification.RescanFinished>> rescans = new CopyOnWriteArrayList<>();

		final List<BitcoinRpcEvent<ConnectionEvent.Connected>> connected = new CopyOnWriteArrayList<>();

		@EventListener
		void onBlock(BitcoinRpcEvent<Notification.BlockConnected> event) {
			this.blocks.add(event);
		}

		@EventListener
		void onNamedBlock(BlockConnectedEvent event) {
			this.namedBlocks.add(event);
		}

		@EventListener
		void onFilteredBlock(BitcoinRpcEvent<Notification.FilteredBlockConnected> event) {
			this.filteredBlocks.add(event);
		}

		@EventListener
		void onFilteredBlockNotification(BitcoinRpcNotificationEvent<Notification.FilteredBlockConnected> event) {
			this.filteredNotifications.add(event);
		}

		@EventListener
		void onTransaction(BitcoinRpcEvent<Notification.TxAccepted> event) {
			this.transactions.add(event);
		}

		@EventListener
		void onNamedTransaction(TxAcceptedEvent event) {
			this.namedTransactions.add(event);
		}

		@EventListener
		void onRescan(BitcoinRpcEvent<Notification.RescanFinished> event) {
			this.rescans.add(event);
		}

		@EventListener
		void onConnected(BitcoinRpcEvent<ConnectionEvent.Connected> event) {
			this.connected.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowListener {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final List<Long> heights = new CopyOnWriteArrayList<>();

		@EventListener
		void onBlock(BlockConnectedEvent event) {
			this.entered.countDown();
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.heights.add(event.notification().height());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThrowingListener {

		final List<Long> calls = new CopyOnWriteArrayList<>();

		@EventListener
		void onBlock(BlockConnectedEvent event) {
			this.calls.add(event.notification().height());
			throw new IllegalStateException("listener failure on purpose");
		}

	}

}
