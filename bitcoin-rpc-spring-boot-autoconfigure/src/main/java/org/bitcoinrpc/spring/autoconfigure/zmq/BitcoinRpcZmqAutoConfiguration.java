package org.bitcoinrpc.spring.autoconfigure.zmq;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for Bitcoin Core's ZMQ notifications: a
 * {@link BitcoinRpcZmqLifecycle} that subscribes to the endpoints in {@code bitcoin.rpc.zmq.*}
 * (or those the node lists, with {@code bitcoin.rpc.zmq.discover}) once the client is connected.
 * <p>
 * Active with {@code bitcoin.rpc.zmq.enabled=true} when jeromq ({@code org.zeromq:jeromq}) is on
 * the class path and there is one {@link BitcoinRpcClient}. Without jeromq the rest of the
 * starter works as before, and a warning says why there are no ZMQ events.
 */
@AutoConfiguration(after = BitcoinRpcAutoConfiguration.class)
@ConditionalOnClass(value = BitcoinRpcClient.class, name = "org.zeromq.ZMQ")
@ConditionalOnBooleanProperty(name = "bitcoin.rpc.zmq.enabled")
@ConditionalOnSingleCandidate(BitcoinRpcClient.class)
@EnableConfigurationProperties(BitcoinRpcProperties.class)
public final class BitcoinRpcZmqAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BitcoinRpcZmqLifecycle bitcoinRpcZmqLifecycle(BitcoinRpcClient client, BitcoinRpcProperties properties) {
		return new BitcoinRpcZmqLifecycle(client, properties.getZmq());
	}

}
