package org.bitcoinrpc.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties.Notifications;
import org.bitcoinrpc.spring.autoconfigure.follow.BitcoinRpcFollowLifecycle;
import org.bitcoinrpc.test.SimulatedNode;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.context.SmartLifecycle;

/**
 * Holds the first start of the application context until the client is connected to its
 * simulated node, subscribed to what {@code bitcoin.rpc.notifications.*} asks for, and every
 * chain follower has looked at the node once: from then on, a block the test mines is seen. The
 * starter itself connects in the background (so that a node that is down does not stop an
 * application), which would leave a test racing the subscriptions.
 * <p>
 * Starts after the client's and the follower's lifecycles (a later phase). Gives up after
 * {@link #TIMEOUT} with a warning, not an error: a test may mean the client not to connect.
 */
class SimulatedNodeReadiness implements SmartLifecycle, BeanFactoryAware {

	/** The phase: after the chain follower's start, itself after the client's. */
	static final int PHASE = BitcoinRpcFollowLifecycle.PHASE + 1;

	/** How long the first start waits at most. */
	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Log logger = LogFactory.getLog(SimulatedNodeReadiness.class);

	private final List<String> nodeNames;

	private BeanFactory beanFactory;

	/** Whether the first start waited already. Only accessed by the thread starting the context. */
	private boolean waited;

	private volatile boolean running;

	SimulatedNodeReadiness(List<String> nodeNames) {
		this.nodeNames = List.copyOf(nodeNames);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void start() {
		if (!this.waited) {
			this.waited = true;
			awaitReady();
		}
		this.running = true;
	}

	private void awaitReady() {
		BitcoinRpcClient client = this.beanFactory.getBeanProvider(BitcoinRpcClient.class).getIfUnique();
		BitcoinRpcProperties properties = this.beanFactory.getBeanProvider(BitcoinRpcProperties.class).getIfAvailable();
		if (client == null || properties == null) {
			return;
		}
		List<SimulatedNode> nodes = new ArrayList<>();
		for (String name : this.nodeNames) {
			SimulatedNode node = this.beanFactory.getBean(name, SimulatedNode.class);
			if (node.isRunning() && node.port() == client.options().url().getPort()) {
				nodes.add(node);
			}
		}
		if (nodes.isEmpty()) {
			return;
		}
		List<BitcoinRpcFollowLifecycle> followers = this.beanFactory.getBeanProvider(BitcoinRpcFollowLifecycle.class)
			.orderedStream()
			.filter(BitcoinRpcFollowLifecycle::isRunning)
			.toList();
		boolean websocket = client.options().mode() == TransportMode.WEBSOCKET;
		Notifications notifications = properties.getNotifications();
		BooleanSupplier ready = () -> client.isConnected()
				&& (!websocket || nodes.stream().anyMatch((node) -> subscribed(node, notifications)))
				&& followers.stream().allMatch((follower) -> follower.nodeTip() != null);
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!ready.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				logger.warn("The client did not get ready with its simulated node " + nodes + " within " + TIMEOUT
						+ " (connected, subscribed, followers started): " + client.connectionStatus());
				return;
			}
			// Nothing signals a subscription the node registered: look again shortly.
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
	}

	/** Whether one of the node's sessions holds every subscription asked for. */
	private static boolean subscribed(SimulatedNode node, Notifications notifications) {
		List<String> expected = new ArrayList<>();
		if (notifications.isBlocks()) {
			expected.add("notifyblocks");
		}
		if (notifications.getTransactions() != Notifications.Transactions.NONE) {
			expected.add("notifynewtransactions");
		}
		if (!notifications.getAddresses().isEmpty()) {
			expected.add("notifyreceived");
		}
		if (!notifications.getOutpoints().isEmpty()) {
			expected.add("notifyspent");
		}
		if (expected.isEmpty()) {
			return node.openWebSocketSessions() > 0;
		}
		return node.sessionSubscriptions().stream().anyMatch((held) -> held.containsAll(expected));
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
