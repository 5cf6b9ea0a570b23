package org.bitcoinrpc.readme;

// tag::client-resources[]
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ClientResources;

// end::client-resources[]
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** README "Threads, and several nodes": two clients on one {@link ClientResources}. */
class ClientResourcesTests {

	static ClientResources twoNodes(ClientOptions mainnetOptions, ClientOptions signetOptions) {
		// tag::client-resources[]
		ClientResources resources = ClientResources.create(2);
		BitcoinRpcClient mainnet = BitcoinRpcClient.create(mainnetOptions, resources);
		BitcoinRpcClient signet = BitcoinRpcClient.create(signetOptions, resources);
		// ... shut the clients down first: shared threads outlive them
		mainnet.close();
		signet.close();
		resources.close();
		// end::client-resources[]
		return resources;
	}

	@Test
	void theClientsShareTheResourcesWhichCloseLast() {
		try (SimulatedNode first = SimulatedNode.builder().build().start();
				SimulatedNode second = SimulatedNode.builder().build().start()) {
			ClientResources resources = twoNodes(ClientOptions.builder().url(first.wsUrl()).build(),
					ClientOptions.builder().url(second.httpUrl()).build());
			assertThat(resources.isClosed()).isTrue();
			assertThat(resources.ioThreads()).isEqualTo(2);
		}
	}

}
