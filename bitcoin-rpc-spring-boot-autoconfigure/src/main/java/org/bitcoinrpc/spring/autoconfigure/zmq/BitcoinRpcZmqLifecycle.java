package org.bitcoinrpc.spring.autoconfigure.zmq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.BitcoinEventListener;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.RpcMethodNotFoundException;
import org.bitcoinrpc.client.RpcShutdownException;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.WakeSource;
import org.bitcoinrpc.client.zmq.ZmqEvent;
import org.bitcoinrpc.client.zmq.ZmqOptions;
import org.bitcoinrpc.client.zmq.ZmqStats;
import org.bitcoinrpc.client.zmq.ZmqSubscriber;
import org.bitcoinrpc.client.zmq.ZmqTopic;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcClientLifecycle;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Subscribes to Bitcoin Core's ZMQ notifications ({@code bitcoin.rpc.zmq.*}) once the client is
 * connected, and unsubscribes when the context stops, before the client's connection is suspended.
 * A stopped lifecycle starts again (context stop and start, CRaC checkpoint and restore): it
 * subscribes again once the client has connected again. Destruction is final.
 * <p>
 * Every {@link ZmqEvent} goes through the client ({@link BitcoinRpcClient#dispatchEvent}), in
 * order with its own events: so it reaches the client's listeners, becomes a
 * {@code ZmqNotificationEvent} and is counted by the metrics. Block messages are hints there
 * ({@link ZmqEvent.BlockAnnounced}, {@link ZmqEvent.BlockRetracted}); the blocks themselves come
 * from the chain follower.
 * <p>
 * This lifecycle is the follower's {@link WakeSource} for {@code bitcoin.rpc.follow.source=zmq}:
 * the subscriber starts late (after the client connected, and after discovery) and is made anew at
 * every start, so the follower subscribes here, once, and each subscriber made later wakes it
 * (at once when it starts, then on block messages, gaps and reconnects). While no subscriber runs,
 * or its block topic's connection is down, the follower's subscription does not listen and the
 * follower polls at its poll interval.
 * <p>
 * The subscriber needs no RPC; over HTTP (how Bitcoin Core is reached) the client is connected at
 * once. With {@code bitcoin.rpc.zmq.discover} and no endpoint configured, the lifecycle first asks
 * the node for its endpoints ({@code getzmqnotifications}), retrying every
 * {@code retry-interval} while the node cannot answer.
 * <p>
 * {@link #destroy()} closes the subscriber for good; {@link #start()} then fails.
 * <p>
 * The phase is after {@link BitcoinRpcClientLifecycle#PHASE} and before the web server's: started
 * after the client, stopped before it, so that ZMQ events already handed to the client are still
 * published; and before the follower's, which stops first.
 */
public class BitcoinRpcZmqLifecycle implements SmartLifecycle, BitcoinEventListener, DisposableBean, WakeSource {

	/**
	 * The phase: after the client's, so ZMQ starts after it and stops before it, and still before
	 * the web server's start ({@code DEFAULT_PHASE - 2048}).
	 */
	public static final int PHASE = BitcoinRpcClientLifecycle.PHASE + 1024;

	private static final Log logger = LogFactory.getLog(BitcoinRpcZmqLifecycle.class);

	private final BitcoinRpcClient client;

	private final ZmqOptionsFactory.Settings settings;

	/** Guards every field below but the volatile ones' reads. */
	private final Object monitor = new Object();

	private volatile boolean running;

	/** Set once by {@link #destroy()}: nothing subscribes after it. */
	private boolean destroyed;

	private boolean listenerAdded;

	/** Bumped at every stop, so that a discovery answer or retry from before is ignored. */
	private long generation;

	/** Whether a {@code getzmqnotifications} call, or a retry of it or of the start, is under way. */
	private boolean pending;

	/** Written under {@link #monitor}; volatile for the readers (stats, listening). */
	private volatile @Nullable ZmqSubscriber subscriber;

	/** The followers woken by ZMQ, across subscribers. */
	private final List<FollowerRegistration> followers = new ArrayList<>();

	/** Failed discoveries or starts in a row: the first is logged as a warning, the rest at debug level. */
	private int failuresInARow;

	/**
	 * A lifecycle for a client.
	 * @param client the client whose connection the subscriber uses and whose listeners get the events
	 * @param properties {@code bitcoin.rpc.zmq.*}
	 * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
	 * naming the property at fault
	 */
	public BitcoinRpcZmqLifecycle(BitcoinRpcClient client, BitcoinRpcProperties.Zmq properties) {
		this.client = client;
		this.settings = ZmqOptionsFactory.settings(properties);
	}

	/**
	 * Subscribes now if the client is connected, else once it is.
	 * @throws IllegalStateException after {@link #destroy()}
	 */
	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.destroyed) {
				throw new IllegalStateException("The ZMQ lifecycle for " + this.client.options().url() + " was destroyed");
			}
			if (this.running) {
				return;
			}
			this.running = true;
			if (!this.listenerAdded) {
				this.client.addListener(this);
				this.listenerAdded = true;
			}
			if (this.client.isConnected()) {
				startOrDiscover();
			}
			else {
				logger.debug("ZMQ: waiting for the RPC connection to " + this.client.options().url());
			}
		}
	}

	/**
	 * Subscribes once the client is connected (again). Runs on the client's event thread.
	 * @param event the event
	 */
	@Override
	public void onEvent(BitcoinEvent event) {
		if (event instanceof ConnectionEvent.Connected || event instanceof ConnectionEvent.Reconnected) {
			synchronized (this.monitor) {
				if (this.running) {
					startOrDiscover();
				}
			}
		}
	}

	/** Holding the monitor: starts the subscriber, or the discovery, unless done or under way. */
	private void startOrDiscover() {
		if (this.subscriber != null || this.pending) {
			return;
		}
		if (!this.settings.endpoints().isEmpty()) {
			startSubscriber(this.settings.endpoints());
		}
		else {
			discover(this.generation);
		}
	}

	/** Holding the monitor. */
	private void discover(long forGeneration) {
		this.pending = true;
		this.client.callAsync("getzmqnotifications", List.of(), JsonNode.class)
			.whenComplete((result, failure) -> discovered(forGeneration, result, failure));
	}

	private void discovered(long forGeneration, @Nullable JsonNode result, @Nullable Throwable failure) {
		synchronized (this.monitor) {
			if (forGeneration != this.generation || !this.running) {
				return;
			}
			if (failure != null) {
				Throwable cause = unwrap(failure);
				if (cause instanceof RpcShutdownException) {
					this.pending = false;
					return;
				}
				if (cause instanceof RpcMethodNotFoundException) {
					this.pending = false;
					logger.warn(ZmqOptionsFactory.PREFIX + "discover: the node at " + this.client.options().url()
							+ " has no getzmqnotifications (not Bitcoin Core?); set the ZMQ endpoints instead");
					return;
				}
				logRetry(ZmqOptionsFactory.PREFIX + "discover: getzmqnotifications failed (" + describe(cause)
						+ "); trying again every " + this.settings.retryInterval());
				CompletableFuture.runAsync(() -> retryDiscovery(forGeneration), CompletableFuture
					.delayedExecutor(this.settings.retryInterval().toMillis(), TimeUnit.MILLISECONDS));
				return;
			}
			this.pending = false;
			this.failuresInARow = 0;
			Map<ZmqTopic, String> endpoints = ZmqOptionsFactory.discovered(result, rpcHost());
			if (endpoints.isEmpty()) {
				logger.warn(ZmqOptionsFactory.PREFIX + "discover: the node at " + this.client.options().url()
						+ " publishes no usable ZMQ endpoint (getzmqnotifications: " + result + "); start it with "
						+ "zmqpubsequence=tcp://127.0.0.1:28334 or set the endpoints in " + ZmqOptionsFactory.PREFIX + "*");
				return;
			}
			logger.info("ZMQ endpoints from getzmqnotifications: " + endpoints);
			if (!endpoints.containsKey(ZmqTopic.SEQUENCE) && !endpoints.containsKey(ZmqTopic.HASHBLOCK)
					&& !this.followers.isEmpty()) {
				logger.warn(ZmqOptionsFactory.PREFIX + "discover: the node publishes neither sequence nor hashblock: "
						+ "ZMQ wakes no chain follower, which polls getbestblockhash instead");
			}
			startSubscriber(endpoints);
		}
	}

	private void retryDiscovery(long forGeneration) {
		synchronized (this.monitor) {
			if (forGeneration == this.generation && this.running && this.subscriber == null) {
				discover(forGeneration);
			}
		}
	}

	/**
	 * Holding the monitor. The followers are subscribed to the new subscriber, which wakes each at
	 * once: what was mined while none ran is read now. A failure (such as a host name that does not
	 * resolve yet) is retried every {@code retry-interval} until it works or the lifecycle stops.
	 */
	private void startSubscriber(Map<ZmqTopic, String> endpoints) {
		ZmqOptions options = this.settings.options(endpoints);
		ZmqSubscriber started;
		try {
			started = ZmqSubscriber.start(options, this.client::dispatchEvent);
		}
		catch (RuntimeException ex) {
			logRetry("Could not subscribe to ZMQ " + endpoints + ": " + describe(ex) + "; trying again every "
					+ this.settings.retryInterval());
			long forGeneration = this.generation;
			this.pending = true;
			CompletableFuture.runAsync(() -> retryStart(forGeneration, endpoints), CompletableFuture
				.delayedExecutor(this.settings.retryInterval().toMillis(), TimeUnit.MILLISECONDS));
			return;
		}
		this.failuresInARow = 0;
		this.subscriber = started;
		for (FollowerRegistration registration : this.followers) {
			registration.attach(started);
		}
	}

	private void retryStart(long forGeneration, Map<ZmqTopic, String> endpoints) {
		synchronized (this.monitor) {
			if (forGeneration == this.generation && this.running && this.subscriber == null) {
				this.pending = false;
				startSubscriber(endpoints);
			}
		}
	}

	/** Holding the monitor. */
	private void logRetry(String message) {
		if (this.failuresInARow++ == 0) {
			logger.warn(message);
		}
		else {
			logger.debug(message);
		}
	}

	/**
	 * Closes the subscriber; retries of the discovery or of the start that are under way are
	 * dropped. Followers still subscribed stay so, polling until a start makes a new subscriber.
	 */
	@Override
	public void stop() {
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			this.generation++;
			this.pending = false;
			ZmqSubscriber current = this.subscriber;
			this.subscriber = null;
			if (current != null) {
				// Closing wakes the followers, still attached, so that they poll often from now on.
				current.close();
			}
			for (FollowerRegistration registration : this.followers) {
				registration.detach();
			}
		}
	}

	/**
	 * Wakes the follower with ZMQ from now on, across stops and starts of this lifecycle: with
	 * every subscriber it makes, from the moment that subscriber starts.
	 * @param follower the follower to wake
	 * @return the follower's subscription: listening while a subscriber runs and its block topic's
	 * connection is up
	 */
	@Override
	public Subscription subscribe(ChainFollower follower) {
		synchronized (this.monitor) {
			FollowerRegistration registration = new FollowerRegistration(follower);
			ZmqSubscriber current = this.subscriber;
			if (current != null) {
				registration.attach(current);
			}
			this.followers.add(registration);
			return registration;
		}
	}

	/**
	 * Whether ZMQ can wake a chain follower: a block topic ({@code sequence} or {@code hashblock})
	 * is configured, or the endpoints are to be discovered.
	 * @return true if the follower may use this lifecycle as its source
	 */
	public boolean wakesFollowers() {
		return this.settings.wakesFollowers();
	}

	/**
	 * Whether the subscriber runs and its block topic's connection is up, so that a follower
	 * subscribed here is woken when a block arrives.
	 * @return true while ZMQ listens for blocks
	 */
	public boolean isListening() {
		ZmqSubscriber current = this.subscriber;
		return current != null && current.isListening();
	}

	/** Closes the subscriber for good (as {@link #stop()} if still running); idempotent. */
	@Override
	public void destroy() {
		synchronized (this.monitor) {
			stop();
			this.destroyed = true;
			if (this.listenerAdded) {
				this.client.removeListener(this);
				this.listenerAdded = false;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * The subscriber's counters now, for health and monitoring.
	 * @return the counters, or {@code null} when not subscribed (stopped, waiting for the RPC
	 * connection or for the node's endpoints)
	 */
	public @Nullable ZmqStats stats() {
		ZmqSubscriber current = this.subscriber;
		return (current != null) ? current.stats() : null;
	}

	/**
	 * The options of the subscriber, with the endpoints in use (configured or discovered).
	 * @return the options, or {@code null} when not subscribed
	 */
	public @Nullable ZmqOptions options() {
		ZmqSubscriber current = this.subscriber;
		return (current != null) ? current.options() : null;
	}

	private String rpcHost() {
		String host = this.client.options().url().getHost();
		return (host != null) ? host : "127.0.0.1";
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String describe(Throwable cause) {
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	/**
	 * A follower woken by ZMQ, with its subscription to the running subscriber. Its fields are
	 * guarded by the lifecycle's monitor; {@link #isListening()} reads only the volatile subscriber.
	 */
	private final class FollowerRegistration implements Subscription {

		private final ChainFollower follower;

		/** Its subscription to the running subscriber, or null while none runs. */
		private @Nullable Subscription current;

		FollowerRegistration(ChainFollower follower) {
			this.follower = follower;
		}

		/** Holding the monitor: subscribes to a subscriber just started, which wakes the follower. */
		void attach(ZmqSubscriber subscriber) {
			this.current = subscriber.subscribe(this.follower);
		}

		/** Holding the monitor: the subscriber is closed. */
		void detach() {
			Subscription attached = this.current;
			this.current = null;
			if (attached != null) {
				attached.close();
			}
		}

		@Override
		public boolean isListening() {
			return BitcoinRpcZmqLifecycle.this.isListening();
		}

		@Override
		public void close() {
			synchronized (BitcoinRpcZmqLifecycle.this.monitor) {
				detach();
				BitcoinRpcZmqLifecycle.this.followers.remove(this);
			}
		}

	}

}
