package org.bitcoinrpc.readme;

import java.time.Duration;

import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * README "Spring Boot": the block listener, and the listeners typed by the event's record, in an
 * application context with the starter's auto-configuration against a simulated btcd.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootEventsTests {

	private SimulatedNode node;

	@BeforeEach
	void startNode() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(20).build().start();
	}

	@AfterEach
	void stopNode() {
		this.node.close();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class))
			.withPropertyValues("bitcoin.rpc.url=" + this.node.wsUrl(), "bitcoin.rpc.user=user",
					"bitcoin.rpc.password=pass", "bitcoin.rpc.notifications.blocks=true");
	}

	@Test
	void theBlockListenerLogsEachBlock(CapturedOutput output) {
		runner().withUserConfiguration(BlockEventsListener.class).run((context) -> {
			assertThat(context).hasNotFailed();
			await().atMost(Duration.ofSeconds(15)).until(() -> this.node.requestCount("notifyblocks") >= 1);
			String hash = this.node.generate(1).get(0);
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(output.getOut()).contains("block " + hash + " at height 21"));
		});
	}

	@Test
	void aTypedListenerGetsOnlyItsRecords(CapturedOutput output) {
		runner().withUserConfiguration(TypedEventsListener.class).run((context) -> {
			assertThat(context).hasNotFailed();
			await().atMost(Duration.ofSeconds(15)).until(() -> this.node.requestCount("notifyblocks") >= 1);
			String hash = this.node.generate(1).get(0);
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(output.getOut()).contains("block " + hash + " at height 21")
					.contains("event BlockConnected[hash=" + hash));
			assertThat(output.getOut()).doesNotContain("rescan finished").doesNotContain("mempool +");
		});
	}

}
