package org.bitcoinrpc.spring.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ClientResources;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.spring.event.BitcoinRpcEventPublisher;
import org.bitcoinrpc.spring.event.ChainFollowerEventPublisher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for a {@link BitcoinRpcClient}.
 * <p>
 * Registers:
 * <ul>
 * <li>{@link BitcoinRpcConnectionDetails} from {@code bitcoin.rpc.*}, unless there is one;</li>
 * <li>{@link ClientResources} with {@code bitcoin.rpc.io-threads} I/O threads, unless there are some;</li>
 * <li>a {@link BitcoinRpcClient} on them, built from the properties, the connection details and every
 * {@link BitcoinRpcClientCustomizer} in order, unless there is one;</li>
 * <li>a {@link BitcoinRpcClientLifecycle} that connects the client when the context starts,
 * subscribes to {@code bitcoin.rpc.notifications.*}, publishes the client's events as
 * {@link org.bitcoinrpc.spring.event.BitcoinRpcEvent application events}, suspends the
 * connection when the context stops (a later start connects again) and shuts the client down
 * when the context is closed;</li>
 * <li>with the actuator, a {@link SanitizingFunction} that masks {@code bitcoin.rpc.*password}
 * in the {@code env} and {@code configprops} endpoints even when they show values.</li>
 * </ul>
 * The chain follower ({@code bitcoin.rpc.follow.*}) is configured by
 * {@link org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowAutoConfiguration}.
 * ZMQ notifications ({@code bitcoin.rpc.zmq.*}) are configured by
 * {@link org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqAutoConfiguration}; this class only
 * warns when they are enabled without jeromq on the class path.
 * Off with {@code bitcoin.rpc.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(BitcoinRpcClient.class)
@ConditionalOnBooleanProperty(name = "bitcoin.rpc.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BitcoinRpcProperties.class)
public final class BitcoinRpcAutoConfiguration {

	private static final Log logger = LogFactory.getLog(BitcoinRpcAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	static class BitcoinRpcClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(BitcoinRpcConnectionDetails.class)
		BitcoinRpcConnectionDetails bitcoinRpcConnectionDetails(BitcoinRpcProperties properties,
				ObjectProvider<SslBundles> sslBundles) {
			return new PropertiesBitcoinRpcConnectionDetails(properties, sslBundles.getIfAvailable());
		}

		/**
		 * The client, created but not connected: {@link BitcoinRpcClientLifecycle} connects it,
		 * suspends it and, when destroyed, shuts it down (waiting up to
		 * {@code bitcoin.rpc.shutdown-timeout}). Its destroy method is {@code shutdown()}, which
		 * does not wait and does nothing once the lifecycle has shut the client down, but still
		 * releases the client should an application replace the lifecycle with one of its own (the
		 * inferred {@code close()} would wait and warn a second time).
		 */
		/**
		 * The I/O threads the client runs on ({@code bitcoin.rpc.io-threads}), as a bean of their
		 * own, as Boot does with Lettuce's {@code ClientResources}: an application that builds more
		 * clients (one per node) can put them on the same threads. Closed after the client, which
		 * depends on it.
		 */
		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		ClientResources bitcoinRpcClientResources(BitcoinRpcProperties properties) {
			return ClientResources.create(ClientOptionsFactory.ioThreads(properties));
		}

		@Bean(destroyMethod = "shutdown")
		@ConditionalOnMissingBean
		BitcoinRpcClient bitcoinRpcClient(BitcoinRpcProperties properties, BitcoinRpcConnectionDetails connectionDetails,
				ObjectProvider<BitcoinRpcClientCustomizer> customizers, ClientResources clientResources) {
			ClientOptions.Builder builder = ClientOptionsFactory.builder(properties, connectionDetails);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			ClientOptions options = builder.build();
			logger.debug("Creating the Bitcoin RPC client with " + options);
			return BitcoinRpcClient.create(options, clientResources);
		}

		/**
		 * The lifecycle, with the publisher of the client's events. When a chain follower publishes
		 * the block events ({@code bitcoin.rpc.follow.*}), the client's own block notifications are
		 * left out: they would repeat the follower's, and could miss blocks.
		 */
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnSingleCandidate(BitcoinRpcClient.class)
		BitcoinRpcClientLifecycle bitcoinRpcClientLifecycle(BitcoinRpcClient client, BitcoinRpcProperties properties,
				ApplicationEventPublisher applicationEventPublisher,
				ObjectProvider<ChainFollowerEventPublisher> followerEventPublisher) {
			boolean following = followerEventPublisher.getIfAvailable() != null;
			if (!following && properties.getNotifications().isBlocks()
					&& client.options().mode() != TransportMode.WEBSOCKET) {
				logger.warn("bitcoin.rpc.notifications.blocks is true but the client uses HTTP and the chain follower is "
						+ "off: no block events. Set bitcoin.rpc.follow.enabled=true to follow the chain by polling.");
			}
			return new BitcoinRpcClientLifecycle(client, properties,
					List.of(new BitcoinRpcEventPublisher(client, applicationEventPublisher, !following)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class BitcoinRpcSanitizingConfiguration {

		/**
		 * Masks our passwords whatever {@code management.endpoint.*.show-values} says: the
		 * actuator masks every value by default, but shows them all once show-values is set.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "bitcoinRpcSanitizingFunction")
		SanitizingFunction bitcoinRpcSanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(BitcoinRpcAutoConfiguration::isSecret);
		}

	}

	/**
	 * {@code bitcoin.rpc.zmq.enabled=true} without jeromq: the ZMQ auto-configuration backs off and
	 * everything else works, but the application should know why no ZMQ event arrives.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.zeromq.ZMQ")
	@ConditionalOnBooleanProperty(name = "bitcoin.rpc.zmq.enabled")
	static class ZmqUnavailableConfiguration {

		ZmqUnavailableConfiguration() {
			logger.warn("bitcoin.rpc.zmq.enabled is true but jeromq is not on the class path: no ZMQ notifications. "
					+ "Add the dependency org.zeromq:jeromq to receive them.");
		}

	}

	/**
	 * {@code bitcoin.rpc.relay.enabled=true} without spring-websocket: the relay's
	 * auto-configuration backs off, and the application should know why browsers get no events.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.web.socket.server.support.WebSocketHandlerMapping")
	@ConditionalOnBooleanProperty(name = "bitcoin.rpc.relay.enabled")
	static class RelayUnavailableConfiguration {

		RelayUnavailableConfiguration() {
			logger.warn("bitcoin.rpc.relay.enabled is true but spring-websocket is not on the class path: no chain "
					+ "events for browsers. Add the dependency org.springframework.boot:spring-boot-starter-websocket "
					+ "to serve them.");
		}

	}

	/**
	 * {@code bitcoin.rpc.relay.enabled=true} outside a servlet web application (no web server, or
	 * WebFlux): the relay serves browsers through Spring MVC's WebSocket support, so it backs off,
	 * and the application should know why.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.web.socket.server.support.WebSocketHandlerMapping")
	@ConditionalOnBooleanProperty(name = "bitcoin.rpc.relay.enabled")
	@Conditional(NotAServletWebApplication.class)
	static class RelayNeedsServletConfiguration {

		RelayNeedsServletConfiguration() {
			logger.warn("bitcoin.rpc.relay.enabled is true but this is not a servlet web application: no chain "
					+ "events for browsers. The relay needs Spring MVC with a web server "
					+ "(spring-boot-starter-webmvc and spring-boot-starter-websocket).");
		}

	}

	static class NotAServletWebApplication extends NoneNestedConditions {

		NotAServletWebApplication() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		static class Servlet {

		}

	}

	/**
	 * Whether a property key, in any of its forms ({@code bitcoin.rpc.proxy.password},
	 * {@code BITCOIN_RPC_PROXY_PASSWORD}), names one of our secrets.
	 */
	static boolean isSecret(String key) {
		String name = key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
		return name.startsWith("bitcoin.rpc.") && name.contains("password");
	}

}
