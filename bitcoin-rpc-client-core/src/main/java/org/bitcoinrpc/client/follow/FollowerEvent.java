package org.bitcoinrpc.client.follow;

import org.bitcoinrpc.client.Notification;
import org.jspecify.annotations.Nullable;

/** What a follower reports besides the blocks themselves: for logs, metrics and alerts. */
public sealed interface FollowerEvent {

	/** The handler threw; {@code willRetry} says whether the same block is offered again. */
	record HandlerFailed(Notification.BlockChange change, int attempt, Exception failure, boolean willRetry)
			implements FollowerEvent {
	}

	/** The handler failed and the {@link FailurePolicy#skip() skip} policy moved past the block. */
	record BlockSkipped(Notification.BlockChange change, Exception failure) implements FollowerEvent {
	}

	/** The follower reached the node's tip after handling {@code blocks} changes since it was last there. */
	record CaughtUp(Cursor cursor, int blocks) implements FollowerEvent {
	}

	/**
	 * With a {@link LeasingCursorStore}: the follower took its name's lease and follows the chain
	 * from the stored cursor. {@code owner} names this instance in the lease table.
	 */
	record Activated(String owner) implements FollowerEvent {
	}

	/**
	 * With a {@link LeasingCursorStore}: another instance holds the lease, or this one lost it
	 * ({@code reason} says which); the follower waits, handling nothing, and tries again.
	 */
	record Standby(String owner, String reason) implements FollowerEvent {
	}

	/** The follower stopped for good: closed, or a handler failure under {@link FailurePolicy#stop()}. */
	record Stopped(@Nullable Cursor cursor, String reason) implements FollowerEvent {
	}

}
