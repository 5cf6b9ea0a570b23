package org.bitcoinrpc.client.transport;

import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.internal.PlatformDependent;

/**
 * Writes one websocket connection's frames with as few hand-offs and system calls as possible:
 * <ul>
 * <li>A write on the channel's event loop (a call started from a reply's callback) goes straight
 * to the channel. Inside a read it is flushed with everything else written during that read, once,
 * when the read completes; outside one, by a drain task scheduled for it.
 * <li>A write from any other thread goes into a lock-free queue. One drain task on the event loop
 * writes whatever the queue holds and flushes once; it is scheduled only when no drain is pending
 * or running, so many callers cost one wake-up of the loop between them, not one each.
 * </ul>
 * Writes take the channel's void promise: no promise or listener per frame. A failed write fires
 * {@code exceptionCaught} in the pipeline, where the connection drops itself.
 * <p>
 * The bytes accepted and not yet written to the socket are bounded by {@code limit}. They are
 * counted cheaply and approximately: {@link #accepted}, bytes in the queue or written and not yet
 * flushed, plus what the channel's outbound buffer holds (flushed, not yet taken by the socket). A
 * writer may briefly count a frame twice, never not at all, so the bound holds.
 */
final class Outbox {

	/** What {@link #write} returns when it took the frame. */
	static final long ACCEPTED = -1;

	/** How many times one drain task goes round while callers keep the queue full, before it lets the loop read. */
	private static final int MAX_DRAIN_ROUNDS = 8;

	private final Channel channel;

	private final EventLoop loop;

	private final long limit;

	/** Called, on any thread, if the event loop refuses the drain task (it is shutting down). */
	private final Consumer<String> abort;

	/** Frames written from other threads, waiting for the drain task. Any thread offers, the loop polls. */
	private final Queue<TextWebSocketFrame> queue = PlatformDependent.newMpscQueue();

	/** Whether a drain task is scheduled or running. Set by whoever schedules it, cleared by the task. */
	private final AtomicBoolean drainScheduled = new AtomicBoolean();

	/** Bytes accepted and not yet flushed to the channel: added by writers, subtracted by the loop after flushing. */
	private final AtomicLong accepted = new AtomicLong();

	private final Runnable drainTask = this::drain;

	/** Set once the connection is lost: queued frames are dropped from then on. Any thread. */
	private volatile boolean closed;

	/** Event loop only: whether the loop is inside a read, whose end flushes. */
	private boolean reading;

	/** Event loop only: whether anything was written since the last flush, and how many of {@link #accepted} bytes. */
	private boolean unflushed;

	private long unflushedBytes;

	/** Event loop only: what the write watchdog saw last of the outbound buffer's head. */
	private int lastHead;

	private long lastHeadProgress;

	Outbox(Channel channel, long limit, Consumer<String> abort) {
		this.channel = channel;
		this.loop = channel.eventLoop();
		this.limit = limit;
		this.abort = abort;
	}

	/**
	 * Writes one text frame carrying {@code payload}, from any thread, without waiting. Returns
	 * {@link #ACCEPTED}, or when the send buffer is full the bytes waiting already (the frame is
	 * then not written).
	 */
	long write(byte[] payload) {
		int size = payload.length;
		long waiting = this.accepted.addAndGet(size) + outboundBytes();
		if (waiting > this.limit) {
			this.accepted.addAndGet(-size);
			return waiting - size;
		}
		TextWebSocketFrame frame = new TextWebSocketFrame(Unpooled.wrappedBuffer(payload));
		if (this.loop.inEventLoop()) {
			this.channel.write(frame, this.channel.voidPromise());
			this.unflushed = true;
			this.unflushedBytes += size;
			if (!this.reading) {
				scheduleDrain();
			}
		}
		else {
			this.queue.offer(frame);
			scheduleDrain();
		}
		return ACCEPTED;
	}

	/**
	 * Writes a control frame (ping, pong, close), on the event loop: flushed at once, or at the end
	 * of the read in progress.
	 */
	void writeControl(WebSocketFrame frame) {
		this.channel.write(frame, this.channel.voidPromise());
		this.unflushed = true;
		if (!this.reading) {
			flush();
		}
	}

	/** Event loop: a read begins; what is written until {@link #readComplete()} waits for it. */
	void readStarted() {
		this.reading = true;
	}

	/** Event loop: the read is over; flushes what it wrote, in one go. */
	void readComplete() {
		this.reading = false;
		flush();
	}

	/** Drops queued frames from now on; the connection is lost. Any thread. */
	void close() {
		this.closed = true;
		scheduleDrain();
	}

	/** Bytes accepted and not yet taken by the socket. Any thread; approximate. */
	long outstanding() {
		return this.accepted.get() + outboundBytes();
	}

	/**
	 * Event loop: whether the socket took any bytes since the last look, or none wait. The outbound
	 * buffer's head changes, or its progress moves, only as the socket takes bytes (what Netty's
	 * idle-state handler watches too); new writes do not count as progress.
	 */
	boolean progressed() {
		ChannelOutboundBuffer buffer = this.channel.unsafe().outboundBuffer();
		int head = (buffer != null) ? System.identityHashCode(buffer.current()) : 0;
		long progress = (buffer != null) ? buffer.currentProgress() : 0;
		boolean moved = outstanding() == 0 || head != this.lastHead || progress != this.lastHeadProgress;
		this.lastHead = head;
		this.lastHeadProgress = progress;
		return moved;
	}

	private long outboundBytes() {
		ChannelOutboundBuffer buffer = this.channel.unsafe().outboundBuffer();
		return (buffer != null) ? buffer.totalPendingWriteBytes() : 0;
	}

	private void scheduleDrain() {
		if (this.drainScheduled.get() || !this.drainScheduled.compareAndSet(false, true)) {
			return;
		}
		try {
			this.loop.execute(this.drainTask);
		}
		catch (RejectedExecutionException ex) {
			this.abort.accept("the event loop is shut down");
		}
	}

	/**
	 * Event loop: writes what the queue holds and flushes once. Goes round again while callers kept
	 * adding meanwhile (they saw it scheduled and left the work to it), a few times at most.
	 */
	private void drain() {
		for (int round = 0;; round++) {
			boolean open = !this.closed && this.channel.isActive();
			TextWebSocketFrame frame;
			while ((frame = this.queue.poll()) != null) {
				if (!open) {
					frame.release();
					continue;
				}
				this.unflushedBytes += frame.content().readableBytes();
				this.unflushed = true;
				this.channel.write(frame, this.channel.voidPromise());
			}
			flush();
			this.drainScheduled.set(false);
			// A frame offered before the flag went down is in the queue now; one offered after it
			// saw the flag down and scheduled a drain of its own.
			if (this.queue.isEmpty() || !this.drainScheduled.compareAndSet(false, true)) {
				return;
			}
			if (round == MAX_DRAIN_ROUNDS) {
				this.drainScheduled.set(false);
				scheduleDrain();
				return;
			}
		}
	}

	private void flush() {
		if (this.unflushed) {
			this.unflushed = false;
			if (this.channel.isActive()) {
				this.channel.flush();
			}
		}
		if (this.unflushedBytes != 0) {
			// Flushed: the outbound buffer counts them now (or the socket took them).
			this.accepted.addAndGet(-this.unflushedBytes);
			this.unflushedBytes = 0;
		}
	}

}
