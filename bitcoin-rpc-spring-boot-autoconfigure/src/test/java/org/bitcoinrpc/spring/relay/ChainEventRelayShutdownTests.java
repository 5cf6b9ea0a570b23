package org.bitcoinrpc.spring.relay;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser sees when the application stops, and when it starts before the node can be
 * reached: its pages learn it, and reconnect.
 */
class ChainEventRelayShutdownTests {

	@Test
	void stoppingTheApplicationClosesEveryBrowserAsGoingAway() throws Exception {
		try (SimulatedNode node = SimulatedNode.builder().build().start();
				ConfigurableApplicationContext context = start(node.wsUrl())) {
			try (BrowserSession browser = BrowserSession.connect(events(context))) {
				assertThat(browser.next().path("type").asString()).isEqualTo("snapshot");
				context.close();
				CloseStatus status = browser.closed.get(10, TimeUnit.SECONDS);
				assertThat(status.getCode()).isEqualTo(CloseStatus.GOING_AWAY.getCode());
			}
		}
	}

	@Test
	void withoutTheNodeTheSnapshotHasNoTipAndSaysSo() throws Exception {
		SimulatedNode node = SimulatedNode.builder().build().start();
		String url = node.wsUrl();
		node.close();
		try (ConfigurableApplicationContext context = start(url);
				BrowserSession browser = BrowserSession.connect(events(context))) {
			JsonNode snapshot = browser.next();
			assertThat(snapshot.path("type").asString()).isEqualTo("snapshot");
			assertThat(snapshot.path("state").asString()).isIn("CONNECTING", "RECONNECTING", "DISCONNECTED");
			assertThat(snapshot.path("tip").isNull()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(ChainEventRelayTests.TestApplication.class)
			.properties("server.port=0", "server.address=127.0.0.1", "bitcoin.rpc.url=" + url,
					"bitcoin.rpc.relay.enabled=true", "bitcoin.rpc.connect-timeout=1s",
					"bitcoin.rpc.reconnect.initial-delay=100ms", "bitcoin.rpc.reconnect.max-delay=500ms",
					"bitcoin.rpc.reconnect.disconnected-behavior=reject")
			.run();
	}

	private static URI events(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("ws://127.0.0.1:" + port + "/bitcoin/events");
	}

}
