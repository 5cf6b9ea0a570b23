package org.bitcoinrpc.spring.test;

import java.util.List;
import java.util.Set;

import org.bitcoinrpc.test.SimulatedNode;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Starts the {@link SimulatedNodeConnection @SimulatedNodeConnection} nodes their bean methods
 * left stopped, as soon as each is initialised: before the client that uses it is created, let
 * alone connected. Closing is left to the bean's destroy method ({@code close()}, inferred).
 */
class SimulatedNodeStarter implements BeanPostProcessor {

	private final Set<String> beanNames;

	SimulatedNodeStarter(List<String> beanNames) {
		this.beanNames = Set.copyOf(beanNames);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SimulatedNode node && this.beanNames.contains(beanName) && !node.isRunning()) {
			node.start();
		}
		return bean;
	}

}
