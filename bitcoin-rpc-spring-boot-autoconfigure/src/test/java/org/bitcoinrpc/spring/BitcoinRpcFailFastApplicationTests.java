package org.bitcoinrpc.spring;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcStartupException;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application started with {@code bitcoin.rpc.fail-fast=true} and a wrong password stops at
 * once with Spring Boot's failure report naming the property to fix: no background retry, no
 * stack trace, no secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class BitcoinRpcFailFastApplicationTests {

	private static final String WRONG_PASSWORD = "Wr0ng-Pa55word-c4f1";

	private final SimulatedNode node = SimulatedNode.builder().user("u").password("Right-Pa55word-9d2e").build().start();

	@AfterEach
	void stopNode() {
		this.node.stop();
	}

	@ParameterizedTest(name = "websocket: {0}")
	@ValueSource(booleans = { true, false })
	void wrongPasswordFailsTheStartWithAnAnalysis(boolean websocket, CapturedOutput output) {
		String url = websocket ? this.node.wsUrl() : this.node.httpUrl();
		SpringApplication application = new SpringApplication(FailFastApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> application.run("--bitcoin.rpc.url=" + url, "--bitcoin.rpc.user=u",
					"--bitcoin.rpc.password=" + WRONG_PASSWORD, "--bitcoin.rpc.fail-fast=true",
					"--bitcoin.rpc.reconnect.initial-delay=50ms", "--bitcoin.rpc.reconnect.max-delay=100ms"))
			.havingCause()
			.isInstanceOf(BitcoinRpcStartupException.class)
			.withCauseInstanceOf(RpcAuthenticationException.class);
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains(url)
			.contains("bitcoin.rpc.password")
			.contains("bitcoin.rpc.cookie-file")
			.doesNotContain("retrying in the background")
			.doesNotContain("Reconnecting to")
			.doesNotContain(WRONG_PASSWORD);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(BitcoinRpcAutoConfiguration.class)
	static class FailFastApplication {

	}

}
