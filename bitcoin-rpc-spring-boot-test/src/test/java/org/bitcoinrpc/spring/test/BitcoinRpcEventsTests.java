package org.bitcoinrpc.spring.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.spring.event.BitcoinRpcEvent;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link BitcoinRpcEvents} on its own: events recorded before the wait are found, a wait is woken
 * by an event from another thread, a failed wait says what it has seen, and clear forgets.
 */
class BitcoinRpcEventsTests {

	/** Only a source for the events: never connected. */
	private final BitcoinRpcClient client = BitcoinRpcClient.create("ws://127.0.0.1:1/ws", "user", "pass");

	private final BitcoinRpcEvents events = new BitcoinRpcEvents();

	@AfterEach
	void shutDown() {
		this.client.close();
	}

	private BitcoinRpcEvent<?> block(long height) {
		return BitcoinRpcEvent.of(this.client, new Notification.BlockConnected("%064d".formatted(height), height, 0));
	}

	@Test
	void findsAnEventRecordedBeforeTheWait() {
		this.events.onApplicationEvent(block(1));
		this.events.onApplicationEvent(block(2));
		assertThat(this.events.await(BlockConnectedEvent.class, (event) -> event.getPayload().height() == 2)
			.getPayload()
			.height()).isEqualTo(2);
		assertThat(this.events.payloads(Notification.BlockConnected.class)).extracting(Notification.BlockConnected::height)
			.containsExactly(1L, 2L);
	}

	@Test
	void isWokenByAnEventFromAnotherThread() throws Exception {
		CountDownLatch waiting = new CountDownLatch(1);
		CompletableFuture<BlockConnectedEvent> found = CompletableFuture.supplyAsync(() -> {
			waiting.countDown();
			return this.events.await(BlockConnectedEvent.class, (event) -> event.getPayload().height() == 5,
					Duration.ofSeconds(20));
		});
		assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
		this.events.onApplicationEvent(block(4));
		this.events.onApplicationEvent(block(5));
		assertThat(found.get(20, TimeUnit.SECONDS).getPayload().height()).isEqualTo(5);
	}

	@Test
	void aFailedWaitListsTheRecordedEvents() {
		this.events.onApplicationEvent(BitcoinRpcEvent.of(this.client, new ConnectionEvent.Connected("ws://127.0.0.1:1/ws")));
		this.events.onApplicationEvent(block(1));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.events.awaitPayload(Notification.TxAccepted.class, (tx) -> true, Duration.ofMillis(50)))
			.withMessage("No event with a TxAccepted payload matching the condition within PT0.05S; recorded since the "
					+ "last clear: 2 event(s):\n  ConnectedEvent[Connected[url=ws://127.0.0.1:1/ws]]\n"
					+ "  BlockConnectedEvent[BlockConnected[hash=%064d, height=1, time=0]]", 1);
	}

	@Test
	void clearForgetsWhatWasRecorded() {
		this.events.onApplicationEvent(block(1));
		this.events.clear();
		assertThat(this.events.events()).isEmpty();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.events.await(BlockConnectedEvent.class, (event) -> true, Duration.ofMillis(20)))
			.withMessageEndingWith("recorded since the last clear: 0 event(s)");
	}

}
