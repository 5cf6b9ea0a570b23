package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.SimulatedNodeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Clients on their own I/O threads or on shared ones: sharing, what a client's shutdown releases,
 * and what closing the resources does.
 */
class ClientResourcesTests {

	@RegisterExtension
	static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(
			SimulatedNode.builder().user("user").password("pass").initialHeight(5));

	private static ClientOptions options(String mode) {
		String url = mode.equals("ws") ? NODE.node().wsUrl() : NODE.node().httpUrl();
		return ClientOptions.builder().url(url).credentials("user", "pass").build();
	}

	private static Set<String> threadsNamed(String prefix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith(prefix))
			.collect(Collectors.toSet());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void clientsShareResourcesAndOneShuttingDownLeavesTheOthersRunning(String mode) throws Exception {
		try (ClientResources resources = ClientResources.create(2)) {
			BitcoinRpcClient first = BitcoinRpcClient.create(options(mode), resources);
			BitcoinRpcClient second = BitcoinRpcClient.create(options(mode), resources);
			assertThat(first.resources()).isSameAs(resources).isSameAs(second.resources());
			first.connect();
			second.connect();
			long height = first.getBlockCount();
			assertThat(height).isNotNegative();

			first.close();
			assertThat(first.awaitShutdown(Duration.ofSeconds(5))).isTrue();
			assertThat(resources.isClosed()).isFalse();
			NODE.node().generate(1);
			assertThat(second.getBlockCount()).isEqualTo(height + 1);
			second.close();
		}
	}

	@Test
	void closingTheResourcesEndsTheirThreads() throws Exception {
		ClientResources resources = ClientResources.create(2);
		BitcoinRpcClient client = BitcoinRpcClient.create(options("ws"), resources);
		client.connect();
		Set<String> threads = threadsNamed("bitcoin-rpc-shared-");
		assertThat(threads).isNotEmpty();
		client.close();
		assertThat(resources.close(Duration.ofSeconds(10))).isTrue();
		assertThat(resources.isClosed()).isTrue();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(threadsNamed("bitcoin-rpc-shared-"))
			.doesNotContainAnyElementsOf(threads));
	}

	@Test
	void closedResourcesTakeNoNewClient() {
		ClientResources resources = ClientResources.create(1);
		resources.close();
		assertThatThrownBy(() -> BitcoinRpcClient.create(options("http"), resources))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ClientResources are closed");
	}

	@Test
	void ioThreadsMustBePositive() {
		assertThatThrownBy(() -> ClientResources.create(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("ioThreads must be at least 1, was 0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void aClientsOwnResourcesEndWithIt(String mode) throws Exception {
		BitcoinRpcClient client = BitcoinRpcClient.create(options(mode));
		client.connect();
		assertThat(client.getBlockCount()).isNotNegative();
		assertThat(client.resources().isClosed()).isFalse();
		client.close();
		assertThat(client.awaitShutdown(Duration.ofSeconds(5))).isTrue();
		assertThat(client.resources().isClosed()).isTrue();
	}

}
