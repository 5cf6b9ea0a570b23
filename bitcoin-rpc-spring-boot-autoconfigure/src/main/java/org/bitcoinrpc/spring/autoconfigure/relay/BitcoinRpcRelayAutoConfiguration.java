package org.bitcoinrpc.spring.autoconfigure.relay;

import java.time.Duration;
import java.util.Map;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowLifecycle;
import org.bitcoinrpc.spring.metrics.BitcoinRpcRelayMetrics;
import org.bitcoinrpc.spring.relay.ChainEventRelay;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the browser relay: a
 * {@link ChainEventRelay} at {@code bitcoin.rpc.relay.path} that sends the client's chain events
 * to browsers over a plain WebSocket.
 * <p>
 * Active with {@code bitcoin.rpc.relay.enabled=true} in a servlet web application with
 * spring-websocket on the class path (spring-boot-starter-websocket), and one
 * {@link BitcoinRpcClient}. The endpoint is mapped by a handler mapping of its own, ahead of static
 * resources, so it works with or without the application's own {@code @EnableWebSocket}. Without
 * spring-websocket the rest of the starter works, and a warning says why there is no relay.
 */
@AutoConfiguration(after = { BitcoinRpcAutoConfiguration.class, BitcoinRpcFollowAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ BitcoinRpcClient.class, WebSocketHandlerMapping.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "bitcoin.rpc.relay.enabled")
@ConditionalOnSingleCandidate(BitcoinRpcClient.class)
@EnableConfigurationProperties(BitcoinRpcRelayProperties.class)
public final class BitcoinRpcRelayAutoConfiguration {

	/** Spring's own {@code @EnableWebSocket} mapping has the same order: before static resources. */
	private static final int HANDLER_MAPPING_ORDER = 1;

	@Bean
	@ConditionalOnMissingBean
	ChainEventRelay bitcoinRpcChainEventRelay(BitcoinRpcClient client, BitcoinRpcRelayProperties properties,
			ObjectProvider<BitcoinRpcFollowLifecycle> follower) {
		long bufferSize = properties.getSendBufferSize().toBytes();
		if (bufferSize <= 0 || bufferSize > Integer.MAX_VALUE) {
			throw new IllegalStateException("bitcoin.rpc.relay.send-buffer-size must be between 1B and 2GB, was "
					+ properties.getSendBufferSize());
		}
		Duration sendTimeLimit = properties.getSendTimeLimit();
		if (sendTimeLimit.isNegative() || sendTimeLimit.isZero()) {
			throw new IllegalStateException(
					"bitcoin.rpc.relay.send-time-limit must be positive, was " + sendTimeLimit);
		}
		return new ChainEventRelay(client, () -> {
			BitcoinRpcFollowLifecycle lifecycle = follower.getIfAvailable();
			return (lifecycle != null) ? lifecycle.follower() : null;
		}, (int) bufferSize, sendTimeLimit, properties.isTransactions());
	}

	@Bean
	@ConditionalOnMissingBean(name = "bitcoinRpcRelayHandlerMapping")
	WebSocketHandlerMapping bitcoinRpcRelayHandlerMapping(ChainEventRelay relay, BitcoinRpcRelayProperties properties) {
		String path = properties.getPath();
		if (!path.startsWith("/")) {
			throw new IllegalStateException("bitcoin.rpc.relay.path must start with '/', was '" + path + "'");
		}
		WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(relay, new DefaultHandshakeHandler());
		// Empty: same origin only. Browsers send Origin on every WebSocket handshake, so another
		// site's page cannot read the events through its visitors' browsers.
		handler.getHandshakeInterceptors().add(new OriginHandshakeInterceptor(properties.getAllowedOrigins()));
		WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
		mapping.setUrlMap(Map.of(path, handler));
		mapping.setOrder(HANDLER_MAPPING_ORDER);
		return mapping;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
	static class RelayMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BitcoinRpcRelayMetrics bitcoinRpcRelayMetrics(ChainEventRelay relay) {
			return new BitcoinRpcRelayMetrics(relay);
		}

	}

}
