package org.bitcoinrpc.client.follow;

import java.net.InetAddress;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChainFollower}'s hold on its name's lease when its store is a
 * {@link LeasingCursorStore}: whether it may walk now, when to renew, and the fenced advance.
 * With any other store the follower is always active and the store's own advance is used.
 * <p>
 * Safety rests on the store's fence, not on this bookkeeping: if the follower believes it is
 * active a little too long, its next advance fails with a {@link LeaseLostException}.
 * <p>
 * Used by the follower thread only, except {@link #isActive()}.
 */
final class FollowerLease {

	private static final Logger logger = LoggerFactory.getLogger(ChainFollower.class);

	/** What {@link #hold()} found. */
	enum Hold {

		/** Another instance holds the lease, or it could not be taken: do not walk. */
		STANDBY,

		/** The lease was just taken: read the cursor from the store again before walking. */
		ACQUIRED,

		/** The lease is still held. */
		HELD

	}

	private final CursorStore store;

	private final String name;

	private final String owner;

	private final Consumer<FollowerEvent> events;

	/** The leasing view of {@link #store}, or {@code null} if it has no leases. */
	private final @Nullable LeasingCursorStore leasing;

	/**
	 * How often the lease is renewed when no advance renewed it: a third of its length, so that
	 * a renewal that fails or comes late still leaves time for the next before it expires.
	 */
	private final long renewEveryNanos;

	/** Written by the follower thread, read by any. */
	private volatile boolean active;

	/** Whether the follower said yet whether it is active or a standby. Follower thread only. */
	private boolean announced;

	/** {@link System#nanoTime()} taken before the last call that took or extended the lease. Follower thread only. */
	private long renewedAt;

	FollowerLease(CursorStore store, String name, Consumer<FollowerEvent> events) {
		this.store = store;
		this.name = name;
		this.owner = newOwner();
		this.events = events;
		this.leasing = (store instanceof LeasingCursorStore leasingStore) ? leasingStore : null;
		this.renewEveryNanos = (this.leasing != null) ? this.leasing.leaseDuration().toNanos() / 3 : Long.MAX_VALUE;
	}

	/**
	 * This instance's name in the lease table: a random UUID, so that two followers never share
	 * one, after the host and process id, so that a log or the table tells where it runs.
	 */
	private static String newOwner() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "unknown-host";
		}
		if (host.length() > 100) {
			host = host.substring(0, 100);
		}
		return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
	}

	String owner() {
		return this.owner;
	}

	boolean isActive() {
		return this.active;
	}

	/** Takes or renews the lease when due; says whether the follower may walk. */
	Hold hold() {
		if (this.leasing == null) {
			boolean was = this.active;
			this.active = true;
			return was ? Hold.HELD : Hold.ACQUIRED;
		}
		if (this.active && System.nanoTime() - this.renewedAt < this.renewEveryNanos) {
			return Hold.HELD;
		}
		long start = System.nanoTime();
		boolean held;
		String reason = "another instance holds the lease";
		try {
			held = this.leasing.tryAcquire(this.name, this.owner);
		}
		catch (RuntimeException ex) {
			// Cannot tell whether the lease is still ours: do not walk (a walk could not commit anyway).
			held = false;
			reason = "cannot reach the lease: " + ex.getMessage();
			logger.warn("Follower '{}' cannot take or renew its lease in {}", this.name, this.store, ex);
		}
		if (!held) {
			standby(reason);
			return Hold.STANDBY;
		}
		this.renewedAt = start;
		if (this.active) {
			return Hold.HELD;
		}
		this.active = true;
		this.announced = true;
		logger.info("Follower '{}' is active: it holds the lease in {} as {}", this.name, this.store, this.owner);
		this.events.accept(new FollowerEvent.Activated(this.owner));
		return Hold.ACQUIRED;
	}

	/** {@link CursorStore#advance}, fenced by the lease if there is one, which it then extends. */
	void advance(Cursor cursor, CursorStore.Work work) throws Exception {
		if (this.leasing == null) {
			this.store.advance(this.name, cursor, work);
			return;
		}
		long start = System.nanoTime();
		this.leasing.advance(this.name, this.owner, cursor, work);
		this.renewedAt = start;
	}

	/** An advance found the lease gone: nothing was recorded, and the follower waits. */
	void lost(LeaseLostException ex) {
		standby("lost the lease: " + ex.getMessage());
	}

	/** How long the follower may wait before it must call {@link #hold()} again. */
	long nanosUntilCheck() {
		if (this.leasing == null) {
			return Long.MAX_VALUE;
		}
		if (!this.active) {
			return this.renewEveryNanos;
		}
		return Math.max(0, this.renewedAt + this.renewEveryNanos - System.nanoTime());
	}

	/** Gives the lease up so that a standby takes over now rather than when it expires. Safe to call twice. */
	void release() {
		boolean was = this.active;
		this.active = false;
		if (this.leasing == null || !was) {
			return;
		}
		try {
			this.leasing.release(this.name, this.owner);
			logger.info("Follower '{}' released its lease in {}", this.name, this.store);
		}
		catch (RuntimeException ex) {
			logger.warn("Follower '{}' could not release its lease in {}; it expires by itself", this.name, this.store,
					ex);
		}
	}

	private void standby(String reason) {
		boolean was = this.active;
		this.active = false;
		if (was || !this.announced) {
			this.announced = true;
			logger.info("Follower '{}' is a standby ({}): it handles nothing until it takes the lease", this.name,
					reason);
			this.events.accept(new FollowerEvent.Standby(this.owner, reason));
		}
	}

}
