package org.bitcoinrpc.spring;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.event.BitcoinRpcEvent;
import org.bitcoinrpc.spring.event.BlockConnectedEvent;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.socks.Socks5TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole starter in a web application with the actuator, against a simulated node: events,
 * health through a node stop and start, and no credential in any actuator output.
 */
@SpringBootTest(classes = BitcoinRpcApplicationTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "bitcoin.rpc.user=rpc-user", "bitcoin.rpc.notifications.blocks=true",
				"bitcoin.rpc.reconnect.initial-delay=100ms", "bitcoin.rpc.reconnect.max-delay=500ms",
				"logging.level.org.bitcoinrpc=DEBUG", "management.endpoints.web.exposure.include=*",
				"management.endpoint.health.show-details=always",
				// Show values, so that the test proves our own masking, not only the actuator's default.
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always" })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class BitcoinRpcApplicationTests {

	private static final String PASSWORD = "Node-Pa55word-7f3e";

	private static final String PROXY_PASSWORD = "Proxy-Pa55word-91ab";

	private static final SimulatedNode node = SimulatedNode.builder().user("rpc-user").password(PASSWORD).build().start();

	/** The client reaches the node through a SOCKS5 proxy that takes a user and password, as Tor does. */
	private static final Socks5TestServer proxy = Socks5TestServer.builder()
		.credentials("tor-user", PROXY_PASSWORD)
		.route(SimulatedNode.HOST, node.port(), new InetSocketAddress(SimulatedNode.HOST, node.port()))
		.build()
		.start();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private BitcoinRpcClient client;

	@Autowired
	private BlockListener listener;

	@DynamicPropertySource
	static void nodeProperties(DynamicPropertyRegistry registry) {
		registry.add("bitcoin.rpc.url", node::wsUrl);
		registry.add("bitcoin.rpc.password", () -> PASSWORD);
		registry.add("bitcoin.rpc.proxy.host", () -> SimulatedNode.HOST);
		registry.add("bitcoin.rpc.proxy.port", proxy::port);
		registry.add("bitcoin.rpc.proxy.user", () -> "tor-user");
		registry.add("bitcoin.rpc.proxy.password", () -> PROXY_PASSWORD);
	}

	@Test
	void eventsHealthAndNoCredentials(CapturedOutput output) throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(bitcoinRpcHealth().path("status").asString()));
		JsonNode health = bitcoinRpcHealth();
		assertThat(health.path("details").path("url").asString()).isEqualTo(node.wsUrl());
		assertThat(health.path("details").path("state").asString()).isEqualTo("CONNECTED");

		// A mined block reaches the application's listeners.
		await().atMost(Duration.ofSeconds(10)).until(() -> node.requestCount("notifyblocks") >= 1);
		this.client.getBlockCount();
		String first = node.generate(1).get(0);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.hashes.contains(first));
		assertThat(this.listener.all).anyMatch(BlockConnectedEvent.class::isInstance);
		assertThat(proxy.connects()).isNotEmpty()
			.allSatisfy((connect) -> assertThat(connect.username()).isEqualTo("tor-user"));

		// The node goes away: DOWN; it comes back: UP, and notifications resume.
		node.stop();
		await().atMost(Duration.ofSeconds(20)).until(() -> "DOWN".equals(bitcoinRpcHealth().path("status").asString()));
		assertThat(bitcoinRpcHealth().path("details").path("reason").asString()).isEqualTo("not connected");
		node.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> "UP".equals(bitcoinRpcHealth().path("status").asString()));
		assertThat(bitcoinRpcHealth().path("details").path("blockHeight").asLong()).isEqualTo(node.blockCount());
		String second = node.generate(1).get(0);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.hashes.contains(second));

		// No credential in any actuator output, even with values shown.
		for (String endpoint : List.of("health", "configprops", "env")) {
			String body = get("/actuator/" + endpoint).body();
			assertThat(body).as(endpoint).doesNotContain(PASSWORD).doesNotContain(PROXY_PASSWORD);
		}
		String configprops = get("/actuator/configprops").body();
		assertThat(configprops).contains("bitcoin.rpc").contains("rpc-user").contains("******");
		String env = get("/actuator/env").body();
		assertThat(env).contains("bitcoin.rpc.password").contains("rpc-user");
		// Nor in the log, at DEBUG, from start-up through a lost and regained connection.
		assertThat(output.getAll()).contains("Creating the Bitcoin RPC client")
			.doesNotContain(PASSWORD)
			.doesNotContain(PROXY_PASSWORD);
	}

	private JsonNode bitcoinRpcHealth() throws IOException, InterruptedException {
		return json.readTree(get("/actuator/health").body()).path("components").path("bitcoinRpc");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootApplication
	static class TestApplication {

		@Bean
		BlockListener blockListener() {
			return new BlockListener();
		}

		/** Closed with the context, after the lifecycle's stop has suspended the client (destruction follows every stop). */
		@Bean(destroyMethod = "close")
		Socks5TestServer socks5TestServer() {
			return proxy;
		}

		@Bean(destroyMethod = "stop")
		SimulatedNode simulatedNode() {
			return node;
		}

	}

	static class BlockListener {

		final List<String> hashes = new CopyOnWriteArrayList<>();

		final List<BitcoinRpcEvent<?>> all = new CopyOnWriteArrayList<>();

		@EventListener
		void on(BlockConnectedEvent event) {
			this.hashes.add(event.notification().hash());
		}

		@EventListener
		void on(BitcoinRpcEvent<?> event) {
			this.all.add(event);
		}

	}

}
