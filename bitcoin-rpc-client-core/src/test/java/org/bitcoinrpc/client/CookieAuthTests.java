package org.bitcoinrpc.client;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Bitcoin Core's cookie authentication across node restarts: the node writes a new cookie at each
 * start, and every call or handshake sent with the old one must be sent again with the new one,
 * however many are refused at once. Against the simulated node with a cookie file.
 */
class CookieAuthTests {

	private static final int HEIGHT = 7;

	@TempDir
	Path dir;

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	private Path cookie() {
		return this.dir.resolve(".cookie");
	}

	/** A Core-like node: a cookie file, keep-alive connections. */
	private SimulatedNode node() {
		SimulatedNode node = SimulatedNode.builder().cookieFile(cookie()).connectionClose(false).initialHeight(HEIGHT)
			.build().start();
		this.resources.add(node);
		return node;
	}

	private BitcoinRpcClient client(ClientOptions.Builder builder) {
		BitcoinRpcClient client = BitcoinRpcClient.create(builder.build());
		this.resources.add(client);
		return client;
	}

	private static ClientOptions.Builder options(String url, Path cookie) {
		return ClientOptions.builder().url(url).cookieFile(cookie).requestTimeout(Duration.ofSeconds(10))
			.reconnectDelay(Delay.constant(Duration.ofMillis(50)));
	}

	@Test
	void hundredCallsInFlightAcrossARotationAllSucceed() throws Exception {
		SimulatedNode node = node();
		BitcoinRpcClient client = client(ClientOptions.builder().url(node.httpUrl()).cookieFile(cookie()).maxConnections(4));
		client.connect();
		// Connect asked getblockcount once (its probe): count only the calls from here on.
		node.resetCounts();
		node.delay("getblockcount", Duration.ofSeconds(2));
		List<CompletableFuture<Long>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			calls.add(client.getBlockCountAsync());
		}
		// Four calls hold the four connections at the node; the other 96 wait in the client, their
		// requests built with the cookie of the moment.
		await().atMost(Duration.ofSeconds(10)).until(() -> node.requestCount("getblockcount") >= 4);

		node.rotateCookie();
		node.delay("getblockcount", Duration.ZERO);

		assertThat(node.requestCount("getblockcount")).as("calls that reached the node before the rotation").isEqualTo(4);
		CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> null)
			.get(30, TimeUnit.SECONDS);
		assertThat(calls).allSatisfy((call) -> assertThat(call).isCompletedWithValue((long) HEIGHT));
		assertThat(node.requestCount("getblockcount")).isEqualTo(100);
	}

	@Test
	void batchAfterARotationSucceedsForEveryElement() {
		SimulatedNode node = node();
		BitcoinRpcClient client = client(options(node.httpUrl(), cookie()));
		client.connect();
		String tip = client.getBestBlockHash();

		node.rotateCookie();

		RpcBatch batch = client.batch();
		CompletableFuture<Long> count = batch.add("getblockcount", List.of(), Long.class);
		CompletableFuture<String> best = batch.add("getbestblockhash", List.of(), String.class);
		CompletableFuture<String> genesis = batch.add("getblockhash", List.of(0), String.class);
		batch.send().join();
		assertThat(count.join()).isEqualTo(HEIGHT);
		assertThat(best.join()).isEqualTo(tip);
		assertThat(genesis.join()).isEqualTo(node.blockHash(0));
	}

	@ParameterizedTest
	@EnumSource(TransportMode.class)
	void callAfterARestartWithANewCookieSucceeds(TransportMode mode) throws Exception {
		SimulatedNode node = node();
		String url = (mode == TransportMode.WEBSOCKET) ? node.wsUrl() : node.httpUrl();
		BitcoinRpcClient client = client(options(url, cookie()));
		client.connect();
		assertThat(client.getBlockCount()).isEqualTo(HEIGHT);
		String before = Files.readString(cookie());

		node.restart();

		assertThat(Files.readString(cookie())).isNotEqualTo(before);
		assertThat(client.getBlockCount()).isEqualTo(HEIGHT);
	}

	@Test
	void webSocketHandshakeAfterARotationSucceedsOnTheFirstAttempt() {
		SimulatedNode node = node();
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = client(options(node.wsUrl(), cookie()).reconnect(false));
		client.addListener(listener);
		client.connect();
		client.disconnect();

		node.rotateCookie();

		client.connect();
		assertThat(client.getBlockCount()).isEqualTo(HEIGHT);
		// Events are dispatched on their own thread: wait for the second Connected.
		assertThat(listener.awaitCount(ConnectionEvent.Connected.class, 2)).hasSize(2);
		assertThat(listener.events(ConnectionEvent.ReconnectFailed.class)).isEmpty();
	}

	@Test
	void webSocketReconnectAfterARotationSucceedsOnTheFirstAttempt() {
		SimulatedNode node = node();
		RecordingListener listener = new RecordingListener();
		BitcoinRpcClient client = client(options(node.wsUrl(), cookie()));
		client.addListener(listener);
		client.connect();

		node.rotateCookie();
		node.dropConnections();

		assertThat(listener.awaitFirst(ConnectionEvent.Reconnected.class, (event) -> true).attempts()).isEqualTo(1);
		assertThat(client.getBlockCount()).isEqualTo(HEIGHT);
	}

	@Test
	void emptyCookieFileFailsClearlyAndIsReadAgainLater() throws Exception {
		SimulatedNode node = node();
		Path copy = this.dir.resolve("copy.cookie");
		Files.writeString(copy, "");
		BitcoinRpcClient client = client(options(node.httpUrl(), copy).reconnect(false));

		assertThatThrownBy(client::connect).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining(copy.toString())
			.hasMessageContaining("is empty");

		Files.copy(cookie(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		client.connect();
		assertThat(client.getBlockCount()).isEqualTo(HEIGHT);
	}

	@Test
	void malformedCookieFileFailsClearlyWithoutTheSecret() throws Exception {
		SimulatedNode node = node();
		String secret = node.password();
		Path copy = this.dir.resolve("copy.cookie");
		Files.writeString(copy, "__cookie__=" + secret + "\n");
		BitcoinRpcClient client = client(options(node.httpUrl(), copy).reconnect(false));

		assertThatThrownBy(client::connect).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining(copy.toString())
			.hasMessageContaining("__cookie__:<hex>")
			.satisfies((ex) -> assertNoSecret(ex, secret));
	}

	@Test
	void cookieFileLeftEmptyAfterARotationFailsTheCallNamingTheFileWithoutAnySecret() throws Exception {
		SimulatedNode node = node();
		BitcoinRpcClient client = client(options(node.httpUrl(), cookie()));
		client.connect();
		String old = node.password();

		node.rotateCookie();
		String current = node.password();
		// As if Core had died between creating and writing its new cookie.
		Files.writeString(cookie(), "");

		assertThatThrownBy(client::getBlockCount).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining(node.httpUrl())
			.hasMessageContaining("HTTP 401")
			.hasMessageContaining(cookie().toString())
			.hasMessageContaining("is empty")
			.satisfies((ex) -> assertNoSecret(ex, old))
			.satisfies((ex) -> assertNoSecret(ex, current));

		Files.writeString(cookie(), "__cookie__:" + current);
		assertThat(client.getBlockCount()).isEqualTo(HEIGHT);
	}

	@Test
	void nodeThatRotatesOnEveryRequestGetsTheCallTwiceMoreThenItFails() throws Exception {
		// Writes a new cookie, then refuses: whatever the client sends is always one cookie late.
		Path cookie = cookie();
		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (body.contains("\"id\":0,")) {
				// The probe at connect: taken, so that the call after it meets the rotating node.
				byte[] reply = "{\"result\":1,\"error\":null,\"id\":0}".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, reply.length);
				exchange.getResponseBody().write(reply);
				exchange.close();
				return;
			}
			Files.writeString(cookie, "__cookie__:" + requests.incrementAndGet());
			exchange.sendResponseHeaders(401, -1);
			exchange.close();
		});
		server.start();
		this.resources.add(() -> server.stop(0));
		Files.writeString(cookie, "__cookie__:0");
		BitcoinRpcClient client = client(options("http://127.0.0.1:" + server.getAddress().getPort() + "/", cookie));
		client.connect();

		assertThatThrownBy(client::getBlockCount).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining("HTTP 401")
			.hasMessageContaining("after 2 re-send(s)");
		assertThat(requests).hasValue(3);
	}

	/** Neither the secret nor the header made from it appear in the messages of the error and its causes. */
	private static void assertNoSecret(Throwable error, String secret) {
		String header = Base64.getEncoder().encodeToString(("__cookie__:" + secret).getBytes(StandardCharsets.UTF_8));
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause)).doesNotContain(secret).doesNotContain(header);
		}
	}

}
