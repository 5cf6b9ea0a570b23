package org.bitcoinrpc.client.transport;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One keep-alive HTTP/1.1 connection of the {@link PostConnections}, carrying one {@link Post} at a
 * time: it writes the request, collects the reply's body into its {@link ReplyBuffer}, and reports
 * the outcome to the post once the pool has the connection back, so that a call made from that
 * report finds it free.
 * <p>
 * A connection leaves the pool ({@link PostConnections#retired}) when the node closes it (btcd
 * does after each reply, saying {@code Connection: close}), when a reply ends with that header,
 * and when its post fails: a reply over the size limit, an unreadable reply, or one later than the
 * post's timeout (the reply may still come, so the connection cannot carry another).
 * <p>
 * <b>A kept-alive connection the node closed while it was idle.</b> A server closes idle
 * connections after a while; if a POST is written to one just before its close is seen, the write
 * goes nowhere and the connection ends without a byte of reply. Such a POST never reached the
 * node's JSON-RPC handler, so it is sent again, once, on a fresh connection, as
 * {@code HttpURLConnection} does with a POST ({@code sun.net.http.retryPost}). Only when all of this holds: the connection had carried an
 * exchange before (it was reused), nothing of this reply arrived (not one byte, counted before the
 * HTTP decoder by {@link ReplyStart}), the failure is the connection's (not a timeout), and the POST
 * was not sent again for this already. Anything else fails the post, saying it may or may not
 * have run. A fresh connection closed without a reply is a refusal (btcd closes on a request
 * it cannot parse), not staleness.
 * <p>
 * <b>Timeouts.</b> Each post allows {@link Post#timeoutNanos} for its reply. Rather than a timer per
 * post, the connection keeps one timer, armed for the deadline of the post in flight when none is
 * armed earlier; when it fires it fails the post if its deadline passed, else arms itself for it.
 * With the usual equal timeouts it fires about once per timeout per connection, whatever the rate.
 * <p>
 * Threads: everything runs on the channel's event loop, but {@link #send} (any thread: it hands
 * the post over through {@link #handedOver} and the event loop's task queue) and {@link #close}.
 */
final class PostConnection extends ChannelInboundHandlerAdapter implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(PostConnection.class);

	/** Replies come in slices of at most this many bytes (the decoder's default, 8 KB, means more objects for large ones). */
	private static final int MAX_CHUNK = 64 * 1024;

	private final PostConnections pool;

	private final PostRequests requests;

	/** The reply being received; reused for the next one. */
	private final ReplyBuffer buffer;

	/** A post this connection was opened for, written before anything waiting; null for none. */
	private final @Nullable Post dedicated;

	/** The timer's task, made once. */
	private final Runnable timeoutCheck = this::checkTimeout;

	/** Set on the event loop when the handler is added, before the connection is made; read by {@link #close} from any thread. */
	private volatile @Nullable Channel channel;

	/** Set by {@link #close} from any thread: the connection closes instead of carrying anything more. */
	private volatile boolean closeRequested;

	/** Event loop only, but set once in {@link #handlerAdded}. */
	private @Nullable ChannelHandlerContext context;

	/**
	 * The post a sender on another thread handed over, for {@link #run}: written before the
	 * event loop's {@code execute}, which orders it before the read.
	 */
	private @Nullable Post handedOver;

	/** The post in flight, or null. Event loop only, as every field below. */
	private @Nullable Post post;

	/** Whether the connector reported the connection through its layers; before that, its failures are the connector's to report. */
	private boolean open;

	/** Whether it told the pool it is gone; once. */
	private boolean retired;

	/** Exchanges answered on this connection: one or more means a post written now reuses it. */
	private int answered;

	/** Whether any byte of the reply in flight arrived. */
	private boolean replyStarted;

	/** The status of the reply in flight, once its head came. */
	private int status;

	/** Whether the reply in flight lets the connection carry another exchange. */
	private boolean keepAlive;

	/** Whether the head that came is a 1xx one, whose end is skipped: the real reply follows. */
	private boolean informational;

	/** When the post in flight times out, in {@link System#nanoTime()} terms. */
	private long deadline;

	/** The timer armed, or null; it fires at {@link #timerAt}. */
	private @Nullable ScheduledFuture<?> timer;

	private long timerAt;

	/** Whether a read is being handled: a request written meanwhile is flushed once it ends. */
	private boolean reading;

	private boolean flushPending;

	PostConnection(PostConnections pool, PostRequests requests, int maxResponseSize, @Nullable Post dedicated) {
		this.pool = pool;
		this.requests = requests;
		this.buffer = new ReplyBuffer(maxResponseSize);
		this.dedicated = dedicated;
	}

	@Nullable Post dedicated() {
		return this.dedicated;
	}

	/** Adds the HTTP layers after the connector's proxy and TLS ones. On the event loop, before the connection is made. */
	void install(ChannelPipeline pipeline) {
		HttpDecoderConfig decoding = new HttpDecoderConfig().setMaxChunkSize(MAX_CHUNK)
			// Only the decoder reads the reply's headers, for its framing: they keep only what frames
			// it, and every reply's end carries trailers of the same kind (nearly always none).
			.setHeadersFactory(FramingHeaders.FACTORY)
			.setTrailersFactory(FramingHeaders.FACTORY);
		// Netty 4.2's default (adaptive) allocator makes a NIO view of its buffer for every copy in
		// and out of it: about 190 bytes a call here. The pooled one keeps its view.
		pipeline.channel().config().setAllocator(PooledByteBufAllocator.DEFAULT);
		pipeline.addLast("reply-start", new ReplyStart());
		pipeline.addLast("http", new HttpClientCodec(decoding, false, false));
		pipeline.addLast("post", this);
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.context = ctx;
		this.channel = ctx.channel();
	}

	/** The connector reports the connection through its layers: it writes its first post or goes idle. */
	void opened() {
		Channel ch = this.channel;
		if (this.closeRequested || ch == null || !ch.isActive()) {
			// Released meanwhile, or closed as soon as it was open: as good as not opened.
			this.retired = true;
			if (ch != null) {
				ch.close();
			}
			this.pool.openFailed(this, this.closeRequested ? PostConnections.released()
					: new PrematureChannelClosureException("the connection was closed as soon as it was open"));
			return;
		}
		this.open = true;
		Post next = this.pool.next(this, this.dedicated);
		if (next != null) {
			write(next);
		}
		else if (this.dedicated != null) {
			// Released meanwhile.
			this.dedicated.failed(PostConnections.released(), false);
		}
	}

	/** Writes a post on this connection, which the pool gave to the caller. Any thread. */
	void send(Post sent) {
		Channel ch = this.channel;
		if (ch.eventLoop().inEventLoop()) {
			write(sent);
			return;
		}
		this.handedOver = sent;
		try {
			ch.eventLoop().execute(this);
		}
		catch (RuntimeException ex) {
			// The event loop is shutting down: the post goes nowhere.
			this.handedOver = null;
			sent.failed(ex, false);
		}
	}

	/** Writes the post handed over by {@link #send}. */
	@Override
	public void run() {
		Post sent = this.handedOver;
		this.handedOver = null;
		if (sent != null) {
			write(sent);
		}
	}

	private void write(Post sent) {
		Channel ch = this.channel;
		ChannelHandlerContext ctx = this.context;
		if (this.retired || ch == null || ctx == null || !ch.isActive()) {
			unwritten(sent);
			return;
		}
		FullHttpRequest request = this.requests.request(sent);
		this.post = sent;
		this.replyStarted = false;
		this.status = 0;
		this.informational = false;
		this.deadline = System.nanoTime() + sent.timeoutNanos;
		arm();
		if (this.reading) {
			ctx.write(request, ctx.voidPromise());
			this.flushPending = true;
		}
		else {
			ctx.writeAndFlush(request, ctx.voidPromise());
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		this.reading = true;
		try {
			Post current = this.post;
			if (current == null) {
				if (!this.retired) {
					// Bytes nobody asked for: the exchange on this connection is out of step.
					retire(null);
					ctx.close();
				}
				return;
			}
			if (message instanceof HttpObject object && object.decoderResult().isFailure()) {
				fail(object.decoderResult().cause(), true);
				return;
			}
			if (message instanceof HttpResponse response) {
				int code = response.status().code();
				this.informational = code >= 100 && code < 200 && code != 101;
				if (this.informational) {
					return;
				}
				this.status = code;
				this.keepAlive = HttpUtil.isKeepAlive(response);
				this.buffer.start(HttpUtil.getContentLength(response, -1L));
			}
			if (message instanceof HttpContent content) {
				if (this.informational) {
					this.informational = !(message instanceof LastHttpContent);
					return;
				}
				this.buffer.append(content.content());
				if (message instanceof LastHttpContent) {
					complete(current);
				}
			}
		}
		catch (ReplyBuffer.TooLargeException ex) {
			fail(ex, true);
		}
		finally {
			ReferenceCountUtil.release(message);
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		this.reading = false;
		if (this.flushPending) {
			this.flushPending = false;
			ctx.flush();
		}
	}

	/**
	 * The whole reply came: the connection goes back to the pool (or out of it), then the post
	 * hears its reply, then the connection writes what the pool gave it.
	 */
	private void complete(Post done) {
		this.post = null;
		this.answered++;
		Post next = null;
		if (this.keepAlive && !this.closeRequested && this.channel.isActive()) {
			next = this.pool.next(this, null);
		}
		else {
			// Connection: close (btcd), or a reply read to the end of the connection.
			retire(null);
			this.channel.close();
		}
		try {
			done.replied(this.status, this.buffer.bytes(), this.buffer.length());
		}
		catch (RuntimeException ex) {
			// A listener must not throw; if one does, the connection still carries what comes next.
			logger.warn("Handling the reply to {} failed", done, ex);
		}
		finally {
			this.buffer.handedOver();
		}
		if (next != null) {
			write(next);
		}
	}

	/**
	 * The post in flight (or the one being written) got no whole reply: the connection closes and
	 * leaves the pool, and the post is sent again on a fresh connection if this was a kept-alive
	 * connection the node had closed (see the class comment), else it fails.
	 * @param written whether its request had been written to the connection
	 */
	private void fail(Throwable cause, boolean written) {
		Post failed = this.post;
		this.post = null;
		Channel ch = this.channel;
		if (ch != null) {
			ch.close();
		}
		if (failed == null) {
			retire(null);
			return;
		}
		boolean resend = this.answered > 0 && !this.replyStarted && !failed.resentAfterStaleConnection
				&& !(cause instanceof TimeoutException) && !(cause instanceof ReplyBuffer.TooLargeException);
		if (resend) {
			failed.resentAfterStaleConnection = true;
			if (retire(failed)) {
				return;
			}
		}
		else {
			retire(null);
		}
		failed.failed(cause, written);
	}

	/**
	 * A post given to this connection after it closed (while idle, its close seen only now): it
	 * was never written, so it goes again on a fresh connection, once.
	 */
	private void unwritten(Post sent) {
		PrematureChannelClosureException cause = new PrematureChannelClosureException(
				"the connection was closed before the request was written");
		Channel ch = this.channel;
		if (ch != null) {
			ch.close();
		}
		if (!sent.resentAfterStaleConnection) {
			sent.resentAfterStaleConnection = true;
			if (retire(sent)) {
				return;
			}
		}
		else {
			retire(null);
		}
		sent.failed(cause, false);
	}

	/**
	 * Leaves the pool, once; {@code resend} goes again on a fresh connection (also when this one
	 * left already). Returns false if the pool would not take it (released).
	 */
	private boolean retire(@Nullable Post resend) {
		if (this.retired) {
			return (resend == null) || this.pool.resend(resend);
		}
		this.retired = true;
		if (this.timer != null) {
			this.timer.cancel(false);
			this.timer = null;
		}
		return this.pool.retired(this, resend);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		this.reading = false;
		if (!this.open) {
			// Still opening: the connector fails its future, and the pool hears it from there.
			return;
		}
		if (this.post != null) {
			fail(new PrematureChannelClosureException(this.replyStarted ? "the connection was closed before the whole reply came"
					: "the connection was closed without a reply"), true);
		}
		else {
			retire(null);
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		// Handled here, never passed on: Netty would log it at the end of the pipeline.
		if (!this.open) {
			// A proxy or TLS failure while opening: the connector reports it.
			ctx.close();
			return;
		}
		if (this.post != null) {
			fail(cause, true);
		}
		else {
			retire(null);
			ctx.close();
		}
	}

	/** Arms the timer for the deadline of the post in flight, unless it fires before it anyway. */
	private void arm() {
		if (this.timer != null && this.timerAt - this.deadline <= 0) {
			return;
		}
		if (this.timer != null) {
			this.timer.cancel(false);
		}
		this.timerAt = this.deadline;
		this.timer = this.channel.eventLoop().schedule(this.timeoutCheck, this.deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
	}

	private void checkTimeout() {
		this.timer = null;
		Post current = this.post;
		if (current == null || this.retired) {
			return;
		}
		if (System.nanoTime() - this.deadline >= 0) {
			fail(new TimeoutException("no reply within " + TimeUnit.NANOSECONDS.toMillis(current.timeoutNanos) + " ms"), true);
		}
		else {
			arm();
		}
	}

	/** Closes the connection; whatever is in flight fails. Any thread. */
	void close() {
		this.closeRequested = true;
		Channel ch = this.channel;
		if (ch != null) {
			ch.close();
		}
	}

	@Override
	public boolean isSharable() {
		return false;
	}

	/**
	 * Notes that a byte of the reply arrived, before the HTTP decoder (which says nothing until a
	 * whole head came): what tells a kept-alive connection closed unseen from a reply cut short.
	 */
	private final class ReplyStart extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object message) {
			PostConnection.this.replyStarted = true;
			ctx.fireChannelRead(message);
		}

	}

}
