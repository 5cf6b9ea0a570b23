package org.bitcoinrpc.sample.demo;

import java.nio.file.Path;
import java.time.Clock;
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
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * With no {@code bitcoin.rpc.url}, starts the simulated btcd node from {@code bitcoin-rpc-test}
 * in-process on 127.0.0.1 and points the client at it through a {@link BitcoinRpcConnectionDetails}
 * bean, which the starter prefers to its properties. Says so loudly, since a user may not expect it.
 * Its chain is rebuilt at each start from {@code sample.data-dir} ({@link DemoMiner}), with the
 * block times recorded there ({@link DemoBlockTimes}), so that the follower's cursor, stored in the
 * same directory, still names one of its blocks.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoNodeConfiguredCondition.class)
@ImportRuntimeHints(DemoNodeRuntimeHints.class)
public class DemoNodeConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DemoNodeConfiguration.class);

	/** The height the demo node starts at on a new data directory. */
	static final int INITIAL_HEIGHT = 100;

	/** Read before the node is built: its initial blocks take their times from it too. */
	@Bean
	DemoBlockTimes demoBlockTimes(@Value("${sample.demo.block-interval:5s}") Duration blockInterval,
			@Value("${sample.data-dir}") Path dataDirectory) {
		return DemoBlockTimes.forRun(dataDirectory, blockInterval, INITIAL_HEIGHT, Clock.systemUTC());
	}

	@Bean(destroyMethod = "close")
	SimulatedNode demoNode(Environment environment, DemoBlockTimes demoBlockTimes) {
		checkNotFrozenByAot(environment);
		SimulatedNode node = SimulatedNode.builder()
			.user("demo")
			.password(UUID.randomUUID().toString())
			.initialHeight(INITIAL_HEIGHT)
			.blockTimes(demoBlockTimes)
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

	/**
	 * On the JVM this class is skipped when {@code bitcoin.rpc.url} is set. After Spring's AOT
	 * processing (a native image, or {@code -Dspring.aot.enabled=true}) the condition was decided
	 * at build time, without the URL, and this class is always in: running against the demo node
	 * while the user asked for a real one would mislead, so the start-up fails and says why.
	 */
	static void checkNotFrozenByAot(Environment environment) {
		String url = environment.getProperty("bitcoin.rpc.url");
		if (StringUtils.hasText(url)) {
			throw new IllegalStateException("bitcoin.rpc.url is set, but this build of the sample was AOT-processed "
					+ "without it, so the built-in demo node was chosen at build time. Run it on the JVM without "
					+ "-Dspring.aot.enabled=true, or process it with the URL set (spring-boot:process-aot "
					+ "-Dspring-boot.aot.jvmArguments=-Dbitcoin.rpc.url=...).");
		}
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
	DemoMiner demoMiner(SimulatedNode demoNode, DemoBlockTimes demoBlockTimes,
			@Value("${sample.demo.block-interval:5s}") Duration blockInterval,
			@Value("${sample.data-dir}") Path dataDirectory) {
		DemoMiner miner = new DemoMiner(demoNode, blockInterval, dataDirectory, demoBlockTimes, Clock.systemUTC());
		miner.restore();
		return miner;
	}

}
