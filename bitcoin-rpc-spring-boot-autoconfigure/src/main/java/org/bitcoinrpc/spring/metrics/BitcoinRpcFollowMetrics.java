package org.bitcoinrpc.spring.metrics;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.Cursor;
import org.bitcoinrpc.client.follow.FollowerEvent;
import org.bitcoinrpc.spring.event.BitcoinRpcNotificationEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Micrometer metrics of a {@link ChainFollower}, every meter tagged {@code follower} with its
 * name:
 * <ul>
 * <li>{@value #CURSOR_HEIGHT} (gauge): the height of the last block handled.</li>
 * <li>{@value #TIP_HEIGHT} (gauge): the height of the node's best block as the follower last saw
 * it.</li>
 * <li>{@value #LAG} (gauge, blocks): tip height minus cursor height, never below 0. Both are the
 * follower's own view, which it refreshes as it walks: while a handler is stuck the lag does
 * not grow (the follower does not look), the last block's age does.</li>
 * <li>{@value #LAST_BLOCK_AGE} (time gauge, in the registry's base unit, seconds for most):
 * time since the block at the cursor was mined, by
 * its header's time. It grows when the chain stalls and when the follower is stuck, so one alert
 * covers both (blocks come every 10 minutes on average, an hour without one happens).</li>
 * <li>{@value #ACTIVE} (gauge): 1 while the follower follows (with the JDBC store: holds its
 * name's lease), 0 for a standby, a stopped follower or none.</li>
 * <li>{@value #CATCH_UPS} (counter): times the follower reached the node's tip after handling
 * blocks.</li>
 * <li>{@value #HANDLER_FAILURES} (counter): handler failures, each attempt of a retried block
 * included.</li>
 * <li>{@value #BLOCKS_SKIPPED} (counter): blocks the {@code skip} failure policy moved past.</li>
 * <li>{@value #CHANGES} (counter) tagged {@code type} ({@value #CONNECTED} or
 * {@value #DISCONNECTED}): changes handled and recorded, each once, a retried block once it
 * succeeded; skipped blocks are not counted here.</li>
 * </ul>
 * A gauge whose value is not known is {@code NaN}: no follower (the context is stopped), nothing
 * seen yet, or, for the lag and the last block's age, a standby, whose cursor is not moving
 * because another instance follows; the active instance reports them. A follower that stopped by
 * itself keeps reporting its last cursor, so its last block's age grows.
 * <p>
 * The gauges ask the follower {@code Supplier} at each read: the Spring lifecycle builds a new
 * follower at each start. The counters come from the follower's events as the Spring context
 * publishes them (this is an {@link ApplicationListener}): {@link FollowerEvent}s and the block
 * events. A block event is published while the block is handled, before its cursor is recorded,
 * and the block is offered again if the handling fails after it, so a change is counted only once
 * the follower's next event shows that it was recorded (at the latest the {@code CaughtUp} that
 * ends each walk).
 */
public class BitcoinRpcFollowMetrics implements MeterBinder, ApplicationListener<ApplicationEvent> {

	/** Name of the cursor height gauge. */
	public static final String CURSOR_HEIGHT = "bitcoin.rpc.follow.cursor.height";

	/** Name of the node tip height gauge. */
	public static final String TIP_HEIGHT = "bitcoin.rpc.follow.tip.height";

	/** Name of the lag gauge, in blocks. */
	public static final String LAG = "bitcoin.rpc.follow.lag";

	/** Name of the gauge of the age of the block at the cursor, in seconds. */
	public static final String LAST_BLOCK_AGE = "bitcoin.rpc.follow.last.block.age";

	/** Name of the active gauge. */
	public static final String ACTIVE = "bitcoin.rpc.follow.active";

	/** Name of the catch-ups counter. */
	public static final String CATCH_UPS = "bitcoin.rpc.follow.catchups";

	/** Name of the handler failures counter. */
	public static final String HANDLER_FAILURES = "bitcoin.rpc.follow.handler.failures";

	/** Name of the skipped blocks counter. */
	public static final String BLOCKS_SKIPPED = "bitcoin.rpc.follow.blocks.skipped";

	/** Name of the changes counter. */
	public static final String CHANGES = "bitcoin.rpc.follow.changes";

	/** The tag with the follower's name. */
	public static final String FOLLOWER_TAG = "follower";

	/** The {@code type} tag of a connected block. */
	public static final String CONNECTED = "connected";

	/** The {@code type} tag of a disconnected block. */
	public static final String DISCONNECTED = "disconnected";

	private final Supplier<@Nullable ChainFollower> follower;

	private final Tags tags;

	private final Clock clock;

	/**
	 * One set of counters per registry bound: added by {@link #bindTo} under the list's own lock,
	 * iterated without one by the follower's thread.
	 */
	private final List<Counters> counters = new CopyOnWriteArrayList<>();

	/**
	 * The change whose block event was seen and whose recording is not yet known. Guarded by
	 * {@code this}: events come from one follower thread at a time, but after a slow close the
	 * old thread may still report while a new follower starts.
	 */
	private Notification.@Nullable BlockChange pending;

	/**
	 * Metrics of the follower a supplier returns.
	 * @param name the follower's name, the {@code follower} tag
	 * @param follower the current follower, asked at each read; {@code null} when there is none
	 */
	public BitcoinRpcFollowMetrics(String name, Supplier<@Nullable ChainFollower> follower) {
		this(name, follower, Clock.systemUTC());
	}

	/**
	 * Metrics of the follower a supplier returns, with a clock for the last block's age.
	 * @param name the follower's name, the {@code follower} tag
	 * @param follower the current follower, asked at each read; {@code null} when there is none
	 * @param clock the clock the last block's age is measured with
	 */
	public BitcoinRpcFollowMetrics(String name, Supplier<@Nullable ChainFollower> follower, Clock clock) {
		this.follower = Objects.requireNonNull(follower, "follower must not be null");
		this.tags = Tags.of(FOLLOWER_TAG, Objects.requireNonNull(name, "name must not be null"));
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		synchronized (this.counters) {
			for (Counters bound : this.counters) {
				if (bound.registry == registry) {
					// Bound twice: the counters are there already, events must not count twice.
					return;
				}
			}
			bind(registry);
		}
	}

	private void bind(MeterRegistry registry) {
		Gauge.builder(CURSOR_HEIGHT, this, BitcoinRpcFollowMetrics::cursorHeight)
			.tags(this.tags)
			.description("Height of the last block the chain follower handled")
			.register(registry);
		Gauge.builder(TIP_HEIGHT, this, BitcoinRpcFollowMetrics::tipHeight)
			.tags(this.tags)
			.description("Height of the node's best block as the chain follower last saw it")
			.register(registry);
		Gauge.builder(LAG, this, BitcoinRpcFollowMetrics::lag)
			.tags(this.tags)
			.baseUnit("blocks")
			.description("Blocks the chain follower is behind the node's best block")
			.register(registry);
		// A time gauge: each registry shows it in its own base time unit (Prometheus: seconds).
		TimeGauge.builder(LAST_BLOCK_AGE, this, TimeUnit.SECONDS, BitcoinRpcFollowMetrics::lastBlockAge)
			.tags(this.tags)
			.description("Time since the block at the chain follower's cursor was mined")
			.register(registry);
		Gauge.builder(ACTIVE, this, BitcoinRpcFollowMetrics::active)
			.tags(this.tags)
			.description("Whether the chain follower follows the chain (1) or not (0: standby, stopped)")
			.register(registry);
		this.counters.add(new Counters(registry, this.tags));
	}

	// ------------------------------------------------------------------ gauges, on the reader's thread

	private double cursorHeight() {
		ChainFollower current = this.follower.get();
		Cursor cursor = (current != null) ? current.cursor() : null;
		return (cursor != null) ? cursor.height() : Double.NaN;
	}

	private double tipHeight() {
		ChainFollower current = this.follower.get();
		Cursor tip = (current != null) ? current.nodeTip() : null;
		return (tip != null) ? tip.height() : Double.NaN;
	}

	private double lag() {
		ChainFollower current = this.follower.get();
		if (current == null || isStandby(current)) {
			return Double.NaN;
		}
		Long lag = lag(current.cursor(), current.nodeTip());
		return (lag != null) ? lag : Double.NaN;
	}

	private double lastBlockAge() {
		ChainFollower current = this.follower.get();
		if (current == null || isStandby(current)) {
			return Double.NaN;
		}
		Cursor cursor = current.cursor();
		if (cursor == null) {
			return Double.NaN;
		}
		// A block's time may be up to two hours ahead of the clock: that is no negative age.
		return Math.max(0, this.clock.millis() / 1000.0 - cursor.time());
	}

	private double active() {
		ChainFollower current = this.follower.get();
		return (current != null && current.isActive()) ? 1 : 0;
	}

	/**
	 * The lag in blocks: the tip's height minus the cursor's, never below 0 (the walk may pass
	 * the tip it last read, and a cursor on a branch a reorg left may stand higher).
	 */
	private static @Nullable Long lag(@Nullable Cursor cursor, @Nullable Cursor tip) {
		if (cursor == null || tip == null) {
			return null;
		}
		return Math.max(0, tip.height() - cursor.height());
	}

	/** A standby runs but does not follow: another instance holds the lease. */
	private static boolean isStandby(ChainFollower follower) {
		return follower.isRunning() && !follower.isActive();
	}

	// ------------------------------------------------------------------ counters, on the follower's thread

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof BitcoinRpcNotificationEvent<?> notification
				&& notification.notification() instanceof Notification.BlockChange change) {
			onBlockChange(change);
		}
		else if (event instanceof PayloadApplicationEvent<?> payload
				&& payload.getPayload() instanceof FollowerEvent followerEvent) {
			onFollowerEvent(followerEvent);
		}
	}

	/**
	 * A block is being handled. The one before it was recorded: the follower offers a block only
	 * once the one before is recorded, and offers the same one again after a failure.
	 */
	private synchronized void onBlockChange(Notification.BlockChange change) {
		Notification.BlockChange previous = this.pending;
		if (previous != null && !previous.equals(change)) {
			countChange(previous);
		}
		this.pending = change;
	}

	private void onFollowerEvent(FollowerEvent event) {
		resolvePending(event);
		if (event instanceof FollowerEvent.HandlerFailed) {
			this.counters.forEach((counters) -> counters.handlerFailures.increment());
		}
		else if (event instanceof FollowerEvent.BlockSkipped) {
			this.counters.forEach((counters) -> counters.blocksSkipped.increment());
		}
		else if (event instanceof FollowerEvent.CaughtUp) {
			this.counters.forEach((counters) -> counters.catchUps.increment());
		}
	}

	/**
	 * Counts the pending change if the event shows it was recorded, and forgets it either way:
	 * a change not recorded is offered again and seen again.
	 */
	private synchronized void resolvePending(FollowerEvent event) {
		Notification.BlockChange change = this.pending;
		if (change == null) {
			return;
		}
		this.pending = null;
		boolean recorded;
		if (event instanceof FollowerEvent.HandlerFailed failed) {
			// The pending change failed, or it was recorded and the next one failed.
			recorded = !failed.change().equals(change);
		}
		else if (event instanceof FollowerEvent.BlockSkipped skipped) {
			recorded = !skipped.change().equals(change);
		}
		else if (event instanceof FollowerEvent.CaughtUp caughtUp) {
			recorded = isRecorded(change, caughtUp.cursor());
		}
		else if (event instanceof FollowerEvent.Stopped stopped) {
			// Closed during the handling, or after the block was recorded.
			recorded = isRecorded(change, stopped.cursor());
		}
		else {
			// Activated, Standby: the lease was lost in the block's transaction, or later. The
			// events come on the follower's thread, so its cursor is the one the store has. Without
			// a follower (a stop under way) the change is not counted: rather one too few than twice.
			ChainFollower current = this.follower.get();
			recorded = current != null && isRecorded(change, current.cursor());
		}
		if (recorded) {
			countChange(change);
		}
	}

	/** Whether a cursor stands where the change leaves it: on a connected block, off a disconnected one. */
	private static boolean isRecorded(Notification.BlockChange change, @Nullable Cursor cursor) {
		if (cursor == null) {
			return false;
		}
		boolean at = cursor.hash().equals(change.hash());
		return (change instanceof Notification.BlockConnected) ? at : !at;
	}

	private void countChange(Notification.BlockChange change) {
		boolean connected = change instanceof Notification.BlockConnected;
		this.counters.forEach((counters) -> (connected ? counters.connected : counters.disconnected).increment());
	}

	/** The counters in one registry, made when bound so that they read 0 before the first event. */
	private static final class Counters {

		final MeterRegistry registry;

		final Counter catchUps;

		final Counter handlerFailures;

		final Counter blocksSkipped;

		final Counter connected;

		final Counter disconnected;

		Counters(MeterRegistry registry, Tags tags) {
			this.registry = registry;
			this.catchUps = Counter.builder(CATCH_UPS)
				.tags(tags)
				.description("Times the chain follower reached the node's best block after handling blocks")
				.register(registry);
			this.handlerFailures = Counter.builder(HANDLER_FAILURES)
				.tags(tags)
				.description("Failures of the chain follower's handlers, each attempt counted")
				.register(registry);
			this.blocksSkipped = Counter.builder(BLOCKS_SKIPPED)
				.tags(tags)
				.description("Blocks the chain follower skipped after a handler failure (failure policy skip)")
				.register(registry);
			this.connected = changes(registry, tags, CONNECTED);
			this.disconnected = changes(registry, tags, DISCONNECTED);
		}

		private static Counter changes(MeterRegistry registry, Tags tags, String type) {
			return Counter.builder(CHANGES)
				.tags(tags)
				.tag("type", type)
				.description("Changes of the best chain the chain follower handled, by type")
				.register(registry);
		}

	}

}
