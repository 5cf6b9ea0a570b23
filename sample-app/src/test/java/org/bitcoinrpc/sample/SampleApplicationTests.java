package org.bitcoinrpc.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as a newcomer runs it: no node configured, so the built-in one mines blocks; the
 * events are logged, health shows {@code bitcoinRpc} UP with details, metrics exist, and
 * {@code /chain/tip} answers over HTTP, with the follower's cursor; each block is logged once and
 * has its one row in the H2 database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "sample.demo.block-interval=200ms")
@ExtendWith(OutputCaptureExtension.class)
// Closed after the class: its demo node mines on, and would log blocks into other tests' output.
@DirtiesContext
class SampleApplicationTests {

	private static final Pattern BLOCK_LINE = Pattern.compile("Block (\\d+) connected: ([0-9a-f]{64}) at ");

	@LocalServerPort
	private int port;

	@Autowired
	private BlockLedger ledger;

	/** A database and demo chain of this test's own, not the ones of ./run-sample-app.sh. */
	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("sample-app-test");
		registry.add("sample.data-dir", directory::toString);
	}

	/** The heights in the "Block N connected" lines, in order. */
	static List<Long> loggedHeights(String output) {
		List<Long> heights = new ArrayList<>();
		Matcher matcher = BLOCK_LINE.matcher(output);
		while (matcher.find()) {
			heights.add(Long.parseLong(matcher.group(1)));
		}
		return heights;
	}

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
		JsonNode follower = tip.get("follower");
		assertThat(follower.get("height").asLong()).isGreaterThan(100).isLessThanOrEqualTo(tip.get("height").asLong());
		assertThat(follower.get("hash").asString()).matches("[0-9a-f]{64}");
		assertThat(follower.get("lag").asLong()).isEqualTo(tip.get("height").asLong() - follower.get("height").asLong());

		// Each handled block logged once, in order, and in the ledger once.
		await().atMost(Duration.ofSeconds(30)).until(() -> loggedHeights(output.getOut()).size() >= 3);
		List<Long> heights = loggedHeights(output.getOut());
		assertThat(heights).doesNotHaveDuplicates().isSorted();
		assertThat(heights.get(heights.size() - 1) - heights.get(0) + 1).isEqualTo(heights.size());
		assertThat(this.ledger.size()).isGreaterThanOrEqualTo(heights.size());

		JsonNode metric = http().get().uri("/actuator/metrics/bitcoin.rpc.requests").retrieve().body(JsonNode.class);
		assertThat(metric.get("name").asString()).isEqualTo("bitcoin.rpc.requests");
		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("Transaction accepted: "));

		// The node is in the readiness group, not in liveness (application.yml). Asked here rather than in a
		// test of its own: the block lines above are read from this method's captured output only.
		JsonNode readiness = http().get().uri("/actuator/health/readiness").retrieve().body(JsonNode.class);
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("bitcoinRpc", "readinessState");
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		JsonNode liveness = http().get().uri("/actuator/health/liveness").retrieve().body(JsonNode.class);
		assertThat(liveness.toString()).doesNotContain("bitcoinRpc");
		assertThat(liveness.get("status").asString()).isEqualTo("UP");
	}

}
