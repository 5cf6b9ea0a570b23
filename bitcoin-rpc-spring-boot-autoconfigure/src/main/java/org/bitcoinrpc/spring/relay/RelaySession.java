package org.bitcoinrpc.spring.relay;

import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One browser: its messages in order, sent by the relay's sender threads, never by the thread
 * that offers them, so that a browser that reads slowly (or not at all) holds up only its own
 * sender thread, never the client's event thread or another browser.
 * <p>
 * What waits is bounded: once more than {@code bufferSizeLimit} bytes wait, or a send has been
 * stuck for longer than {@code sendTimeLimit}, the next offer fails and the relay closes the
 * session as too slow. Spring's {@link ConcurrentWebSocketSessionDecorator} wraps the session with
 * the same limits: it makes the sender's {@code sendMessage} and a close from another thread safe
 * together, and it would cut off a send that another thread found stuck.
 * <p>
 * Threads: {@link #offer} is called by any thread (the event thread, a session's first message);
 * at most one sender thread at a time runs {@link #drain} ({@link #draining} is the baton).
 */
final class RelaySession {

	private static final Log logger = LogFactory.getLog(RelaySession.class);

	private final ConcurrentWebSocketSessionDecorator session;

	private final Executor senders;

	private final long bufferSizeLimit;

	private final long sendTimeLimitMillis;

	private final AtomicLong sent;

	/** Messages not yet handed to the session, oldest first; written by offerers, read by the sender. */
	private final Deque<String> pending = new ConcurrentLinkedDeque<>();

	/** Characters in {@link #pending} and in the send in progress. */
	private final AtomicLong pendingSize = new AtomicLong();

	/** Whether a sender is running {@link #drain} (or is about to). */
	private final AtomicBoolean draining = new AtomicBoolean();

	/** When the send in progress started (System.nanoTime), or 0 when none is: written by the sender. */
	private volatile long sendStartedAt;

	/** Set once, when the session is closed or found broken: nothing more is queued or sent. */
	private volatile boolean closed;

	/**
	 * Messages offered before {@link #open()} wait without being sent, so that the session's
	 * first message (the snapshot) goes out first even if events arrive while it is prepared.
	 */
	private volatile boolean open;

	RelaySession(WebSocketSession session, Executor senders, int bufferSizeLimit, int sendTimeLimitMillis,
			AtomicLong sent) {
		this.session = new ConcurrentWebSocketSessionDecorator(session, sendTimeLimitMillis, bufferSizeLimit,
				ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
		this.senders = senders;
		this.bufferSizeLimit = bufferSizeLimit;
		this.sendTimeLimitMillis = sendTimeLimitMillis;
		this.sent = sent;
	}

	String id() {
		return this.session.getId();
	}

	/**
	 * Queues a message for this browser.
	 * @param message the JSON text
	 * @return {@code null} if queued (or the session is closed already), else why the browser is
	 * too slow to take it: the caller closes the session
	 */
	@Nullable String offer(String message) {
		if (this.closed) {
			return null;
		}
		long startedAt = this.sendStartedAt;
		if (startedAt != 0) {
			long stuckMillis = (System.nanoTime() - startedAt) / 1_000_000;
			if (stuckMillis > this.sendTimeLimitMillis) {
				return "a send has been waiting for " + stuckMillis + " ms (limit " + this.sendTimeLimitMillis + " ms)";
			}
		}
		long size = this.pendingSize.addAndGet(message.length());
		if (size > this.bufferSizeLimit) {
			this.pendingSize.addAndGet(-message.length());
			return size + " bytes waiting to be sent (limit " + this.bufferSizeLimit + ")";
		}
		this.pending.add(message);
		schedule();
		return null;
	}

	/**
	 * Queues the session's first message in front of what was offered meanwhile, and starts
	 * sending. Nothing is sent before: {@link #schedule} waits for {@link #open}.
	 */
	void open(String first) {
		this.pendingSize.addAndGet(first.length());
		this.pending.offerFirst(first);
		this.open = true;
		schedule();
	}

	private void schedule() {
		if (this.open && !this.pending.isEmpty() && this.draining.compareAndSet(false, true)) {
			try {
				this.senders.execute(this::drain);
			}
			catch (RuntimeException ex) {
				// The relay is stopping: its executor takes no more work.
				this.draining.set(false);
			}
		}
	}

	/** Sends what is queued, in order; hands the baton back, then looks again for a late offer. */
	private void drain() {
		try {
			String message;
			while (!this.closed && (message = this.pending.poll()) != null) {
				this.sendStartedAt = System.nanoTime();
				try {
					this.session.sendMessage(new TextMessage(message));
					this.sent.incrementAndGet();
				}
				catch (IOException | RuntimeException ex) {
					// The browser went away (or the decorator cut it off): the relay's
					// afterConnectionClosed, or the next offer's failure, removes the session.
					logger.debug("Could not send to browser session " + id() + ": " + ex.getMessage());
					this.closed = true;
				}
				finally {
					this.sendStartedAt = 0;
					this.pendingSize.addAndGet(-message.length());
				}
			}
		}
		finally {
			this.draining.set(false);
		}
		if (this.closed) {
			this.pending.clear();
		}
		else {
			schedule();
		}
	}

	/**
	 * Closes the session; idempotent. Runs on a sender thread: closing may have to write a close
	 * frame behind what the browser has not read.
	 * @param status the close status, with its reason
	 * @return completed once the close was handed to the server (or failed)
	 */
	CompletableFuture<Void> close(CloseStatus status) {
		this.closed = true;
		this.pending.clear();
		try {
			return CompletableFuture.runAsync(() -> closeNow(status), this.senders);
		}
		catch (RuntimeException ex) {
			closeNow(status);
			return CompletableFuture.completedFuture(null);
		}
	}

	private void closeNow(CloseStatus status) {
		try {
			this.session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not close browser session " + id() + ": " + ex.getMessage());
		}
	}

}
