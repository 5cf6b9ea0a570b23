package org.bitcoinrpc.sample.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcConnectionDetails;
import org.bitcoinrpc.test.SimulatedNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code bitcoin.rpc.url}, starts the simulated btcd node from {@code bitcoin-rpc-test}
 * in-process on 127.0.0.1 and points the client at it through a {@link BitcoinRpcConnectionDetails}
 * bean, which the starter prefers to its properties. Says so loudly, since a user may not expect it.
 * Its chain is rebuilt at each start from {@code sample.data-dir} ({@link DemoMiner}), so that the
 * follower's cursor, stored in the same directory, still names one of its blocks.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoNodeConfiguredCondition.class)
public class DemoNodeConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DemoNodeConfiguration.class);

	@Bean(destroyMethod = "close")
	SimulatedNode demoNode() {
		SimulatedNode node = SimulatedNode.builder()
			.user("demo")
			.password(UUID.randomUUID().toString())
			.initialHeight(100)
			.connectionClose(false)
			.build()
			.start();
		logger.warn("""

				==========================================================================
				  No bitcoin.rpc.url is set: running against the BUILT-IN SIMULATED btcd
				  node at {} (in this process, a fake chain, mining every few seconds,
				  rebuilt at each start from the sample's data directory).
				  To use a real node, set bitcoin.rpc.url (and user/password or
				  cookie-file), e.g. BITCOIN_RPC_URL=wss://127.0.0.1:8334/ws; see the
				  commented set-ups in application.yml.
				==========================================================================""", node.wsUrl());
		return node;
	}

	@Bean
	BitcoinRpcConnectionDetails demoNodeConnectionDetails(SimulatedNode demoNode) {
		return new BitcoinRpcConnectionDetails() {

			@Override
			public String getUrl() {
				return demoNode.wsUrl();
			}

			@Override
			public @Nullable String getUser() {
				return demoNode.user();
			}

			@Override
			public @Nullable String getPassword() {
				return demoNode.password();
			}

		};
	}

	/** Restored here, at bean creation: before the client connects and the follower starts. */
	@Bean
	DemoMiner demoMiner(SimulatedNode demoNode, @Value("${sample.demo.block-interval:5s}") Duration blockInterval,
			@Value("${sample.data-dir}") Path dataDirectory) {
		DemoMiner miner = new DemoMiner(demoNode, blockInterval, dataDirectory);
		miner.restore();
		return miner;
	}

}
