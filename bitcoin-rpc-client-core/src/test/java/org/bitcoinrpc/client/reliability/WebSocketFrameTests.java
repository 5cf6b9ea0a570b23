package org.bitcoinrpc.client.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.RpcResponseTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the websocket transport does with frames a bare server sends: it answers the node's pings
 * itself (it takes frames, so Jetty does not), and a reply over the size limit in one single frame
 * fails only its own call, like one in many frames.
 */
class WebSocketFrameTests {

	private static final int MAX_RESPONSE_SIZE = 64 * 1024;

	private final List<BitcoinRpcClient> clients = new ArrayList<>();

	@AfterEach
	void tearDown() {
		this.clients.forEach(BitcoinRpcClient::close);
	}

	private BitcoinRpcClient connect(RawWebSocketServer server, Reliability.Events events) {
		BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(server.url())
			.credentials("user", "pass")
			.maxResponseSize(MAX_RESPONSE_SIZE)
			.requestTimeout(Duration.ofSeconds(15))
			.reconnectDelay(Delay.constant(Duration.ofMillis(50)))
			.build());
		this.clients.add(client);
		client.addListener(events);
		client.connect();
		return client;
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void pingsFromTheNodeAreAnsweredWithTheirPayload() throws Exception {
		try (RawWebSocketServer server = new RawWebSocketServer()) {
			Reliability.Events events = new Reliability.Events();
			BitcoinRpcClient client = connect(server, events);
			server.sendPing("first".getBytes(StandardCharsets.US_ASCII));
			server.sendPing(new byte[0]);
			server.sendPing("x".repeat(125).getBytes(StandardCharsets.US_ASCII));
			await().atMost(Duration.ofSeconds(10)).until(() -> server.pongs().size() >= 3);
			assertThat(server.pongs()).map((payload) -> new String(payload, StandardCharsets.US_ASCII))
				.containsExactly("first", "", "x".repeat(125));
			assertThat(client.getBlockCount()).isEqualTo(RawWebSocketServer.BLOCK_COUNT);
			assertThat(events.of(ConnectionEvent.Disconnected.class)).isEmpty();
		}
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aReplyOverTheLimitInOneFrameFailsOnlyItsCall() throws Exception {
		try (RawWebSocketServer server = new RawWebSocketServer()) {
			Reliability.Events events = new Reliability.Events();
			BitcoinRpcClient client = connect(server, events);
			CompletableFuture<String> victim = client.getBlockHashAsync(1);
			long victimId = client.nextId() - 1;
			CompletableFuture<String> bystander = client.getBlockHashAsync(2);
			await().atMost(Duration.ofSeconds(10)).until(() -> server.heldRequests() == 2);

			server.sendText("{\"jsonrpc\":\"1.0\",\"result\":\"" + "f".repeat(3 * MAX_RESPONSE_SIZE)
					+ "\",\"error\":null,\"id\":" + victimId + "}");
			await().atMost(Duration.ofSeconds(10)).until(victim::isDone);
			assertThat(Reliability.failure(victim)).isInstanceOf(RpcResponseTooLargeException.class)
				.hasMessageContaining("getblockhash")
				.hasMessageContaining("maxResponseSize (" + MAX_RESPONSE_SIZE + " bytes)");
			assertThat(bystander).isNotDone();
			assertThat(client.getBlockCount()).isEqualTo(RawWebSocketServer.BLOCK_COUNT);
			server.answerHeld();
			assertThat(bystander.get(10, TimeUnit.SECONDS)).hasSize(64);
			assertThat(events.of(ConnectionEvent.Disconnected.class)).isEmpty();
		}
	}

}
