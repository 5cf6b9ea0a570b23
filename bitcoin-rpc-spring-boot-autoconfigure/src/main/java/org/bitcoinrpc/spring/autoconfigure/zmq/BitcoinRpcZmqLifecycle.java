package org.bitcoinrpc.spring.autoconfigure.zmq;

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
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.RpcMethodNotFoundException;
import org.bitcoinrpc.client.RpcShutdownException;
import org.bitcoinrpc.client.zmq.BlockSource;
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
 * Events go through the client ({@link BitcoinRpcClient#dispatchEvent}), in order with its own:
 * blocks as {@link Notification.BlockConnected} and {@link Notification.BlockDisconnected}, the
 * rest as {@link Notification.Zmq}. So they reach the client's listeners, become the same
 * application events ({@code BlockConnectedEvent}, {@code BlockDisconnectedEvent},
 * {@code ZmqNotificationEvent}) and are counted by the metrics.
 * <p>
 * The subscriber starts when the client is connected (at once over HTTP, which is how Bitcoin
 * Core is reached), as it fills in and recovers blocks over RPC. With
 * {@code bitcoin.rpc.zmq.discover} and no endpoint configured, it first asks the node for its
 * endpoints ({@code getzmqnotifications}), retrying every {@code catch-up-retry-interval} while
 * the node cannot answer. After a stop and a start (of the context) it resumes after the last
 * block it delivered, so no block is missed or repeated.
 * <p>
 * {@link #destroy()} closes the subscriber for good; {@link #start()} then fails.
 * <p>
 * The phase is after {@link BitcoinRpcClientLifecycle#PHASE} and before the web server's: started
 * after the client, stopped before it, so that ZMQ events already handed to the client are still
 * published.
 */
public class BitcoinRpcZmqLifecycle implements SmartLifecycle, BitcoinEventListener, DisposableBean {

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

	private volatile @Nullable ZmqSubscriber subscriber;

	/** Failed discoveries or starts in a row: the first is logged as a warning, the rest at debug level. */
	private int failuresInARow;

	/** The last block delivered before the latest stop, to resume after. */
	private @Nullable String resumeAfterBlock;

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
				subscribe();
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
					subscribe();
				}
			}
		}
	}

	/** Holding the monitor: starts the subscriber, or the discovery, unless done or under way. */
	private void subscribe() {
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
						+ "); trying again every " + this.settings.catchUpRetryInterval());
				CompletableFuture.runAsync(() -> retryDiscovery(forGeneration), CompletableFuture
					.delayedExecutor(this.settings.catchUpRetryInterval().toMillis(), TimeUnit.MILLISECONDS));
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
	 * Holding the monitor. A failure (such as a host name that does not resolve yet) is retried
	 * every {@code catch-up-retry-interval} until it works or the lifecycle stops.
	 */
	private void startSubscriber(Map<ZmqTopic, String> endpoints) {
		ZmqOptions options = this.settings.options(endpoints);
		BitcoinRpcClient target = this.client;
		try {
			this.subscriber = ZmqSubscriber.start(options, BlockSource.of(target), target::dispatchEvent,
					(event) -> target.dispatchEvent(new Notification.Zmq(event)), this.resumeAfterBlock);
			this.failuresInARow = 0;
		}
		catch (RuntimeException ex) {
			logRetry("Could not subscribe to ZMQ " + endpoints + ": " + describe(ex) + "; trying again every "
					+ this.settings.catchUpRetryInterval());
			long forGeneration = this.generation;
			this.pending = true;
			CompletableFuture.runAsync(() -> retryStart(forGeneration, endpoints), CompletableFuture
				.delayedExecutor(this.settings.catchUpRetryInterval().toMillis(), TimeUnit.MILLISECONDS));
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
	 * Closes the subscriber and remembers the last block it delivered, so that {@link #start()}
	 * resumes after it; retries of the discovery or of the start that are under way are dropped.
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
				current.close();
				String tip = current.stats().tipHash();
				if (tip != null) {
					this.resumeAfterBlock = tip;
				}
			}
		}
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

}
