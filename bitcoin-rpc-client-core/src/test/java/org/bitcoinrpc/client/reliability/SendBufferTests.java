package org.bitcoinrpc.client.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.RpcRequestRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The websocket's send buffer bound ({@code sendBufferLimit}): a node that stops reading fills the
 * sockets' buffers, then the client's. From then on each new call fails alone and at once, saying
 * why, while the connection stays up; nothing written before is lost, and once the node reads
 * again the buffer empties and calls go out again.
 */
class SendBufferTests {

	private static final int SEND_BUFFER_LIMIT = 256 * 1024;

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aNodeThatStopsReadingMakesNewCallsFailFastWhileTheConnectionStays() throws Exception {
		try (RawWebSocketServer server = new RawWebSocketServer();
				BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder()
					.url(server.url())
					.credentials("user", "pass")
					.sendBufferLimit(SEND_BUFFER_LIMIT)
					.requestTimeout(Duration.ofSeconds(30))
					.build())) {
			Reliability.Events events = new Reliability.Events();
			client.addListener(events);
			client.connect();
			assertThat(client.getBlockCount()).isEqualTo(RawWebSocketServer.BLOCK_COUNT);

			server.pauseReading();
			String big = "b".repeat(32 * 1024);
			List<CompletableFuture<String>> written = new ArrayList<>();
			List<Long> writtenIds = new ArrayList<>();
			Throwable rejected = null;
			// Calls go out while the sockets' buffers take them (megabytes); then the client's own
			// buffer fills, and from then on every call fails at once for as long as the node does not
			// read: twenty refusals in a row, over a second, say it is full for good.
			for (int i = 0; i < 10_000 && rejected == null; i++) {
				CompletableFuture<String> call = client.callAsync("echo", List.of(big), String.class);
				long id = client.nextId() - 1;
				// A full buffer fails the call while it is being sent, before callAsync returns.
				if (call.isDone()) {
					rejected = Reliability.failure(call);
				}
				else {
					written.add(call);
					writtenIds.add(id);
				}
			}
			AtomicInteger rejectedInARow = new AtomicInteger((rejected != null) ? 1 : 0);
			await("calls refused in a row once the buffers are full").pollInSameThread()
				.pollDelay(Duration.ofMillis(50))
				.pollInterval(Duration.ofMillis(50))
				.atMost(Duration.ofSeconds(10))
				.until(() -> {
					CompletableFuture<String> call = client.callAsync("echo", List.of(big), String.class);
					long id = client.nextId() - 1;
					if (!call.isDone()) {
						// The sockets took a little more meanwhile: written after all.
						written.add(call);
						writtenIds.add(id);
						rejectedInARow.set(0);
					}
					else if (Reliability.failure(call) instanceof RpcRequestRejectedException) {
						rejectedInARow.incrementAndGet();
					}
					return rejectedInARow.get() == 20;
				});
			assertThat(rejectedInARow.get()).as("calls refused in a row once the buffers are full").isEqualTo(20);
			assertThat(rejected).as("a call refused by the full send buffer").isInstanceOf(RpcRequestRejectedException.class)
				.hasMessageContaining("Send buffer to " + server.url() + " is full")
				.hasMessageContaining("sendBufferLimit=" + SEND_BUFFER_LIMIT)
				.hasMessageContaining("echo was not sent");
			assertThat(written).as("calls written before the buffer filled").isNotEmpty().noneMatch(CompletableFuture::isDone);
			assertThat(client.isConnected()).isTrue();
			System.out.printf("[reliability] send buffer: %d calls of %d KiB written before the node's and the client's buffers"
					+ " filled (sendBufferLimit %d KiB)%n", written.size(), big.length() / 1024, SEND_BUFFER_LIMIT / 1024);

			server.resumeReading();
			await("every written call reaches the node").atMost(Duration.ofSeconds(20))
				.until(() -> server.heldRequests() == written.size());
			server.answerHeld();
			for (int i = 0; i < written.size(); i++) {
				assertThat(written.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(RawWebSocketServer.hashFor(writtenIds.get(i)));
			}
			// The buffer emptied: calls as big as those go out again, many times over what it holds.
			for (int i = 0; i < 3 * SEND_BUFFER_LIMIT / big.length(); i++) {
				CompletableFuture<String> call = client.callAsync("echo", List.of(big), String.class);
				long id = client.nextId() - 1;
				await().atMost(Duration.ofSeconds(10)).until(() -> server.heldRequests() == 1);
				server.answerHeld();
				assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(RawWebSocketServer.hashFor(id));
			}
			assertThat(client.getBlockCount()).isEqualTo(RawWebSocketServer.BLOCK_COUNT);
			assertThat(events.of(ConnectionEvent.Disconnected.class)).isEmpty();
		}
	}

}
