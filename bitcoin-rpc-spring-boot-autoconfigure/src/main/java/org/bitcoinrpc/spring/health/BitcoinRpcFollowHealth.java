package org.bitcoinrpc.spring.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.Cursor;
import org.jspecify.annotations.Nullable;

/**
 * The {@code follow} detail of the {@code bitcoinRpc} health, and the follower's say in its
 * status: {@value #STOPPED} when the follower stopped by itself (a handler failure under the
 * {@code stop} failure policy) and {@value #LAGGING} when, with a maximum lag set, the active
 * follower is more blocks behind the node than that.
 * <p>
 * The detail holds {@code name}, {@code running}, {@code active}, and as they become known
 * {@code cursor} ({@code height}, {@code hash}), {@code tipHeight} (the node's best block: the
 * higher of the follower's last look and the health check's own {@code getblockcount}, so that it
 * moves on while a handler is stuck and the follower does not look), {@code lag} (blocks),
 * {@code lastBlockTime} and {@code lastBlockAge} (ISO-8601: the time of the block at the cursor,
 * by its header, and how long ago that was), and {@code maxLag} when set. A standby (another
 * instance holds the lease) has no {@code lag} nor {@code lastBlockAge}: its cursor does not move.
 * <p>
 * The follower is asked of the supplier at each check: the Spring lifecycle builds a new one at
 * each start, returns {@code null} once stopped, and keeps one that stopped by itself until the
 * next start, which is how a stop on its own is told from a context stop.
 */
public class BitcoinRpcFollowHealth {

	/** The {@code reason} when the follower stopped by itself. */
	public static final String STOPPED = "follower stopped";

	/** The {@code reason} when the follower lags more than allowed. */
	public static final String LAGGING = "follower lagging";

	private final String name;

	private final Supplier<@Nullable ChainFollower> follower;

	private final @Nullable Long maxLag;

	/**
	 * The health of the follower a supplier returns.
	 * @param name the follower's name, reported while there is no follower
	 * @param follower the current follower; {@code null} when there is none (not started, or
	 * stopped with the context)
	 * @param maxLag the most blocks the active follower may be behind the node before the health
	 * is DOWN, or {@code null} for no limit
	 */
	public BitcoinRpcFollowHealth(String name, Supplier<@Nullable ChainFollower> follower, @Nullable Long maxLag) {
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.follower = Objects.requireNonNull(follower, "follower must not be null");
		if (maxLag != null && maxLag < 0) {
			throw new IllegalArgumentException("maxLag must not be negative, was " + maxLag);
		}
		this.maxLag = maxLag;
	}

	/**
	 * Looks at the follower now.
	 * @param now the time to measure the last block's age at
	 * @param nodeHeight the node's block count as just asked, or {@code null} if unknown
	 * @return the detail, and the reason for DOWN if the follower has one
	 */
	public Check check(Instant now, @Nullable Long nodeHeight) {
		ChainFollower current = this.follower.get();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", (current != null) ? current.name() : this.name);
		boolean running = current != null && current.isRunning();
		boolean active = current != null && current.isActive();
		details.put("running", running);
		details.put("active", active);
		if (this.maxLag != null) {
			details.put("maxLag", this.maxLag);
		}
		if (current == null) {
			return new Check(details, null);
		}
		// Each read once: the follower's thread moves them meanwhile.
		Cursor cursor = current.cursor();
		Cursor followerTip = current.nodeTip();
		Long tip = (followerTip != null) ? Long.valueOf(followerTip.height()) : nodeHeight;
		if (tip != null && nodeHeight != null && nodeHeight > tip) {
			tip = nodeHeight;
		}
		if (cursor != null) {
			Map<String, Object> at = new LinkedHashMap<>();
			at.put("height", cursor.height());
			at.put("hash", cursor.hash());
			details.put("cursor", at);
		}
		if (tip != null) {
			details.put("tipHeight", tip);
		}
		boolean standby = running && !active;
		Long lag = (standby || cursor == null || tip == null) ? null : Math.max(0, tip - cursor.height());
		if (lag != null) {
			details.put("lag", lag);
		}
		if (cursor != null && !standby) {
			Instant time = Instant.ofEpochSecond(cursor.time());
			Duration age = Duration.between(time, now);
			details.put("lastBlockTime", time.toString());
			// A block's time may be up to two hours ahead of the clock: that is no negative age.
			details.put("lastBlockAge", (age.isNegative() ? Duration.ZERO : age).toString());
		}
		if (!running) {
			// Still the lifecycle's follower, so not stopped with the context: it stopped by itself.
			return new Check(details, STOPPED);
		}
		if (this.maxLag != null && active && lag != null && lag > this.maxLag) {
			return new Check(details, LAGGING);
		}
		return new Check(details, null);
	}

	/**
	 * What {@link #check(Instant, Long)} found.
	 *
	 * @param details the {@code follow} detail
	 * @param downReason {@value #STOPPED} or {@value #LAGGING} when the follower makes the health
	 * DOWN, else {@code null}
	 */
	public record Check(Map<String, Object> details, @Nullable String downReason) {
	}

}
