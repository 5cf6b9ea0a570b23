package org.bitcoinrpc.spring.relay;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser, as far as the relay can tell: a Spring WebSocket client session that keeps every text
 * message it receives, in order, and how it was closed.
 */
final class BrowserSession extends TextWebSocketHandler implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();

	/** Every text received, also those taken from {@link #messages}. */
	final Queue<String> received = new ConcurrentLinkedQueue<>();

	/** How many messages of each type were received. */
	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

	private WebSocketSession session;

	static BrowserSession connect(URI uri) throws Exception {
		return connect(uri, null);
	}

	static BrowserSession connect(URI uri, String origin) throws Exception {
		BrowserSession browser = new BrowserSession();
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		if (origin != null) {
			headers.setOrigin(origin);
		}
		browser.session = new StandardWebSocketClient().execute(browser, headers, uri).get(10, TimeUnit.SECONDS);
		return browser;
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		// Counted before it is handed over: a test that took it from next() sees it counted.
		this.received.add(message.getPayload());
		String type = json.readTree(message.getPayload()).path("type").asString();
		this.counts.computeIfAbsent(type, (key) -> new LongAdder()).increment();
		this.messages.add(message.getPayload());
	}

	/** How many messages of a type were received so far. */
	long count(String type) {
		LongAdder count = this.counts.get(type);
		return (count != null) ? count.sum() : 0;
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.closed.complete(status);
	}

	/** The next message, failing after 10 s without one. */
	JsonNode next() throws InterruptedException {
		String message = this.messages.poll(10, TimeUnit.SECONDS);
		assertThat(message).as("a message from the relay within 10 s").isNotNull();
		return json.readTree(message);
	}

	/** The next message of a type, skipping others (transactions, states), failing after 10 s without. */
	JsonNode next(String type) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			String message = this.messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			assertThat(message).as("a '" + type + "' message from the relay within 10 s").isNotNull();
			JsonNode node = json.readTree(message);
			if (type.equals(node.path("type").asString())) {
				return node;
			}
		}
	}

	void send(String text) throws Exception {
		this.session.sendMessage(new TextMessage(text));
	}

	void sendBinary(byte[] bytes) throws Exception {
		this.session.sendMessage(new BinaryMessage(ByteBuffer.wrap(bytes)));
	}

	boolean isOpen() {
		return this.session.isOpen();
	}

	@Override
	public void close() throws Exception {
		if (this.session.isOpen()) {
			this.session.close();
		}
	}

}
