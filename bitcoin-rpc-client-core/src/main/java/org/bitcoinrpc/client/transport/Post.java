package org.bitcoinrpc.client.transport;

import org.jspecify.annotations.Nullable;

/**
 * One POST on its way through the {@link PostConnections}: the exchange, its bytes, the
 * credentials they carry, and where its outcome goes. The connections move it and report what
 * happened; what that means is the subclass's business (a call's listener, or the connect probe).
 * <p>
 * Threads: made by the writer; the fields a connection sets are written and read on that
 * connection's event loop, handed over with the post from the pool (whose lock orders them).
 */
abstract class Post {

	final Exchange exchange;

	/** The request's JSON. */
	final byte[] payload;

	/**
	 * The exact {@code Authorization} value the request carries, or null for none: what
	 * {@link Credentials#refresh} is told the node refused after a 401.
	 */
	final @Nullable String authorization;

	/** How long the connection waits for the whole reply once the request is written, in nanoseconds. */
	final long timeoutNanos;

	/**
	 * Whether it was sent again already because the kept-alive connection it was written to turned
	 * out closed by the node: that happens once at most.
	 */
	boolean resentAfterStaleConnection;

	Post(Exchange exchange, byte[] payload, @Nullable String authorization, long timeoutNanos) {
		this.exchange = exchange;
		this.payload = payload;
		this.authorization = authorization;
		this.timeoutNanos = timeoutNanos;
	}

	/**
	 * The whole reply came: its status and body, {@code body[0, length)}, valid only during this
	 * call (the connection reads its next reply into the same array). On the connection's event loop.
	 */
	abstract void replied(int status, byte[] body, int length);

	/**
	 * No whole reply came: the connection could not be opened or was lost, the reply was over the
	 * size limit ({@link ReplyBuffer.TooLargeException}), unreadable, or late
	 * ({@link java.util.concurrent.TimeoutException}). On an event loop, or on the writer's thread
	 * when the pool is released.
	 * @param mayHaveRun whether the request had been written, so that the node may have run it
	 */
	abstract void failed(Throwable cause, boolean mayHaveRun);

	@Override
	public String toString() {
		// Never the authorization value.
		return getClass().getSimpleName() + "[" + this.exchange.method() + ", id " + this.exchange.id() + "]";
	}

}
