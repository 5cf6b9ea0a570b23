package org.bitcoinrpc.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.bitcoinrpc.client.zmq.ZmqTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher's drop policy with a listener held up on purpose: past the bound, transaction-like
 * events are dropped and counted, block and connection events are still delivered, in order, and
 * the drops are logged at most once a second (on a clock the test moves).
 */
class EventDispatcherTests {

	private static final JsonNodeFactory json = JsonNodeFactory.instance;

	private final List<ILoggingEvent> warnings = new CopyOnWriteArrayList<>();

	private final Logger dispatcherLogger = (Logger) LoggerFactory.getLogger(EventDispatcher.class);

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			if (event.getLevel() == Level.WARN) {
				EventDispatcherTests.this.warnings.add(event);
			}
		}

	};

	private final List<EventDispatcher> dispatchers = new ArrayList<>();

	@BeforeEach
	void captureWarnings() {
		this.appender.setContext(this.dispatcherLogger.getLoggerContext());
		this.appender.start();
		this.dispatcherLogger.addAppender(this.appender);
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.dispatcherLogger.detachAppender(this.appender);
		this.appender.stop();
		for (EventDispatcher dispatcher : this.dispatchers) {
			dispatcher.shutdown();
			assertThat(dispatcher.awaitTermination(Duration.ofSeconds(10))).isTrue();
		}
	}

	/** A listener that records every event and holds the event thread on the first until released. */
	private static final class HeldListener implements org.bitcoinrpc.client.BitcoinEventListener {

		final List<BitcoinEvent> events = new CopyOnWriteArrayList<>();

		final CountDownLatch holding = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Override
		public void onEvent(BitcoinEvent event) {
			this.events.add(event);
			if (this.holding.getCount() > 0) {
				this.holding.countDown();
				try {
					this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		/** Dispatches a first event and waits until the event thread is held on it: the queue is then empty. */
		void holdOn(EventDispatcher dispatcher) throws InterruptedException {
			dispatcher.dispatch(new ConnectionEvent.Connected("ws://127.0.0.1:18334/ws"));
			assertThat(this.holding.await(10, TimeUnit.SECONDS)).isTrue();
		}

	}

	private EventDispatcher dispatcher(int queueSize, AtomicLong clock, HeldListener listener) {
		EventDispatcher dispatcher = new EventDispatcher(queueSize, "event-dispatcher-tests", clock::get);
		this.dispatchers.add(dispatcher);
		dispatcher.addListener(listener);
		return dispatcher;
	}

	private static void txAccepted(EventDispatcher dispatcher, int n) {
		dispatcher.dispatchNotification("txaccepted", json.arrayNode().add(String.format("%064x", n)).add(0.5));
	}

	private static JsonNode blockParams(int height) {
		return json.arrayNode().add(hash(height)).add(height).add(1_700_000_000L + height);
	}

	private static String hash(int height) {
		return String.format("%064x", 1_000_000 + height);
	}

	@Test
	void aFullQueueDropsTransactionsButDeliversEveryBlockAndConnectionEventInOrder() throws Exception {
		HeldListener listener = new HeldListener();
		EventDispatcher dispatcher = dispatcher(4, new AtomicLong(), listener);
		listener.holdOn(dispatcher);
		List<String> expected = new ArrayList<>();
		expected.add("Connected");
		for (int n = 0; n < 4; n++) {
			txAccepted(dispatcher, n);
			expected.add("TxAccepted");
		}
		// The queue is full: from here on only block and connection events get in.
		int droppable = 0;
		for (int height = 101; height <= 130; height++) {
			for (int n = 0; n < 9; n++) {
				txAccepted(dispatcher, 1_000 * height + n);
				// ZMQ events reach the client directly, as any source's events: these may be dropped.
				dispatcher.dispatch(new ZmqEvent.MempoolAdded(hash(n), n));
				droppable += 2;
			}
			switch (height % 5) {
				case 0 -> {
					dispatcher.dispatchNotification("blockdisconnected", blockParams(height - 1));
					expected.add("BlockDisconnected " + (height - 1));
				}
				case 1 -> {
					ArrayNode params = json.arrayNode().add(height).add("00".repeat(80)).add(json.arrayNode());
					dispatcher.dispatchNotification("filteredblockconnected", params);
					expected.add("FilteredBlockConnected " + height);
				}
				case 2 -> {
					// As a ZMQ subscriber reports blocks through the client.
					dispatcher.dispatch(new Notification.BlockConnected(hash(height), height, 0));
					expected.add("BlockConnected " + height);
				}
				case 3 -> {
					// A block hint and a gap on a block topic say so themselves; a gap on rawtx does not.
					dispatcher.dispatch(new ZmqEvent.BlockAnnounced(ZmqTopic.SEQUENCE, hash(height)));
					expected.add("BlockAnnounced " + hash(height));
					dispatcher.dispatch(new ZmqEvent.NotificationGap(ZmqTopic.HASHBLOCK, 1, height));
					expected.add("NotificationGap hashblock " + height);
					dispatcher.dispatch(new ZmqEvent.NotificationGap(ZmqTopic.RAWTX, 1, height));
					droppable++;
				}
				default -> {
					dispatcher.dispatch(new ConnectionEvent.Disconnected("ws://127.0.0.1:18334/ws", "test " + height));
					expected.add("Disconnected " + height);
				}
			}
			dispatcher.dispatchNotification("blockconnected", blockParams(height));
			expected.add("BlockConnected " + height);
		}
		assertThat(dispatcher.dropped()).isEqualTo(droppable);

		listener.release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.events.size() == expected.size());
		assertThat(listener.events.stream().map(EventDispatcherTests::describe).toList()).containsExactlyElementsOf(expected);
		assertThat(dispatcher.dropped()).isEqualTo(droppable);
		assertThat(dispatcher.notificationsReceived()).isEqualTo(4 + 30 * 9 + 30 + 12);
	}

	private static String describe(BitcoinEvent event) {
		if (event instanceof Notification.BlockConnected block) {
			return "BlockConnected " + block.height();
		}
		if (event instanceof Notification.BlockDisconnected block) {
			return "BlockDisconnected " + block.height();
		}
		if (event instanceof Notification.FilteredBlockConnected block) {
			return "FilteredBlockConnected " + block.height();
		}
		if (event instanceof ZmqEvent.BlockAnnounced announced) {
			return "BlockAnnounced " + announced.blockHash();
		}
		if (event instanceof ZmqEvent.NotificationGap gap) {
			return "NotificationGap " + gap.topic().wireName() + " " + gap.receivedSeq();
		}
		if (event instanceof ConnectionEvent.Disconnected disconnected) {
			return "Disconnected " + disconnected.cause().substring("test ".length());
		}
		return event.getClass().getSimpleName();
	}

	@Test
	void dropsAreLoggedAtMostOnceASecondWithTheCountsSinceTheLastLine() throws Exception {
		AtomicLong clock = new AtomicLong();
		HeldListener listener = new HeldListener();
		EventDispatcher dispatcher = dispatcher(1, clock, listener);
		listener.holdOn(dispatcher);
		txAccepted(dispatcher, 0);

		for (int n = 1; n <= 1_000; n++) {
			txAccepted(dispatcher, n);
		}
		assertThat(this.warnings).hasSize(1);
		clock.set(TimeUnit.MILLISECONDS.toNanos(999));
		for (int n = 1; n <= 1_000; n++) {
			txAccepted(dispatcher, n);
		}
		assertThat(this.warnings).hasSize(1);
		clock.set(TimeUnit.MILLISECONDS.toNanos(1_000));
		txAccepted(dispatcher, 0);
		assertThat(this.warnings).hasSize(2);
		clock.set(TimeUnit.MILLISECONDS.toNanos(1_500));
		for (int n = 1; n <= 10; n++) {
			dispatcher.dispatch(new ZmqEvent.TransactionAnnounced(hash(n)));
		}
		assertThat(this.warnings).hasSize(2);
		assertThat(dispatcher.dropped()).isEqualTo(2_011);

		// The listener catches up within the second: nothing more is logged.
		listener.release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.events.size() == 2);
		assertThat(this.warnings).hasSize(2);
		// The next delivery a second after the last line reports the drops since.
		clock.set(TimeUnit.MILLISECONDS.toNanos(2_000));
		dispatcher.dispatch(new ConnectionEvent.Reconnected("ws://127.0.0.1:18334/ws", 1));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.warnings.size() == 3);
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.events.size() == 3);

		assertThat(this.warnings).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
				"Event listeners fell more than 1 events behind; events dropped since the last warning: 1 (1 in all); "
						+ "block and connection events are still queued",
				"Event listeners fell more than 1 events behind; events dropped since the last warning: 2000 (2001 in all); "
						+ "block and connection events are still queued",
				"Event listeners fell more than 1 events behind; events dropped since the last warning: 10 (2011 in all); "
						+ "block and connection events are still queued");
		assertThat(this.warnings).extracting(ILoggingEvent::getThreadName)
			.containsExactly(Thread.currentThread().getName(), Thread.currentThread().getName(), "event-dispatcher-tests");
	}

	@Test
	void eventsAfterShutdownAreNeitherDeliveredNorCountedAsDropped() throws Exception {
		HeldListener listener = new HeldListener();
		EventDispatcher dispatcher = dispatcher(1, new AtomicLong(), listener);
		listener.release.countDown();
		dispatcher.shutdown();
		for (int n = 0; n < 10; n++) {
			txAccepted(dispatcher, n);
			dispatcher.dispatch(new ConnectionEvent.Connected("ws://127.0.0.1:18334/ws"));
		}

		assertThat(dispatcher.awaitTermination(Duration.ofSeconds(10))).isTrue();
		assertThat(listener.events).isEmpty();
		assertThat(dispatcher.dropped()).isZero();
		assertThat(this.warnings).isEmpty();
	}

	@Test
	void onlyBlockAndConnectionEventsAreExempt() {
		assertThat(EventDispatcher.isBlockNotification("blockconnected")).isTrue();
		assertThat(EventDispatcher.isBlockNotification("blockdisconnected")).isTrue();
		assertThat(EventDispatcher.isBlockNotification("filteredblockconnected")).isTrue();
		assertThat(EventDispatcher.isBlockNotification("filteredblockdisconnected")).isTrue();
		assertThat(EventDispatcher.isBlockNotification("txaccepted")).isFalse();
		assertThat(EventDispatcher.isBlockNotification("relevanttxaccepted")).isFalse();
		assertThat(EventDispatcher.isBlockNotification("rescanprogress")).isFalse();

		assertThat(EventDispatcher.isExempt(new Notification.BlockDisconnected(hash(1), 1, 0))).isTrue();
		assertThat(EventDispatcher.isExempt(new Notification.FilteredBlockDisconnected(1, "00"))).isTrue();
		assertThat(EventDispatcher.isExempt(new ConnectionEvent.ReconnectFailed("ws://127.0.0.1:1/ws", 1, "x"))).isTrue();
		assertThat(EventDispatcher.isExempt(new Notification.TxAccepted(hash(1), java.math.BigDecimal.ONE))).isFalse();
		assertThat(EventDispatcher.isExempt(new ZmqEvent.RawBlock(hash(1), "00"))).isFalse();
		assertThat(EventDispatcher.isExempt(new ZmqEvent.BlockAnnounced(ZmqTopic.HASHBLOCK, hash(1)))).isTrue();
		assertThat(EventDispatcher.isExempt(new ZmqEvent.BlockRetracted(hash(1)))).isTrue();
		assertThat(EventDispatcher.isExempt(new ZmqEvent.MempoolAdded(hash(1), 1))).isFalse();
		assertThat(EventDispatcher.isExempt(new ZmqEvent.NotificationGap(ZmqTopic.HASHBLOCK, 3, 5))).isTrue();
		assertThat(EventDispatcher.isExempt(new ZmqEvent.NotificationGap(ZmqTopic.RAWTX, 3, 5))).isFalse();
		assertThat(EventDispatcher.isExempt(new ZmqEvent.NotificationGap(ZmqTopic.SEQUENCE, 1, 3))).isFalse();
		// Any source's event may say so itself: the queue knows none of them.
		assertThat(EventDispatcher.isExempt(new BitcoinEvent() {

			@Override
			public boolean mustBeDelivered() {
				return true;
			}

		})).isTrue();
		assertThat(EventDispatcher.isExempt(new BitcoinEvent() {
		})).isFalse();
	}

}
