package org.bitcoinrpc.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.bitcoinrpc.client.TransportMode;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * On a test class ({@code @SpringBootTest} or a slice): the application's client connects to a
 * simulated node, started with the application context and closed with it, and a
 * {@link BitcoinRpcEvents} bean records the starter's events. Nothing else to declare:
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureSimulatedBitcoinNode
 * class BlockHandlingTests {
 *
 *     @Autowired SimulatedNode node;
 *     @Autowired BitcoinRpcEvents events;
 *
 *     @Test
 *     void handlesAMinedBlock() {
 *         int height = this.node.blockCount() + 1;
 *         this.node.generate(1);
 *         this.events.await(BlockConnectedEvent.class, (event) -> event.getPayload().height() == height);
 *     }
 *
 * }
 * }</pre>
 *
 * The node is a {@link org.bitcoinrpc.test.SimulatedNode} bean marked
 * {@link SimulatedNodeConnection @SimulatedNodeConnection}; a {@code SimulatedNode} bean of the
 * test's own replaces it (mark it {@code @SimulatedNodeConnection} to connect to it). As it is a
 * bean, a context cached by the TestContext framework for several test classes keeps one node
 * running for all of them, and the client never sees it go. The attributes are mapped to
 * {@code bitcoin.rpc.test.node.*} properties (Spring Boot's {@code @PropertyMapping}), so test
 * classes with the same attributes share a cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("bitcoin.rpc.test.node")
public @interface AutoConfigureSimulatedBitcoinNode {

	/**
	 * How the client talks to the node: btcd's websocket (the default, with notifications) or HTTP
	 * POST, as to Bitcoin Core (the chain follower then gives the block events).
	 * @return the transport
	 */
	TransportMode transport() default TransportMode.WEBSOCKET;

	/**
	 * How many blocks the node mines on top of genesis before it starts.
	 * @return the initial height
	 */
	int initialHeight() default 0;

}
