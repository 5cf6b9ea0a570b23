package org.bitcoinrpc.readme;

import java.time.Duration;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** README "Spring Boot": {@link BitcoinRpcConfiguration}'s customizer sets what it says on the client. */
class CustomizerTests {

	@Test
	void theCustomizerSetsTheDelayAndTheResendPolicy() {
		try (SimulatedNode node = SimulatedNode.builder().build().start()) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class))
				.withPropertyValues("bitcoin.rpc.url=" + node.httpUrl())
				.withUserConfiguration(BitcoinRpcConfiguration.class)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					ClientOptions options = context.getBean(BitcoinRpcClient.class).options();
					assertThat(options.reconnectDelay().delay(1)).isEqualTo(Duration.ofSeconds(1));
					assertThat(options.reconnectDelay().delay(3)).isEqualTo(Duration.ofSeconds(4));
					assertThat(options.reconnectDelay().delay(10)).isEqualTo(Duration.ofSeconds(32));
					assertThat(options.resendPolicy().isSafeToResend("importdescriptors")).isTrue();
					assertThat(options.resendPolicy().isSafeToResend("getblockcount")).isTrue();
					assertThat(options.resendPolicy().isSafeToResend("sendrawtransaction")).isFalse();
				});
		}
	}

}
