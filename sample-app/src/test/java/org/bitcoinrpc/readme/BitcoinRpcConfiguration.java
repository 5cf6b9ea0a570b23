package org.bitcoinrpc.readme;

// tag::customizer[]
import java.time.Duration;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ResendPolicy;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BitcoinRpcConfiguration {

	@Bean
	BitcoinRpcClientCustomizer bitcoinRpcCustomizer() {
		return (ClientOptions.Builder builder) -> builder
			// 1 s, 2 s, 4 s ... at most 32 s, without jitter
			.reconnectDelay((attempt) -> Duration.ofSeconds(1L << Math.min(attempt - 1, 5)))
			// read-only calls, and every import* call
			.resendPolicy((method) -> method.startsWith("import")
					|| ResendPolicy.readOnlyCalls().isSafeToResend(method));
	}

}
// end::customizer[]
