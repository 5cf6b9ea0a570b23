package org.bitcoinrpc.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as a newcomer runs it: no node configured, so the built-in one mines blocks; the
 * events are logged, health shows {@code bitcoinRpc} UP with details, metrics exist, and
 * {@code /chain/tip} answers over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "sample.demo.block-interval=200ms")
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	private RestClient http() {
		return RestClient.create("http://127.0.0.1:" + this.port);
	}

	@Test
	void blocksAreLoggedAndTheEndpointsAnswer(CapturedOutput output) {
		assertThat(output.getOut()).contains("BUILT-IN SIMULATED btcd");
		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().matches("(?s).*Block \\d+ connected: [0-9a-f]{64} at .*"));

		JsonNode health = http().get().uri("/actuator/health").retrieve().body(JsonNode.class);
		JsonNode bitcoin = health.get("components").get("bitcoinRpc");
		assertThat(bitcoin.get("status").asString()).isEqualTo("UP");
		assertThat(bitcoin.get("details").get("state").asString()).isEqualTo("CONNECTED");
		assertThat(bitcoin.get("details").get("blockHeight").asLong()).isGreaterThan(100);
		assertThat(health.toString()).doesNotContain("password");

		JsonNode tip = http().get().uri("/chain/tip").retrieve().body(JsonNode.class);
		assertThat(tip.get("height").asLong()).isGreaterThan(100);
		assertThat(tip.get("bestBlockHash").asString()).matches("[0-9a-f]{64}");

		JsonNode metric = http().get().uri("/actuator/metrics/bitcoin.rpc.requests").retrieve().body(JsonNode.class);
		assertThat(metric.get("name").asString()).isEqualTo("bitcoin.rpc.requests");
		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("Transaction accepted: "));
	}

}
