package org.bitcoinrpc.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.bitcoinrpc.client.TransportMode;

/**
 * Marks a {@link org.bitcoinrpc.test.SimulatedNode} bean as the node the application's client
 * connects to, as Spring Boot's {@code @ServiceConnection} marks a Testcontainers container: a
 * {@link org.bitcoinrpc.spring.autoconfigure.BitcoinRpcConnectionDetails} bean is derived from it
 * through {@link SimulatedNodeConnectionDetailsFactory}, so no {@code bitcoin.rpc.url},
 * {@code user} or {@code password} is needed.
 *
 * <pre>{@code
 * @TestConfiguration(proxyBeanMethods = false)
 * class NodeConfiguration {
 *
 *     @Bean
 *     @SimulatedNodeConnection
 *     SimulatedNode node() {
 *         return SimulatedNode.builder().initialHeight(100).build();
 *     }
 *
 * }
 * }</pre>
 *
 * The node is started when the bean is initialised, if the method did not start it, and closed
 * with the application context (its inferred {@code close()} destroy method): a context cached by
 * the Spring TestContext framework keeps its node, whatever test class runs. A
 * {@code BitcoinRpcConnectionDetails} bean of the application's own wins over this one. A node
 * serving TLS ({@code SimulatedNode.builder().tls(true)}) is reached over {@code wss://} or
 * {@code https://}, trusting exactly its certificate through the details' SSL bundle.
 *
 * @see AutoConfigureSimulatedBitcoinNode
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SimulatedNodeConnection {

	/**
	 * How the client talks to the node: btcd's websocket (the default, with notifications) or HTTP
	 * POST, as to Bitcoin Core.
	 * @return the transport
	 */
	TransportMode transport() default TransportMode.WEBSOCKET;

}
