package org.bitcoinrpc.spring.test;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.event.ConnectedEvent;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SimulatedBitcoinNodeAutoConfiguration}, what {@link AutoConfigureSimulatedBitcoinNode}
 * imports, with the properties its attributes are mapped to.
 */
class SimulatedBitcoinNodeAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SimulatedBitcoinNodeAutoConfiguration.class,
				SimulatedNodeConnectionAutoConfiguration.class, BitcoinRpcAutoConfiguration.class));

	@Test
	void aStartedWebSocketNodeThatTheContextCloses() {
		SimulatedNode[] seen = new SimulatedNode[1];
		this.runner.withPropertyValues("bitcoin.rpc.test.node.initial-height=4").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SimulatedNode.class).hasSingleBean(BitcoinRpcEvents.class);
			seen[0] = context.getBean(SimulatedNode.class);
			assertThat(seen[0].isRunning()).isTrue();
			assertThat(seen[0].blockCount()).isEqualTo(4);
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			assertThat(client.options().url().toString()).isEqualTo(seen[0].wsUrl());
			assertThat(client.isConnected()).isTrue();
		});
		assertThat(seen[0].isRunning()).isFalse();
	}

	/** The context's start waited for the subscriptions: a block mined now is notified. */
	@Test
	void theSubscriptionsAreInPlaceOnceTheContextStarted() {
		this.runner.withPropertyValues("bitcoin.rpc.notifications.blocks=true", "bitcoin.rpc.notifications.transactions=txid")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(SimulatedNode.class).sessionSubscriptions())
					.singleElement()
					.satisfies((held) -> assertThat(held).contains("notifyblocks", "notifynewtransactions"));
			});
	}

	@Test
	void anHttpNodeWithKeepAliveReplies() {
		this.runner.withPropertyValues("bitcoin.rpc.test.node.transport=HTTP_POST").run((context) -> {
			assertThat(context).hasNotFailed();
			SimulatedNode node = context.getBean(SimulatedNode.class);
			assertThat(node.isConnectionClose()).isFalse();
			BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
			assertThat(client.options().mode()).isEqualTo(TransportMode.HTTP_POST);
			assertThat(client.options().url().toString()).isEqualTo(node.httpUrl());
			assertThat(client.getBlockCount()).isZero();
		});
	}

	@Test
	void aNodeOfTheTestsOwnReplacesIt() {
		this.runner.withUserConfiguration(OwnNode.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SimulatedNode.class);
			assertThat(context.getBean(SimulatedNode.class).blockCount()).isEqualTo(9);
			assertThat(context.getBean(BitcoinRpcClient.class).getBlockCount()).isEqualTo(9);
		});
	}

	@Test
	void aRecorderOfTheTestsOwnReplacesIt() {
		BitcoinRpcEvents own = new BitcoinRpcEvents();
		this.runner.withBean(BitcoinRpcEvents.class, () -> own).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(BitcoinRpcEvents.class)).isSameAs(own);
			assertThat(own.await(ConnectedEvent.class).getPayload().url()).isEqualTo(context.getBean(SimulatedNode.class).wsUrl());
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnNode {

		@Bean
		@SimulatedNodeConnection
		SimulatedNode ownNode() {
			return SimulatedNode.builder().initialHeight(9).build();
		}

	}

}
