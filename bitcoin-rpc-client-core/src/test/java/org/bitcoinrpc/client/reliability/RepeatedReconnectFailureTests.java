package org.bitcoinrpc.client.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.RpcEndpointException;
import org.bitcoinrpc.client.internal.ConnectionWatchdog;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.SimulatedNodeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A reconnect loop that fails the same way every time (here a websocket URL without btcd's
 * {@code /ws}) says so at WARN once, then at DEBUG: the log is not flooded for ever.
 */
class RepeatedReconnectFailureTests {

	@RegisterExtension
	static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(SimulatedNode.builder().user("user").password("pass"));

	@Test
	void theSameFailureAgainIsLoggedAtDebug() {
		String url = NODE.node().wsUrl().replaceFirst("/ws$", "/");
		String message = url + " is not a websocket endpoint; btcd serves it at /ws";
		List<LogCapture.Line> lines = new CopyOnWriteArrayList<>();
		List<ConnectionEvent.ReconnectFailed> failures = new CopyOnWriteArrayList<>();
		try (LogCapture capture = new LogCapture(Level.INFO, true, lines::add);
				BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder().url(url).credentials("user", "pass")
					.reconnectDelay(Delay.constant(Duration.ofMillis(20))).build())) {
			capture.level(ConnectionWatchdog.class.getName(), Level.DEBUG);
			client.addListener((event) -> {
				if (event instanceof ConnectionEvent.ReconnectFailed failed) {
					failures.add(failed);
				}
			});
			assertThatThrownBy(client::connect).isInstanceOf(RpcEndpointException.class).hasMessage(message);
			await().atMost(Duration.ofSeconds(20)).until(() -> failures.size() >= 3);
			client.close();
			List<LogCapture.Line> mentioning = lines.stream()
				.filter((line) -> line.logger().equals(ConnectionWatchdog.class.getName()))
				.filter((line) -> line.text().contains(message))
				.toList();
			assertThat(mentioning).filteredOn((line) -> line.level() == Level.WARN).hasSize(1);
			assertThat(mentioning).filteredOn((line) -> line.level() == Level.DEBUG).hasSizeGreaterThanOrEqualTo(3);
			assertThat(failures).allSatisfy((failed) -> assertThat(failed.cause()).isEqualTo(message));
		}
	}

}
