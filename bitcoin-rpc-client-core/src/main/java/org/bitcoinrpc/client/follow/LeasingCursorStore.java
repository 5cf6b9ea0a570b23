package org.bitcoinrpc.client.follow;

import java.time.Duration;

/**
 * A {@link CursorStore} shared by several instances of an application, of which at most one
 * follows a given name at a time: the one that holds the name's lease. A {@link ChainFollower}
 * with such a store takes the lease before it walks, keeps it while it works, and waits as a
 * standby while another instance holds it; when the holder dies, a standby takes over from the
 * stored cursor once the lease has expired.
 * <p>
 * The lease is also a fence: {@link #advance(String, String, Cursor, Work)} records the cursor
 * (and, in a transactional store, commits the handler's work) only if {@code owner} still holds
 * an unexpired lease, and extends it. So an instance that paused past its lease (a long GC, a
 * stuck handler) cannot record a block that its successor handles too.
 * <p>
 * {@link CursorStore#advance(String, Cursor, Work)} stays unfenced, for a single instance.
 */
public interface LeasingCursorStore extends CursorStore {

	/** How long a lease lasts unless renewed by {@link #tryAcquire} or {@link #advance(String, String, Cursor, Work)}. */
	Duration leaseDuration();

	/**
	 * Takes the lease of {@code name} for {@code owner} if it is free, expired, or already
	 * {@code owner}'s (then it is renewed), for {@link #leaseDuration()} from now.
	 * @return whether {@code owner} holds the lease now
	 */
	boolean tryAcquire(String name, String owner);

	/**
	 * {@link CursorStore#advance(String, Cursor, Work)}, fenced: runs {@code work}, then records
	 * {@code cursor} only if {@code owner} still holds the unexpired lease of {@code name}, which
	 * it extends by {@link #leaseDuration()}.
	 * @throws LeaseLostException if {@code owner} no longer holds the lease; nothing was recorded
	 * (and a transactional store rolled the work back)
	 */
	void advance(String name, String owner, Cursor cursor, Work work) throws Exception;

	/** Gives the lease up if {@code owner} holds it, so a standby can take over at once. */
	void release(String name, String owner);

}
