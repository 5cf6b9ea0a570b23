package org.bitcoinrpc.spring.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;
import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinEventListener;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcClientCustomizer;
import org.bitcoinrpc.spring.observation.BitcoinRpcObservationConvention;
import org.bitcoinrpc.spring.observation.ObservationCallTracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that makes every call of the auto-configured
 * client a Micrometer observation, as Spring Boot's {@code LettuceObservationAutoConfiguration}
 * does for Redis: it runs before {@link BitcoinRpcAutoConfiguration} and contributes a
 * {@link BitcoinRpcClientCustomizer} that sets an {@link ObservationCallTracer} on the client's
 * options. With tracing on, each call is a span; with metrics, its timer is
 * {@code bitcoin.rpc.requests}, which the metrics then no longer record themselves. After each
 * connection the client asks the node whether it is btcd or Bitcoin Core, for the observations'
 * {@code node} key. Active when
 * micrometer-observation is on the class path and there is an {@link ObservationRegistry} bean; a
 * {@link BitcoinRpcObservationConvention} bean replaces the default convention.
 */
@AutoConfiguration(before = BitcoinRpcAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ BitcoinRpcClient.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class BitcoinRpcObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservationCallTracer bitcoinRpcObservationCallTracer(ObservationRegistry observationRegistry,
			ObjectProvider<BitcoinRpcObservationConvention> convention) {
		return new ObservationCallTracer(observationRegistry, convention.getIfUnique());
	}

	@Bean
	BitcoinRpcClientCustomizer bitcoinRpcObservationCustomizer(ObservationCallTracer callTracer) {
		return (builder) -> builder.callTracer(callTracer);
	}

	/**
	 * Asks the node what it is after each connection, so that the observations' {@code node} key
	 * says {@code btcd} or {@code core} rather than {@code unknown}: one {@code getnetworkinfo}
	 * (and, on btcd, a {@code getinfo}) per connection, made only for a client whose calls are
	 * observed.
	 */
	@Bean
	static SmartInitializingSingleton bitcoinRpcNodeKindDetection(ObjectProvider<BitcoinRpcClient> clients) {
		return () -> {
			BitcoinRpcClient client = clients.getIfUnique();
			if (client != null && client.options().callTracer() instanceof ObservationCallTracer) {
				client.addListener(new NodeKindDetection(client));
			}
		};
	}

	/** Runs on the client's event thread, after the client's own listener forgot the old answer. */
	private record NodeKindDetection(BitcoinRpcClient client) implements BitcoinEventListener {

		@Override
		public void onEvent(BitcoinEvent event) {
			if (event instanceof ConnectionEvent.Connected || event instanceof ConnectionEvent.Reconnected) {
				// Asynchronous; a failure leaves the kind unknown until the next connection.
				this.client.nodeInfoAsync();
			}
		}

	}

}
