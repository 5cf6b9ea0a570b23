package org.bitcoinrpc.spring.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcConnectionDetails;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link SimulatedNodeConnectionAutoConfiguration}: a node bean marked
 * {@link SimulatedNodeConnection @SimulatedNodeConnection} gives the client its connection
 * details through the factory registered in {@code spring.factories}, and lives and dies with
 * the context.
 */
class SimulatedNodeConnectionAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SimulatedNodeConnectionAutoConfiguration.class, BitcoinRpcAutoConfiguration.class));

	@Test
	void theClientConnectsToTheDeclaredNodeWithoutAnyProperty() {
		this.runner.withUserConfiguration(WebSocketNode.class).run((context) -> {
			assertThat(context).hasNotFailed();
			SimulatedNode node = context.getBean(SimulatedNode.class);
			BitcoinRpcConnectionDetails details = context.getBean(BitcoinRpcConnectionDetails.class);
			assertThat(details.getUrl()).isEqualTo(node.wsUrl());
			assertThat(details.getUser()).isEqualTo("alice");
			assertThat(details.getPassword()).isEqualTo("secret");
			assertThat(details.getCookieFile()).isNull();
			assertThat(details.toString()).doesNotContain("secret").contains("'node'");
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			// The readiness lifecycle held the start until the client was connected.
			assertThat(client.isConnected()).isTrue();
			assertThat(client.getBlockCount()).isEqualTo(7);
		});
	}

	@Test
	void overHttpWithBitcoinCoresCookie(@TempDir Path directory) {
		Path cookie = directory.resolve(".cookie");
		this.runner.withUserConfiguration(HttpNode.class)
			.withBean(Path.class, () -> cookie)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SimulatedNode node = context.getBean(SimulatedNode.class);
				BitcoinRpcConnectionDetails details = context.getBean(BitcoinRpcConnectionDetails.class);
				assertThat(details.getUrl()).isEqualTo(node.httpUrl());
				assertThat(details.getUser()).isNull();
				assertThat(details.getPassword()).isNull();
				assertThat(details.getCookieFile()).isEqualTo(cookie);
				BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
				assertThat(client.options().mode()).isEqualTo(TransportMode.HTTP_POST);
				assertThat(client.getBlockCount()).isZero();
			});
	}

	@Test
	void aNodeTheBeanMethodLeftStoppedIsStartedAndTheContextClosesIt() {
		SimulatedNode[] seen = new SimulatedNode[1];
		this.runner.withUserConfiguration(StoppedNode.class).run((context) -> {
			assertThat(context).hasNotFailed();
			seen[0] = context.getBean(SimulatedNode.class);
			assertThat(seen[0].isRunning()).isTrue();
			await().atMost(WAIT).until(() -> context.getBean(BitcoinRpcClient.class).isConnected());
		});
		assertThat(seen[0].isRunning()).isFalse();
	}

	@Test
	void aNodeWithoutTheAnnotationIsLeftAlone() {
		this.runner.withUserConfiguration(PlainNode.class)
			.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(BitcoinRpcConnectionDetails.class).getUrl()).isEqualTo("ws://127.0.0.1:1/ws");
				assertThat(context).doesNotHaveBean(SimulatedNodeStarter.class);
			});
	}

	@Test
	void theApplicationsOwnConnectionDetailsWin() {
		this.runner.withUserConfiguration(WebSocketNode.class, OwnDetails.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(BitcoinRpcConnectionDetails.class);
			assertThat(context.getBean(BitcoinRpcConnectionDetails.class).getUrl()).isEqualTo("ws://127.0.0.1:2/ws");
		});
	}

	@Test
	void aTlsNodeIsReachedThroughAnSslBundleTrustingItsCertificate() {
		this.runner.withUserConfiguration(TlsNode.class).run((context) -> {
			assertThat(context).hasNotFailed();
			SimulatedNode node = context.getBean(SimulatedNode.class);
			BitcoinRpcConnectionDetails details = context.getBean(BitcoinRpcConnectionDetails.class);
			assertThat(details.getUrl()).isEqualTo(node.wsUrl()).startsWith("wss://");
			assertThat(details.getSslBundle()).isNotNull();
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			assertThat(client.isConnected()).isTrue();
			assertThat(client.getBlockCount()).isEqualTo(3);
		});
	}

	@Test
	void aPlainNodeHasNoSslBundle() {
		this.runner.withUserConfiguration(WebSocketNode.class)
			.run((context) -> assertThat(context.getBean(BitcoinRpcConnectionDetails.class).getSslBundle()).isNull());
	}

	@Test
	void theFactoryIsRegisteredInSpringFactories() {
		try (SimulatedNode node = SimulatedNode.builder().build().start()) {
			SimulatedNodeConnectionSource source = new SimulatedNodeConnectionSource("node", TransportMode.WEBSOCKET,
					() -> node);
			Map<Class<?>, ConnectionDetails> details = new ConnectionDetailsFactories(null).getConnectionDetails(source,
					true);
			assertThat(details).containsOnlyKeys(BitcoinRpcConnectionDetails.class);
			assertThat(((BitcoinRpcConnectionDetails) details.get(BitcoinRpcConnectionDetails.class)).getUrl())
				.isEqualTo(node.wsUrl());
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class WebSocketNode {

		@Bean
		@SimulatedNodeConnection
		SimulatedNode node() {
			return SimulatedNode.builder().user("alice").password("secret").initialHeight(7).build().start();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HttpNode {

		@Bean
		@SimulatedNodeConnection(transport = TransportMode.HTTP_POST)
		SimulatedNode node(Path cookie) {
			return SimulatedNode.builder().cookieFile(cookie).connectionClose(false).build().start();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StoppedNode {

		@Bean
		@SimulatedNodeConnection
		SimulatedNode node() {
			return SimulatedNode.builder().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainNode {

		@Bean
		SimulatedNode node() {
			return SimulatedNode.builder().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TlsNode {

		@Bean
		@SimulatedNodeConnection
		SimulatedNode node() {
			return SimulatedNode.builder().tls(true).initialHeight(3).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDetails {

		@Bean
		BitcoinRpcConnectionDetails ownDetails() {
			return () -> "ws://127.0.0.1:2/ws";
		}

	}

}
