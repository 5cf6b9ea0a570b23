package org.bitcoinrpc.spring.test;

import java.util.Objects;
import java.util.function.Supplier;

import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.test.SimulatedNode;

/**
 * What a {@link org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory}
 * gets for a {@link SimulatedNodeConnection @SimulatedNodeConnection} bean, as Spring Boot's
 * factories get a {@code ContainerConnectionSource}: the node, looked up only when the connection
 * details are first used (the details are registered before any bean exists), and how to talk to
 * it.
 */
public final class SimulatedNodeConnectionSource {

	private final String beanName;

	private final TransportMode transport;

	private final Supplier<SimulatedNode> node;

	/**
	 * A source.
	 * @param beanName the node's bean name
	 * @param transport how the client talks to the node
	 * @param node gives the node bean, started
	 */
	public SimulatedNodeConnectionSource(String beanName, TransportMode transport, Supplier<SimulatedNode> node) {
		this.beanName = Objects.requireNonNull(beanName, "beanName");
		this.transport = Objects.requireNonNull(transport, "transport");
		this.node = Objects.requireNonNull(node, "node");
	}

	/**
	 * The node's bean name.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * How the client talks to the node.
	 * @return the transport
	 */
	public TransportMode getTransport() {
		return this.transport;
	}

	/**
	 * The node bean; the first call creates it if need be.
	 * @return the node
	 */
	public SimulatedNode getNode() {
		return this.node.get();
	}

	@Override
	public String toString() {
		return "@SimulatedNodeConnection bean '" + this.beanName + "' (" + this.transport + ")";
	}

}
