package org.bitcoinrpc.spring.test;

import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.test.SimulatedNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Auto-configuration imported by {@link AutoConfigureSimulatedBitcoinNode}: a started
 * {@link SimulatedNode} bean marked {@link SimulatedNodeConnection @SimulatedNodeConnection},
 * unless the test declares one, and a {@link BitcoinRpcEvents} recorder, unless there is one.
 * Read before {@link SimulatedNodeConnectionAutoConfiguration}, which connects the client to the
 * node.
 */
@AutoConfiguration(before = SimulatedNodeConnectionAutoConfiguration.class)
@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE)
public final class SimulatedBitcoinNodeAutoConfiguration {

	/** The property {@link AutoConfigureSimulatedBitcoinNode#transport()} is mapped to. */
	static final String TRANSPORT = "bitcoin.rpc.test.node.transport";

	@Bean
	@ConditionalOnMissingBean
	BitcoinRpcEvents bitcoinRpcEvents() {
		return new BitcoinRpcEvents();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SimulatedNode.class)
	@ConditionalOnProperty(name = TRANSPORT, havingValue = "WEBSOCKET", matchIfMissing = true)
	static class WebSocketNodeConfiguration {

		@Bean(destroyMethod = "close")
		@SimulatedNodeConnection(transport = TransportMode.WEBSOCKET)
		SimulatedNode simulatedBitcoinNode(@Value("${bitcoin.rpc.test.node.initial-height:0}") int initialHeight) {
			return SimulatedNode.builder().initialHeight(initialHeight).build().start();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(SimulatedNode.class)
	@ConditionalOnProperty(name = TRANSPORT, havingValue = "HTTP_POST")
	static class HttpNodeConfiguration {

		/** Keep-alive replies with a Content-Length, as Bitcoin Core sends them. */
		@Bean(destroyMethod = "close")
		@SimulatedNodeConnection(transport = TransportMode.HTTP_POST)
		SimulatedNode simulatedBitcoinNode(@Value("${bitcoin.rpc.test.node.initial-height:0}") int initialHeight) {
			return SimulatedNode.builder().initialHeight(initialHeight).connectionClose(false).build().start();
		}

	}

}
