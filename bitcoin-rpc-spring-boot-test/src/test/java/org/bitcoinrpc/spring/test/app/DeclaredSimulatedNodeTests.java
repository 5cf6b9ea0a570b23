package org.bitcoinrpc.spring.test.app;

// tag::declared-node[]
import org.bitcoinrpc.spring.test.SimulatedNodeConnection;
import org.bitcoinrpc.test.SimulatedNode;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

// end::declared-node[]
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README "Testing your application": a node the test builds itself, marked
 * {@link SimulatedNodeConnection @SimulatedNodeConnection} in a nested {@code @TestConfiguration},
 * is the client's node in a plain {@code @SpringBootTest} (which finds {@link TestApplication} as
 * an application's test would find its application), started for the test.
 */
@SpringBootTest
class DeclaredSimulatedNodeTests {

	// tag::declared-node[]
	@TestConfiguration(proxyBeanMethods = false)
	static class NodeConfiguration {

		@Bean
		@SimulatedNodeConnection // (transport = TransportMode.HTTP_POST) for HTTP
		SimulatedNode node() {
			// Started for you (unless started here), and closed with the application context.
			return SimulatedNode.builder().initialHeight(100).build();
		}

	}
	// end::declared-node[]

	@Autowired
	SimulatedNode node;

	@Autowired
	BitcoinRpcClient client;

	@Test
	void theClientUsesTheDeclaredNode() {
		assertThat(this.node.isRunning()).isTrue();
		assertThat(this.client.options().url().toString()).isEqualTo(this.node.wsUrl());
		assertThat(this.client.getBlockCount()).isEqualTo(100);
	}

}
