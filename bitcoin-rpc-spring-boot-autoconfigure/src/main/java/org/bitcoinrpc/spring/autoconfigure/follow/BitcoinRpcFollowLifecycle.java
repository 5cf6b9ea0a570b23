package org.bitcoinrpc.spring.autoconfigure.follow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.bitcoinrpc.client.follow.FullBlockHandler;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.Cursor;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.client.follow.WakeSource;
import org.bitcoinrpc.client.internal.UserInfo;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcClientLifecycle;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties.Follow.Source;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqLifecycle;
import org.bitcoinrpc.spring.event.ChainFollowerEventPublisher;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a {@link ChainFollower} while the application context runs: started after the client's
 * lifecycle, closed before it. Each change of the best chain goes to every {@link BlockHandler}
 * bean in order, then to the {@link FullBlockHandler} beans and the
 * {@link org.bitcoinrpc.spring.follow.BlockListener @BlockListener} methods, then is published as a
 * {@code BlockConnectedEvent} or {@code BlockDisconnectedEvent}; the cursor moves past the block
 * only when all of them returned.
 * If one throws, the whole block is offered again (handlers that already ran on it included: with
 * a transactional store their work was rolled back), or the follower stops or skips it, as
 * {@code bitcoin.rpc.follow.failure-policy} says.
 * <p>
 * Stopping closes the follower (a handler running then is interrupted, and its block offered
 * again later); starting again builds a new follower over the same {@link CursorStore}, which
 * resumes after the last block handled and catches up on what was mined meanwhile. The
 * {@link BlockHandler} beans are looked up at each start. Destruction is final.
 * <p>
 * A follower that stopped by itself (the {@code stop} failure policy) makes {@link #isRunning()}
 * false, so the next start of the context starts a new one, from the block that failed.
 * <p>
 * What wakes the follower is {@code bitcoin.rpc.follow.source} ({@link #wakeSource()}): block
 * notifications over a websocket, and over HTTP ZMQ (the {@link BitcoinRpcZmqLifecycle}, which
 * outlives its subscribers across stops and starts) when it is configured with a block topic,
 * else {@code waitfornewblock}. The INFO line at each start says which, and how often the
 * follower polls.
 */
public class BitcoinRpcFollowLifecycle implements SmartLifecycle, DisposableBean {

	/**
	 * The phase: after the client's and the ZMQ subscriber's, so the follower starts once they
	 * have, and stops first, before its wake-up sources and the client's connection go.
	 */
	public static final int PHASE = BitcoinRpcClientLifecycle.PHASE + 1536;

	private static final Log logger = LogFactory.getLog(BitcoinRpcFollowLifecycle.class);

	private final BitcoinRpcClient client;

	private final FollowOptionsFactory.Settings settings;

	private final CursorStore store;

	private final ObjectProvider<BlockHandler> handlers;

	/** Handlers of whole blocks; with any, the follower fetches each block with its transactions. */
	private final @Nullable ObjectProvider<FullBlockHandler> fullBlockHandlers;

	private final ChainFollowerEventPublisher events;

	/** What wakes the follower ({@code bitcoin.rpc.follow.source}, resolved). */
	private final Source source;

	/** The ZMQ lifecycle, the follower's wake source with {@link Source#ZMQ}; else null. */
	private final @Nullable BitcoinRpcZmqLifecycle zmq;

	/** {@code bitcoin.rpc.follow.with-transactions}: whole blocks even with no handler asking for them. */
	private final boolean withTransactions;

	/** Finds the {@code @BlockListener} methods, or null for none. Guarded by {@link #monitor}. */
	private @Nullable BlockListenerMethodProcessor blockListeners;

	/**
	 * Guards {@link #follower}, {@link #destroyed} and {@link #blockListeners}. Held while a
	 * follower closes, so that a start never runs a second follower over the same cursor while the
	 * first is still handling.
	 */
	private final Object monitor = new Object();

	/** The running follower, or null; written under {@link #monitor}, volatile for the readers. */
	private volatile @Nullable ChainFollower follower;

	/** Set once by {@link #destroy()}: nothing starts after it. Guarded by {@link #monitor}. */
	private boolean destroyed;

	/**
	 * A lifecycle for a client.
	 * @param client the client the follower uses
	 * @param properties the properties: {@code follow.*}, and {@code zmq.*} for the source
	 * @param store where the follower keeps its cursor
	 * @param handlers the application's handlers, called in order
	 * @param events publishes each change and the follower's events
	 * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
	 * naming the property at fault
	 */
	public BitcoinRpcFollowLifecycle(BitcoinRpcClient client, BitcoinRpcProperties properties, CursorStore store,
			ObjectProvider<BlockHandler> handlers, ChainFollowerEventPublisher events) {
		this(client, properties, store, handlers, null, events);
	}

	/**
	 * A lifecycle for a client, with handlers of whole blocks too.
	 * @param client the client the follower uses
	 * @param properties the properties: {@code follow.*}, and {@code zmq.*} for the source
	 * @param store where the follower keeps its cursor
	 * @param handlers the application's handlers, called in order
	 * @param fullBlockHandlers handlers of whole blocks, called in order after {@code handlers};
	 * with any, the follower fetches every block with its transactions
	 * @param events publishes each change and the follower's events
	 */
	public BitcoinRpcFollowLifecycle(BitcoinRpcClient client, BitcoinRpcProperties properties, CursorStore store,
			ObjectProvider<BlockHandler> handlers, @Nullable ObjectProvider<FullBlockHandler> fullBlockHandlers,
			ChainFollowerEventPublisher events) {
		this(client, properties, store, handlers, fullBlockHandlers, events, null);
	}

	/**
	 * A lifecycle for a client, with handlers of whole blocks and ZMQ as a possible wake source.
	 * @param client the client the follower uses
	 * @param properties the properties: {@code follow.*}, and {@code zmq.*} for the source
	 * @param store where the follower keeps its cursor
	 * @param handlers the application's handlers, called in order
	 * @param fullBlockHandlers handlers of whole blocks, called in order after {@code handlers};
	 * with any, the follower fetches every block with its transactions
	 * @param events publishes each change and the follower's events
	 * @param zmq the ZMQ lifecycle when ZMQ is configured, else {@code null}: the follower's
	 * source with {@code bitcoin.rpc.follow.source=zmq}, and with {@code auto} over HTTP
	 * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException
	 * naming the property at fault, {@code bitcoin.rpc.follow.source} when the source cannot work
	 */
	public BitcoinRpcFollowLifecycle(BitcoinRpcClient client, BitcoinRpcProperties properties, CursorStore store,
			ObjectProvider<BlockHandler> handlers, @Nullable ObjectProvider<FullBlockHandler> fullBlockHandlers,
			ChainFollowerEventPublisher events, @Nullable BitcoinRpcZmqLifecycle zmq) {
		this.fullBlockHandlers = fullBlockHandlers;
		this.client = client;
		this.settings = FollowOptionsFactory.settings(properties.getFollow());
		this.store = store;
		this.handlers = handlers;
		this.events = events;
		this.source = FollowOptionsFactory.source(properties, client.options().mode(), zmq);
		this.zmq = (this.source == Source.ZMQ) ? zmq : null;
		this.withTransactions = properties.getFollow().isWithTransactions();
	}

	/**
	 * Adds the {@code @BlockListener} methods the processor finds, called after the handler beans.
	 * @param blockListeners the processor
	 */
	void setBlockListeners(BlockListenerMethodProcessor blockListeners) {
		synchronized (this.monitor) {
			this.blockListeners = blockListeners;
		}
	}

	/**
	 * Starts a follower, resuming from the store's cursor for the name if there is one.
	 * @throws IllegalStateException after {@link #destroy()}
	 */
	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.destroyed) {
				throw new IllegalStateException("The chain follower '" + this.settings.name() + "' was destroyed");
			}
			ChainFollower current = this.follower;
			if (current != null) {
				if (current.isRunning()) {
					return;
				}
				// It stopped by itself (failure policy 'stop'): release it before the next one starts.
				current.close();
			}
			List<BlockHandler> handlers = this.handlers.orderedStream().toList();
			List<FullBlockHandler> fullBlockHandlers = (this.fullBlockHandlers != null)
					? this.fullBlockHandlers.orderedStream().toList() : List.of();
			List<BlockListenerMethod> methods = (this.blockListeners != null) ? this.blockListeners.methods() : List.of();
			ChainFollower.Builder builder = this.settings.apply(ChainFollower.builder(this.client)).store(this.store)
				.events(this.events::publishFollowerEvent).wakeSources(wakeSources());
			if (fullBlockHandlers.isEmpty() && !wholeBlocks(methods)) {
				logger.info(source() + "; " + handlers.size() + " BlockHandler bean(s)" + describe(methods)
						+ ", then block events");
				builder.handler((change) -> handle(handlers, methods, change));
			}
			else {
				logger.info(source() + "; whole blocks, " + this.settings.prefetch() + " fetched ahead; " + handlers.size()
						+ " BlockHandler and " + fullBlockHandlers.size() + " FullBlockHandler bean(s)" + describe(methods)
						+ ", then block events");
				builder.fullBlocks((change, block) -> {
					for (BlockHandler handler : handlers) {
						handler.handle(change);
					}
					for (FullBlockHandler handler : fullBlockHandlers) {
						handler.handle(change, block);
					}
					for (BlockListenerMethod method : methods) {
						method.invoke(change, block);
					}
					this.events.publishBlockChange(change, block);
				});
			}
			this.follower = builder.start();
		}
	}

	/** On the follower's thread: the handlers in order, then the event; any exception fails the block. */
	private void handle(List<BlockHandler> handlers, List<BlockListenerMethod> methods, Notification.BlockChange change)
			throws Exception {
		for (BlockHandler handler : handlers) {
			handler.handle(change);
		}
		for (BlockListenerMethod method : methods) {
			method.invoke(change, null);
		}
		this.events.publishBlockChange(change);
	}

	/** The follower's wake sources, as {@link #source} says; none for {@link Source#POLL}. */
	private WakeSource[] wakeSources() {
		return switch (this.source) {
			case NOTIFICATIONS -> new WakeSource[] { WakeSource.blockNotifications() };
			case WAIT_FOR_NEW_BLOCK -> new WakeSource[] { WakeSource.waitForNewBlock() };
			case ZMQ -> new WakeSource[] { Objects.requireNonNull(this.zmq) };
			case POLL, AUTO -> new WakeSource[0];
		};
	}

	/** Whether blocks are fetched whole without a FullBlockHandler bean: by the property, or for a method. */
	private boolean wholeBlocks(List<BlockListenerMethod> methods) {
		return this.withTransactions || methods.stream().anyMatch(BlockListenerMethod::takesBlock);
	}

	private static String describe(List<BlockListenerMethod> methods) {
		return methods.isEmpty() ? "" : ", " + methods.size() + " @BlockListener method(s)";
	}

	/** What wakes the follower and how often it polls, for the log line at each start. */
	private String source() {
		boolean websocket = this.client.options().mode() == TransportMode.WEBSOCKET;
		String start = "Following blocks of " + UserInfo.mask(this.client.options().url().toString()) + " (follower '"
				+ this.settings.name() + "') over " + (websocket ? "the websocket" : "HTTP");
		String down = format(this.settings.effectivePollInterval(false));
		String wokenBy = switch (this.source) {
			case NOTIFICATIONS -> "block notifications (notifyblocks)";
			case WAIT_FOR_NEW_BLOCK -> "waitfornewblock (Bitcoin Core's long-poll)";
			case ZMQ -> "ZMQ block messages (bitcoin.rpc.zmq)";
			case POLL, AUTO -> null;
		};
		if (wokenBy == null) {
			return start + " by polling getbestblockhash every " + down;
		}
		String listening = format(this.settings.effectivePollInterval(true));
		String whileNot = switch (this.source) {
			case NOTIFICATIONS -> "while not subscribed";
			case WAIT_FOR_NEW_BLOCK -> "while no call waits, or if the node has none";
			default -> "while ZMQ is down";
		};
		return start + ": woken by " + wokenBy + ", polling getbestblockhash every " + listening
				+ (listening.equals(down) ? " as well" : " as a safety net (every " + down + " " + whileNot + ")");
	}

	/**
	 * What wakes the follower: {@code bitcoin.rpc.follow.source}, with {@code auto} resolved.
	 * @return the source, never {@link Source#AUTO}
	 */
	public Source wakeSource() {
		return this.source;
	}

	/** As the properties are written: 1s, 100ms, 5m, 1h. */
	static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis == 0 || duration.toNanos() % 1_000_000 != 0) {
			return duration.toString();
		}
		if (millis % 3_600_000 == 0) {
			return (millis / 3_600_000) + "h";
		}
		if (millis % 60_000 == 0) {
			return (millis / 60_000) + "m";
		}
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	/**
	 * Closes the follower, waiting up to 10 seconds for a handler running now; {@link #start()}
	 * resumes from the cursor.
	 */
	@Override
	public void stop() {
		synchronized (this.monitor) {
			ChainFollower current = this.follower;
			this.follower = null;
			if (current != null) {
				current.close();
			}
		}
	}

	/** Closes the follower for good; idempotent. */
	@Override
	public void destroy() {
		synchronized (this.monitor) {
			this.destroyed = true;
			stop();
		}
	}

	/** Whether a follower is at work (false once one stopped by itself, so a start makes a new one). */
	@Override
	public boolean isRunning() {
		ChainFollower current = this.follower;
		return current != null && current.isRunning();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * The current follower, for metrics and health: read it again at each use, since every start
	 * builds a new one.
	 * @return the follower, also one that stopped by itself (until the next start), or
	 * {@code null} before the first start and once stopped
	 */
	public @Nullable ChainFollower follower() {
		return this.follower;
	}

	/**
	 * The running follower's cursor: the last block handled.
	 * @return the cursor, or {@code null} when stopped or before the follower found its start
	 */
	public @Nullable Cursor cursor() {
		ChainFollower current = this.follower;
		return (current != null) ? current.cursor() : null;
	}

	/**
	 * The node's best block as the running follower last saw it.
	 * @return the node's tip, or {@code null} when stopped or not seen yet
	 */
	public @Nullable Cursor nodeTip() {
		ChainFollower current = this.follower;
		return (current != null) ? current.nodeTip() : null;
	}

}
