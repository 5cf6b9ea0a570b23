package org.bitcoinrpc.client.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcRequestRejectedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * One open websocket: the last inbound handler of its channel, reading frames with a
 * {@link FrameReader} and writing them through an {@link Outbox}, plus the timers that watch it
 * (keep-alive pings, the write watchdog, the close timeout), all on the channel's event loop.
 * <p>
 * Threads: everything here runs on the event loop, one event at a time, and so do the listener's
 * calls, with two exceptions that callers rely on being synchronous: {@link #send} runs on the
 * caller's thread and may report a full send buffer there ({@code onFailed}), and {@link #close}
 * and {@link #abort} report the loss on the caller's thread before they return. Fields without a
 * note are the event loop's alone.
 */
final class WebSocketConnection extends ChannelInboundHandlerAdapter implements FrameReader.Sink {

	private static final Logger logger = WebSocketTransport.logger;

	/** Bytes outstanding with none taken by the socket for this long mean the connection is dead. */
	private static final long SEND_TIME_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

	/** How often the write watchdog looks: a stall is found within the limit plus this. */
	private static final long WRITE_CHECK_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(5);

	/** How long a polite close waits for the node's close frame before dropping the connection. */
	private static final long CLOSE_TIMEOUT_MILLIS = 1_000;

	private static final int NORMAL_CLOSURE = 1000;

	private static final int PROTOCOL_ERROR = 1002;

	private static final int NO_CLOSE_FRAME = 1006;

	private final WebSocketTransport transport;

	private final Channel channel;

	private final EventLoop loop;

	private final Transport.Listener listener;

	private final String endpoint;

	private final int maxMessageSize;

	private final int sendBufferLimit;

	private final Duration keepAliveInterval;

	private final Duration keepAliveTimeout;

	private final FrameReader reader = new FrameReader(this);

	private final MessageAssembler assembler;

	/** Any thread writes; see {@link Outbox}. */
	private final Outbox outbox;

	/** Set once, by whoever finds the connection lost first; any thread. */
	private final AtomicBoolean lost = new AtomicBoolean();

	/** The size so far of the binary message being received. */
	private long binarySize;

	/** {@code System.nanoTime()} of the ping awaiting its pong, or 0. */
	private long pingSentAt;

	/** Whether a close frame went out: nothing but the channel's close follows it. */
	private boolean closeSent;

	/** When the write watchdog last saw the socket take bytes, or none waiting. */
	private long writesProgressAt;

	/** The keep-alive and write-watchdog tasks; set on the loop before the connection is published, cancelled from any thread. */
	private volatile @Nullable ScheduledFuture<?> keepAlive;

	private volatile @Nullable ScheduledFuture<?> writeWatchdog;

	WebSocketConnection(WebSocketTransport transport, Channel channel, Transport.Listener listener, String endpoint,
			int maxMessageSize, int sendBufferLimit, Duration keepAliveInterval, Duration keepAliveTimeout) {
		this.transport = transport;
		this.channel = channel;
		this.loop = channel.eventLoop();
		this.listener = listener;
		this.endpoint = endpoint;
		this.maxMessageSize = maxMessageSize;
		this.sendBufferLimit = sendBufferLimit;
		this.keepAliveInterval = keepAliveInterval;
		this.keepAliveTimeout = keepAliveTimeout;
		this.assembler = new MessageAssembler(maxMessageSize);
		this.outbox = new Outbox(channel, sendBufferLimit, this::abort);
	}

	/** Event loop, once the handshake is through: starts the keep-alive and the write watchdog. */
	void start() {
		long interval = this.keepAliveInterval.toNanos();
		if (interval > 0) {
			this.keepAlive = this.loop.scheduleAtFixedRate(this::ping, interval, interval, TimeUnit.NANOSECONDS);
		}
		this.writesProgressAt = System.nanoTime();
		this.writeWatchdog = this.loop.scheduleAtFixedRate(this::checkWrites, WRITE_CHECK_PERIOD_NANOS,
				WRITE_CHECK_PERIOD_NANOS, TimeUnit.NANOSECONDS);
		if (this.lost.get()) {
			cancelTasks();
		}
	}

	boolean isOpen() {
		return !this.lost.get();
	}

	/** Writes one exchange as one text frame, or fails it alone when the send buffer is full. Any thread. */
	void send(Exchange exchange, byte[] payload) {
		long waiting = this.outbox.write(payload);
		if (waiting != Outbox.ACCEPTED) {
			this.listener.onFailed(exchange, new RpcRequestRejectedException("Send buffer to " + this.endpoint
					+ " is full (" + waiting + " of sendBufferLimit=" + this.sendBufferLimit + " bytes queued); "
					+ exchange.method() + " was not sent"), false);
		}
	}

	/** Fails one exchange that cannot go over this connection, on the caller's thread. */
	void listenerFailed(Exchange exchange, RuntimeException failure) {
		this.listener.onFailed(exchange, failure, false);
	}

	/**
	 * Closes politely (btcd echoes the close frame), but without waiting on it: a node that never
	 * answers is dropped after a second. The loss is reported before this returns. Any thread.
	 */
	void close() {
		connectionLost("closed by the client");
		try {
			this.loop.execute(this::sendClose);
		}
		catch (RejectedExecutionException ex) {
			this.channel.close();
		}
	}

	/**
	 * Closes for good, at the client's shutdown: the close frame goes out, and the connection is
	 * dropped as soon as it is written rather than after the node's echo. The event loops may stop
	 * right after this (they are the client's own), and a timer waiting for the echo would stop
	 * with them, leaving the socket open. Any thread.
	 */
	void release() {
		connectionLost("closed by the client");
		try {
			this.loop.execute(() -> {
				if (this.channel.isActive() && !this.closeSent) {
					this.closeSent = true;
					this.channel.writeAndFlush(new CloseWebSocketFrame(NORMAL_CLOSURE, null))
						.addListener(ChannelFutureListener.CLOSE);
				}
				else {
					this.channel.close();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.channel.close();
		}
	}

	/** Drops the connection at once, without a close handshake the dead peer would never answer. Any thread. */
	void abort(String reason) {
		connectionLost(reason);
		this.channel.close();
	}

	private void sendClose() {
		if (!this.channel.isActive()) {
			this.channel.close();
			return;
		}
		if (!this.closeSent) {
			this.closeSent = true;
			this.outbox.writeControl(new CloseWebSocketFrame(NORMAL_CLOSURE, null));
		}
		this.loop.schedule(() -> {
			if (this.channel.isOpen()) {
				logger.debug("Close handshake with {} timed out", this.endpoint);
				this.channel.close();
			}
		}, CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
	}

	// ------------------------------------------------------------------ the channel's events

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		if (!(message instanceof ByteBuf bytes)) {
			// The HTTP codec's end of the upgrade response, passed on before it leaves the pipeline.
			ReferenceCountUtil.release(message);
			return;
		}
		this.outbox.readStarted();
		try {
			this.reader.read(bytes);
		}
		finally {
			bytes.release();
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		this.outbox.readComplete();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		connectionLost(describe(NO_CLOSE_FRAME, null));
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		// A read or a write failed (the node reset the connection, say): it is lost, which
		// channelInactive reports as the close without a close frame that it is.
		logger.debug("Websocket transport error from {}", this.endpoint, cause);
		ctx.close();
	}

	// ------------------------------------------------------------------ frames received

	@Override
	public void data(ByteBuffer bytes, boolean binary, boolean last) {
		if (this.lost.get()) {
			// Closed by the client: what still comes belongs to calls already sorted out.
			return;
		}
		if (binary) {
			this.binarySize += bytes.remaining();
			if (last) {
				long size = this.binarySize;
				this.binarySize = 0;
				this.listener.onUnreadable("binary websocket message of " + size + " bytes");
			}
			return;
		}
		if (!this.assembler.append(bytes, last)) {
			return;
		}
		try {
			if (this.assembler.isTooLarge()) {
				Long id = this.assembler.trailingId();
				this.listener.onOversized((id != null) ? id : -1, "a message of " + this.assembler.size()
						+ " bytes exceeds maxResponseSize (" + this.maxMessageSize + " bytes)");
			}
			else {
				this.listener.onMessage(this.assembler.text());
			}
		}
		catch (RuntimeException ex) {
			// The listener never throws by contract; this guards the reader against a bug all the same.
			logger.error("Failed to handle a message from {}", this.endpoint, ex);
		}
		finally {
			this.assembler.reset();
		}
	}

	/** Sizes the assembler's buffer once for a text message that comes whole in one frame. */
	@Override
	public void messageStart(long length, boolean binary, boolean last) {
		if (last && !binary && !this.lost.get()) {
			this.assembler.expect(length);
		}
	}

	/** Answers the node's ping with its payload; copied, as the reader reuses its buffer. */
	@Override
	public void ping(byte[] payload, int length) {
		if (!this.closeSent) {
			this.outbox.writeControl(new PongWebSocketFrame(Unpooled.wrappedBuffer(Arrays.copyOf(payload, length))));
		}
	}

	@Override
	public void pong() {
		this.pingSentAt = 0;
	}

	@Override
	public void close(int code, String reason) {
		connectionLost(describe(code, reason));
		if (this.closeSent) {
			// The node's answer to our close: the websocket is closed both ways.
			this.channel.close();
			return;
		}
		this.closeSent = true;
		// Echo the node's code, then close the connection once the echo is written.
		ByteBuf echo = (code == FrameReader.NO_STATUS_CODE) ? Unpooled.EMPTY_BUFFER
				: Unpooled.wrappedBuffer(new byte[] { (byte) (code >>> 8), (byte) code });
		this.channel.writeAndFlush(new CloseWebSocketFrame(true, 0, echo)).addListener(ChannelFutureListener.CLOSE);
	}

	@Override
	public void protocolError(String reason) {
		logger.debug("Websocket protocol error from {}: {}", this.endpoint, reason);
		connectionLost(describe(PROTOCOL_ERROR, reason));
		if (!this.closeSent) {
			this.closeSent = true;
			this.channel.writeAndFlush(new CloseWebSocketFrame(PROTOCOL_ERROR, null)).addListener(ChannelFutureListener.CLOSE);
		}
		else {
			this.channel.close();
		}
	}

	// ------------------------------------------------------------------ timers

	/**
	 * Sends a ping unless one is outstanding, and arms a check that declares the connection dead if
	 * its pong has not come within the keep-alive timeout. TCP alone would not notice a node that
	 * vanished without closing (a half-open connection).
	 */
	private void ping() {
		if (this.lost.get() || this.pingSentAt != 0) {
			return;
		}
		long now = Math.max(1, System.nanoTime());
		this.pingSentAt = now;
		this.outbox.writeControl(new PingWebSocketFrame(
				Unpooled.wrappedBuffer(Long.toString(now).getBytes(StandardCharsets.US_ASCII))));
		this.loop.schedule(() -> {
			if (this.pingSentAt == now) {
				abort("no pong within " + this.keepAliveTimeout.toMillis() + " ms: the connection is presumed dead");
			}
		}, this.keepAliveTimeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Drops the connection when bytes are outstanding and the socket has taken none for the send
	 * time limit (a node that stopped reading). One periodic look instead of a timer per write.
	 */
	private void checkWrites() {
		long now = System.nanoTime();
		if (this.outbox.progressed()) {
			this.writesProgressAt = now;
			return;
		}
		if (now - this.writesProgressAt >= SEND_TIME_LIMIT_NANOS) {
			abort("no write acknowledged within " + TimeUnit.NANOSECONDS.toMillis(SEND_TIME_LIMIT_NANOS) + " ms ("
					+ this.outbox.outstanding() + " bytes waiting): the connection is presumed dead");
		}
	}

	// ------------------------------------------------------------------ loss

	/** Reports the loss, once per connection, whoever finds it first. Any thread. */
	private void connectionLost(String reason) {
		if (!this.lost.compareAndSet(false, true)) {
			return;
		}
		cancelTasks();
		this.outbox.close();
		this.transport.forget(this);
		this.listener.onLost(new RpcConnectionException("Connection to " + this.endpoint + " lost: " + reason));
	}

	private void cancelTasks() {
		ScheduledFuture<?> task = this.keepAlive;
		if (task != null) {
			task.cancel(false);
		}
		task = this.writeWatchdog;
		if (task != null) {
			task.cancel(false);
		}
	}

	private static String describe(int code, @Nullable String reason) {
		if (code == NO_CLOSE_FRAME) {
			return "code 1006: no close frame, the node or the network dropped the connection";
		}
		return "code " + code + ((reason != null && !reason.isEmpty()) ? ": " + reason : "");
	}

}
