package org.bitcoinrpc.client.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * The keep-alive connections of one HTTP transport, at most {@code maxConnections}, each carrying
 * one POST at a time (HTTP/1.1 without pipelining, as nodes expect). A POST goes to an idle
 * connection at once; when none is idle it waits in a FIFO queue and, while there are fewer
 * connections than the bound, a new one is opened through the {@link NettyConnector}. A connection
 * that frees up takes the oldest waiting POST itself, on its own event loop, so that a waiting
 * POST costs no thread hop. A connection the node closed (btcd closes each after one reply) or
 * that failed leaves the pool, and a new one is opened if POSTs are waiting.
 * <p>
 * Why not Netty's {@code FixedChannelPool}: it runs every acquire and release on one executor (a
 * hop to that event loop for every call from a caller thread, and between the two loops), builds
 * a promise and a task per acquire, health-checks on acquire with one more hop, and opens channels
 * with a {@code Bootstrap} of its own, where ours come from the connector once the proxy and TLS
 * layers are through. Here an acquire is a few operations under a lock on the caller's thread,
 * and the queue is an array deque.
 * <p>
 * A connection that cannot be opened fails every POST waiting at that moment, not only the one it
 * was opened for: the node cannot be reached, and what waits would meet the same (Jetty's
 * destination did the same with its queue). Each failure says the POST was not sent, is transient,
 * and tells the listener the node is gone, so the client retries what is safe once it reconnects.
 * <p>
 * Why a connection that failed before any byte of its reply came is not simply failed: see
 * {@link PostConnection}, which sends such a POST once more on a fresh connection through
 * {@link #retired}.
 * <p>
 * Threads: any thread sends; connections report from their event loops. Every field but the
 * final ones is guarded by {@link #lock}, which is never held while writing, opening, closing or
 * reporting.
 */
final class PostConnections {

	private final NettyConnector connector;

	private final PostRequests requests;

	private final int maxResponseSize;

	private final int maxConnections;

	private final Object lock = new Object();

	/** Connections with nothing in flight; the last one freed is used first, so that few stay warm. Guarded by {@link #lock}. */
	private final ArrayDeque<PostConnection> idle = new ArrayDeque<>();

	/** POSTs waiting for a connection, oldest first. Guarded by {@link #lock}. */
	private final ArrayDeque<Post> waiting = new ArrayDeque<>();

	/** Every connection open or opening, for {@link #release()}. Guarded by {@link #lock}. */
	private final List<PostConnection> connections = new ArrayList<>();

	/** Set once by {@link #release()}: nothing is sent or opened from then on. Guarded by {@link #lock}. */
	private boolean released;

	PostConnections(NettyConnector connector, PostRequests requests, int maxResponseSize, int maxConnections) {
		this.connector = connector;
		this.requests = requests;
		this.maxResponseSize = maxResponseSize;
		this.maxConnections = maxConnections;
	}

	/** Sends a POST on an idle connection, or queues it for the next one free. Any thread; never throws. */
	void send(Post post) {
		PostConnection idle = null;
		PostConnection opening = null;
		synchronized (this.lock) {
			if (!this.released) {
				idle = this.idle.pollLast();
				if (idle == null) {
					this.waiting.addLast(post);
					opening = reserve(null);
				}
			}
		}
		if (idle != null) {
			idle.send(post);
		}
		else if (opening != null) {
			open(opening);
		}
		else if (isReleased()) {
			post.failed(released(), false);
		}
	}

	/**
	 * A new connection counted in the pool, or null at the bound; for {@code dedicated} alone
	 * first, or for whatever waits. Guarded by {@link #lock}.
	 */
	private @Nullable PostConnection reserve(@Nullable Post dedicated) {
		if (this.connections.size() >= this.maxConnections) {
			return null;
		}
		PostConnection connection = new PostConnection(this, this.requests, this.maxResponseSize, dedicated);
		this.connections.add(connection);
		return connection;
	}

	/** Opens a reserved connection through the connector; it reports to {@link #next} or {@link #openFailed}. */
	private void open(PostConnection connection) {
		Future<Channel> opened;
		try {
			opened = this.connector.open(connection::install);
		}
		catch (RuntimeException ex) {
			// The event loop group is shut down: nothing can be opened any more.
			openFailed(connection, ex);
			return;
		}
		opened.addListener((Future<Channel> done) -> {
			if (done.isSuccess()) {
				connection.opened();
			}
			else {
				openFailed(connection, done.cause());
			}
		});
	}

	/**
	 * What a connection just opened or freed after a reply writes next: its dedicated POST, the
	 * oldest waiting one, or nothing, in which case it is idle now. Null too once the pool is
	 * released (the connection is being closed then). On the connection's event loop.
	 */
	@Nullable Post next(PostConnection connection, @Nullable Post dedicated) {
		synchronized (this.lock) {
			if (this.released) {
				return null;
			}
			if (dedicated != null) {
				return dedicated;
			}
			Post next = this.waiting.pollFirst();
			if (next == null) {
				this.idle.addLast(connection);
			}
			return next;
		}
	}

	/**
	 * A connection could not be opened: it fails its dedicated POST, and every POST waiting now,
	 * as a client does whose node cannot be reached (what waits would meet the same).
	 */
	void openFailed(PostConnection connection, Throwable cause) {
		List<Post> failed;
		synchronized (this.lock) {
			this.connections.remove(connection);
			failed = new ArrayList<>(this.waiting);
			this.waiting.clear();
		}
		Post dedicated = connection.dedicated();
		if (dedicated != null) {
			dedicated.failed(cause, false);
		}
		failed.forEach((post) -> post.failed(cause, false));
	}

	/**
	 * A connection that was open is gone (closed by either side, or failed) and leaves the pool;
	 * once per connection, from its event loop. A new connection is opened for {@code resend}, a
	 * POST that met a kept-alive connection the node had closed, and one more if POSTs wait.
	 * Returns false, taking nothing, when {@code resend} cannot go (the pool is released): the
	 * caller fails it then.
	 */
	boolean retired(PostConnection connection, @Nullable Post resend) {
		PostConnection fresh = null;
		PostConnection forWaiting = null;
		synchronized (this.lock) {
			this.connections.remove(connection);
			this.idle.remove(connection);
			if (this.released) {
				return resend == null;
			}
			if (resend != null) {
				fresh = reserve(resend);
				if (fresh == null) {
					// Not expected (the slot was just freed); it goes first to the next connection then.
					this.waiting.addFirst(resend);
				}
			}
			if (!this.waiting.isEmpty()) {
				forWaiting = reserve(null);
			}
		}
		if (fresh != null) {
			open(fresh);
		}
		if (forWaiting != null) {
			open(forWaiting);
		}
		return true;
	}

	/**
	 * Sends {@code post} again on a fresh connection (or first in line when the bound is reached,
	 * which is not expected: its own connection just left). Returns false when the pool is released.
	 */
	boolean resend(Post post) {
		PostConnection fresh;
		synchronized (this.lock) {
			if (this.released) {
				return false;
			}
			fresh = reserve(post);
			if (fresh == null) {
				this.waiting.addFirst(post);
			}
		}
		if (fresh != null) {
			open(fresh);
		}
		return true;
	}

	/**
	 * Closes every connection and fails what waits; from then on every POST fails at once. Any
	 * thread, idempotent.
	 */
	void release() {
		List<PostConnection> open;
		List<Post> failed;
		synchronized (this.lock) {
			if (this.released) {
				return;
			}
			this.released = true;
			open = new ArrayList<>(this.connections);
			failed = new ArrayList<>(this.waiting);
			this.waiting.clear();
			this.idle.clear();
		}
		open.forEach(PostConnection::close);
		RuntimeException cause = released();
		failed.forEach((post) -> post.failed(cause, false));
	}

	/** Whether {@link #release()} was called; a released connection closes instead of taking work. */
	boolean isReleased() {
		synchronized (this.lock) {
			return this.released;
		}
	}

	/** Why a POST fails after {@link #release()}. */
	static IllegalStateException released() {
		return new IllegalStateException("the HTTP transport was released (client shut down)");
	}

}
