package org.bitcoinrpc.spring.autoconfigure.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.metrics.BitcoinRpcRelayMetrics;
import org.bitcoinrpc.spring.relay.ChainEventRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the relay's auto-configuration applies and how {@code bitcoin.rpc.relay.*} is read. The
 * relay itself, end to end, is in {@code ChainEventRelayTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BitcoinRpcRelayAutoConfigurationTests {

	private static final String URL = "bitcoin.rpc.url=http://127.0.0.1:1/";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcRelayAutoConfiguration.class))
		.withPropertyValues(URL);

	@Test
	void offUnlessEnabled() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(BitcoinRpcClient.class)
			.doesNotHaveBean(ChainEventRelay.class)
			.doesNotHaveBean(WebSocketHandlerMapping.class));
	}

	@Test
	void onWhenEnabledAtTheDefaultPathForTheSameOriginOnly() {
		this.runner.withPropertyValues("bitcoin.rpc.relay.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ChainEventRelay.class);
			WebSocketHttpRequestHandler handler = handler(context.getBean(WebSocketHandlerMapping.class),
					"/bitcoin/events");
			assertThat(WebSocketHandlerDecorator.unwrap(handler.getWebSocketHandler()))
				.isSameAs(context.getBean(ChainEventRelay.class));
			assertThat(originInterceptor(handler).getAllowedOrigins()).isEmpty();
		});
	}

	@Test
	void pathAndAllowedOriginsAreProperties() {
		this.runner
			.withPropertyValues("bitcoin.rpc.relay.enabled=true", "bitcoin.rpc.relay.path=/chain/live",
					"bitcoin.rpc.relay.allowed-origins=http://127.0.0.1:3000,http://localhost:3000")
			.run((context) -> {
				WebSocketHandlerMapping mapping = context.getBean(WebSocketHandlerMapping.class);
				assertThat(mapping.getUrlMap()).containsOnlyKeys("/chain/live");
				assertThat(originInterceptor(handler(mapping, "/chain/live")).getAllowedOrigins())
					.containsExactly("http://127.0.0.1:3000", "http://localhost:3000");
			});
	}

	@Test
	void badSettingsFailTheStartSayingWhich() {
		this.runner.withPropertyValues("bitcoin.rpc.relay.enabled=true", "bitcoin.rpc.relay.send-buffer-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bitcoin.rpc.relay.send-buffer-size must be between 1B and 2GB, was 0B"));
		this.runner.withPropertyValues("bitcoin.rpc.relay.enabled=true", "bitcoin.rpc.relay.send-time-limit=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bitcoin.rpc.relay.send-time-limit must be positive"));
		this.runner.withPropertyValues("bitcoin.rpc.relay.enabled=true", "bitcoin.rpc.relay.path=events")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("bitcoin.rpc.relay.path must start with '/', was 'events'"));
	}

	@Test
	void notInANonWebApplicationAndItSaysWhy(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, BitcoinRpcRelayAutoConfiguration.class))
			.withPropertyValues(URL, "bitcoin.rpc.relay.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(BitcoinRpcClient.class)
				.doesNotHaveBean(ChainEventRelay.class));
		assertThat(output).contains("bitcoin.rpc.relay.enabled is true but this is not a servlet web application");
	}

	@Test
	void nothingIsSaidInAServletWebApplication(CapturedOutput output) {
		this.runner.withPropertyValues("bitcoin.rpc.relay.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ChainEventRelay.class));
		assertThat(output).doesNotContain("not a servlet web application").doesNotContain("not on the class path");
	}

	@Test
	void withoutSpringWebSocketItBacksOffAndSaysWhy(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.web.socket"))
			.withPropertyValues("bitcoin.rpc.relay.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(BitcoinRpcClient.class)
				.doesNotHaveBean(ChainEventRelay.class));
		assertThat(output).contains("bitcoin.rpc.relay.enabled is true but spring-websocket is not on the class path")
			.contains("spring-boot-starter-websocket");
	}

	@Test
	void withoutSpringWebSocketNothingIsSaidWhenTheRelayIsOff(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.web.socket"))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("bitcoin.rpc.relay");
	}

	@Test
	void metersWhenThereIsARegistry() {
		this.runner.withPropertyValues("bitcoin.rpc.relay.enabled=true")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(BitcoinRpcRelayMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(BitcoinRpcRelayMetrics.class).bindTo(registry);
				assertThat(registry.get(BitcoinRpcRelayMetrics.SESSIONS_OPEN).gauge().value()).isZero();
				assertThat(registry.get(BitcoinRpcRelayMetrics.MESSAGES_SENT).functionCounter().count()).isZero();
				assertThat(registry.get(BitcoinRpcRelayMetrics.SLOW_SESSIONS_CLOSED).functionCounter().count())
					.isZero();
			});
	}

	@Test
	void noMetersWithoutARegistry() {
		this.runner.withPropertyValues("bitcoin.rpc.relay.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ChainEventRelay.class)
				.doesNotHaveBean(BitcoinRpcRelayMetrics.class));
	}

	private static WebSocketHttpRequestHandler handler(WebSocketHandlerMapping mapping, String path) {
		Object handler = mapping.getUrlMap().get(path);
		assertThat(handler).isInstanceOf(WebSocketHttpRequestHandler.class);
		return (WebSocketHttpRequestHandler) handler;
	}

	private static OriginHandshakeInterceptor originInterceptor(WebSocketHttpRequestHandler handler) {
		return handler.getHandshakeInterceptors()
			.stream()
			.filter(OriginHandshakeInterceptor.class::isInstance)
			.map(OriginHandshakeInterceptor.class::cast)
			.findFirst()
			.orElseThrow();
	}

}
