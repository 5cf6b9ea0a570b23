package org.bitcoinrpc.spring.autoconfigure.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.metrics.BitcoinRpcMetricsAutoConfiguration;
import org.bitcoinrpc.spring.health.BitcoinRpcHealthIndicator;
import org.bitcoinrpc.spring.metrics.BitcoinRpcMetrics;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code bitcoinRpc} health contributor against a simulated node: UP, and DOWN when
 * disconnected, when the credentials are refused and when the node does not answer.
 */
class BitcoinRpcHealthContributorAutoConfigurationTests {

	private static final String PASSWORD = "h3alth-Pa55word";

	private SimulatedNode node;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcHealthContributorAutoConfiguration.class));

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("u").password(PASSWORD).build().start();
	}

	@AfterEach
	void stopNode() {
		this.node.stop();
	}

	private ApplicationContextRunner forNode(String url, String password) {
		return this.runner.withPropertyValues("bitcoin.rpc.url=" + url, "bitcoin.rpc.user=u",
				"bitcoin.rpc.password=" + password, "bitcoin.rpc.reconnect.initial-delay=50ms",
				"bitcoin.rpc.reconnect.max-delay=200ms");
	}

	@Test
	void upWhenConnectedAndTheNodeAnswers() {
		this.node.generate(3);
		forNode(this.node.wsUrl(), PASSWORD).run((context) -> {
			assertThat(context).hasSingleBean(BitcoinRpcHealthIndicator.class).hasBean("bitcoinRpcHealthIndicator");
			HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));
			Health health = indicator.health();
			assertThat(health.getDetails()).containsEntry("url", this.node.wsUrl())
				.containsEntry("mode", "WEBSOCKET")
				.containsEntry("state", "CONNECTED")
				.containsEntry("pendingRequests", 0)
				.containsEntry("reconnectAttempts", 0)
				.containsEntry("blockHeight", 3L)
				.doesNotContainKey("reason");
			assertNoCredentials(health);
		});
	}

	@Test
	void upOverHttp() {
		forNode(this.node.httpUrl(), PASSWORD).run((context) -> {
			HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
			// Connecting over HTTP sends a first call, in the background: UP once it is answered.
			await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));
			Health health = indicator.health();
			assertThat(health.getDetails()).containsEntry("mode", "HTTP_POST")
				.containsEntry("state", "CONNECTED")
				.containsEntry("blockHeight", 0L);
		});
	}

	@Test
	void downWhenDisconnected() {
		forNode(this.node.wsUrl(), PASSWORD).run((context) -> {
			HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));
			this.node.stop();
			// The state changes at once; the reason follows with the client's Disconnected event.
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				Map<String, Object> details = indicator.health().getDetails();
				return "not connected".equals(details.get("reason")) && details.containsKey("error");
			});
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("state", "RECONNECTING")
				.containsEntry("reason", "not connected")
				.containsKey("error")
				.doesNotContainKey("blockHeight");
			assertNoCredentials(health);
			this.node.start();
			await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));
		});
	}

	@Test
	void downWhenTheNodeIsDownAtStart() {
		this.node.stop();
		forNode(this.node.wsUrl(), PASSWORD).run((context) -> {
			HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				Map<String, Object> details = indicator.health().getDetails();
				return "not connected".equals(details.get("reason")) && details.containsKey("error");
			});
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "not connected");
			assertThat((String) health.getDetails().get("error")).contains(this.node.wsUrl());
		});
	}

	@Test
	void downWhenAuthenticationFailsOverTheWebsocket() {
		forNode(this.node.wsUrl(), "wrong-password").run((context) -> {
			HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> "authentication failed".equals(indicator.health().getDetails().get("reason")));
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("error")).contains("RpcAuthenticationException");
			assertNoCredentials(health);
			assertThat(health.toString()).doesNotContain("wrong-password");
		});
	}

	@Test
	void downWhenAuthenticationFailsOverHttp() {
		forNode(this.node.httpUrl(), "wrong-password").run((context) -> {
			HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
			// The connect's first call is refused: not connected (retrying), for that reason.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> "authentication failed".equals(indicator.health().getDetails().get("reason")));
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).doesNotContainEntry("state", "CONNECTED");
			assertThat((String) health.getDetails().get("error")).contains("RpcAuthenticationException");
			assertThat(health.toString()).doesNotContain("wrong-password");
		});
	}

	@Test
	void overHttpHealthAndGaugeFollowTheNodeFromNothingListeningToUp() throws Exception {
		this.node.stop();
		int port = freePort();
		String url = "http://127.0.0.1:" + port + "/";
		forNode(url, PASSWORD)
			.withConfiguration(AutoConfigurations.of(BitcoinRpcMetricsAutoConfiguration.class, MetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getDetails().containsKey("error"));
				Health down = indicator.health();
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails()).containsEntry("mode", "HTTP_POST")
					.containsEntry("reason", "not connected")
					.doesNotContainEntry("state", "CONNECTED")
					.doesNotContainKey("blockHeight");
				assertThat((String) down.getDetails().get("error")).contains(url);
				assertThat(connectionGauge(registry)).isZero();
				assertNoCredentials(down);

				SimulatedNode late = SimulatedNode.builder().user("u").password(PASSWORD).port(port).build().start();
				try {
					await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));
					assertThat(indicator.health().getDetails()).containsEntry("state", "CONNECTED")
						.containsEntry("blockHeight", 0L)
						.doesNotContainKey("reason");
					assertThat(connectionGauge(registry)).isEqualTo(1.0);
				}
				finally {
					late.stop();
				}
			});
	}

	@Test
	void overHttpTheStateIsTheOneTheCheckLeaves() {
		forNode(this.node.httpUrl(), PASSWORD).run((context) -> {
			HealthIndicator indicator = context.getBean(BitcoinRpcHealthIndicator.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));
			this.node.stop();
			// Over HTTP the check's own call is what finds the node gone: never "CONNECTED" next to that.
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).doesNotContainEntry("state", "CONNECTED")
				.containsEntry("reason", "not connected")
				.containsKey("error");
			assertThat((String) health.getDetails().get("error")).contains(this.node.httpUrl());
		});
	}

	@Test
	void downWhenTheNodeDoesNotAnswerInTime() {
		forNode(this.node.wsUrl(), PASSWORD).run((context) -> {
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
			this.node.neverAnswer("getblockcount");
			Health health = context.getBean(BitcoinRpcHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "timeout").containsEntry("state", "CONNECTED");
			assertThat((String) health.getDetails().get("error")).contains("RpcTimeoutException");
		});
	}

	@Test
	void offWhenDisabled() {
		forNode(this.node.wsUrl(), PASSWORD).withPropertyValues("management.health.bitcoinrpc.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(BitcoinRpcClient.class)
				.doesNotHaveBean(BitcoinRpcHealthIndicator.class));
	}

	@Test
	void offWithoutSpringBootHealth() {
		forNode(this.node.wsUrl(), PASSWORD).withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasSingleBean(BitcoinRpcClient.class)
				.doesNotHaveBean("bitcoinRpcHealthIndicator"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesOne() {
		forNode(this.node.wsUrl(), PASSWORD)
			.withBean("bitcoinRpcHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(BitcoinRpcHealthIndicator.class)
				.hasBean("bitcoinRpcHealthIndicator"));
	}

	private static double connectionGauge(MeterRegistry registry) {
		return registry.get(BitcoinRpcMetrics.CONNECTION_STATE).gauge().value();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void assertNoCredentials(Health health) {
		Map<String, Object> details = health.getDetails();
		assertThat(details.toString()).doesNotContain(PASSWORD).doesNotContain("u:");
		assertThat(details).doesNotContainKeys("user", "password", "cookie", "cookieFile");
	}

}
