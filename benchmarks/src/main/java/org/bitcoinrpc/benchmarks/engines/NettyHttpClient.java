package org.bitcoinrpc.benchmarks.engines;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The HTTP POST ceiling on Netty: {@link HttpClientCodec} over a pool of keep-alive connections,
 * one call at a time on each (HTTP/1.1 without pipelining, as nodes expect). The body and the
 * headers are built once; each call costs one request object around them. A reply is checked by
 * its status and the id at the end of its body, nothing more.
 * <p>
 * Calls beyond the connections wait in a bounded queue and are written by the connection that
 * frees up, from its event loop, and flushed at {@code channelReadComplete} with whatever else
 * that read produced.
 */
public final class NettyHttpClient implements AutoCloseable {

	private static final long CONNECT_SECONDS = 10;

	private static final int MAX_WAITING = 4096;

	private final EventLoopGroup group;

	private final Bootstrap bootstrap;

	private final URI uri;

	/** The encoded body, released at close; requests carry unreleasable views of it. */
	private final ByteBuf encodedBody;

	private final ByteBuf body;

	private final HttpHeaders headers;

	private final int expectedId;

	private final Connection[] connections;

	/** Guarded by {@code this}: idle connections (a stack) and the calls waiting for one (a ring). */
	private final Connection[] idle;

	private int idleCount;

	private final long[] waitingStarts = new long[MAX_WAITING];

	private final Completion[] waiting = new Completion[MAX_WAITING];

	private int waitingHead;

	private int waitingCount;

	/**
	 * A client of {@code connections} connections on {@code threads} event loops, posting
	 * {@code body} (whose id is {@code expectedId}) with {@code authorization} to {@code url}.
	 */
	public NettyHttpClient(String url, String authorization, byte[] body, int expectedId, NettyTransport transport,
			int connections, int threads) throws InterruptedException {
		this.uri = URI.create(url);
		this.expectedId = expectedId;
		this.encodedBody = Unpooled.directBuffer(body.length).writeBytes(body);
		this.body = Unpooled.unreleasableBuffer(this.encodedBody);
		this.headers = new DefaultHttpHeaders()
			.set(HttpHeaderNames.HOST, this.uri.getHost() + ":" + this.uri.getPort())
			.set(HttpHeaderNames.AUTHORIZATION, authorization)
			.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
		this.group = new MultiThreadIoEventLoopGroup(threads,
				new DefaultThreadFactory("raw-http-" + transport.name().toLowerCase(), true), transport.ioHandlerFactory());
		this.bootstrap = new Bootstrap().group(this.group)
			.channel(transport.channelType())
			.option(ChannelOption.TCP_NODELAY, true);
		this.connections = new Connection[connections];
		this.idle = new Connection[connections];
		for (int i = 0; i < connections; i++) {
			this.connections[i] = new Connection();
			this.connections[i].connect();
		}
	}

	/**
	 * Reopens the connections the server closed and makes every connection idle; between runs
	 * only, from a thread that is not an event loop.
	 */
	public void prepare() throws InterruptedException {
		synchronized (this) {
			this.idleCount = 0;
			this.waitingCount = 0;
		}
		for (Connection connection : this.connections) {
			if (connection.channel == null || !connection.channel.isActive()) {
				connection.connect();
			}
			connection.completion = null;
			synchronized (this) {
				this.idle[this.idleCount++] = connection;
			}
		}
	}

	/** Starts one call, on an idle connection or after the calls already waiting. */
	public void send(long startNanos, Completion completion) {
		Connection connection;
		synchronized (this) {
			if (this.idleCount > 0) {
				connection = this.idle[--this.idleCount];
			}
			else if (this.waitingCount < MAX_WAITING) {
				int tail = (this.waitingHead + this.waitingCount++) % MAX_WAITING;
				this.waitingStarts[tail] = startNanos;
				this.waiting[tail] = completion;
				return;
			}
			else {
				connection = null;
			}
		}
		if (connection == null) {
			completion.completed(startNanos, false);
			return;
		}
		connection.write(startNanos, completion);
	}

	/** The connection's call ended: it takes the oldest waiting call, or goes back to the idle stack. */
	private void release(Connection connection) {
		long start;
		Completion next;
		synchronized (this) {
			if (this.waitingCount == 0) {
				this.idle[this.idleCount++] = connection;
				return;
			}
			start = this.waitingStarts[this.waitingHead];
			next = this.waiting[this.waitingHead];
			this.waiting[this.waitingHead] = null;
			this.waitingHead = (this.waitingHead + 1) % MAX_WAITING;
			this.waitingCount--;
		}
		connection.write(start, next);
	}

	@Override
	public void close() {
		for (Connection connection : this.connections) {
			if (connection.channel != null) {
				connection.channel.close().awaitUninterruptibly(CONNECT_SECONDS, TimeUnit.SECONDS);
			}
		}
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(CONNECT_SECONDS, TimeUnit.SECONDS);
		this.encodedBody.release();
	}

	/** One keep-alive connection and its one call in flight; its fields are the event loop's, but for the hand-over in {@link #write}. */
	private final class Connection extends ChannelInboundHandlerAdapter {

		volatile Channel channel;

		/** The call in flight; set by the thread that writes it, read by the event loop after the reply. */
		volatile Completion completion;

		volatile long start;

		/** Event loop only: the reply's state. */
		private int status;

		private boolean idFound;

		/** Event loop only: whether it is inside a read batch, so that a write can wait for channelReadComplete. */
		private boolean reading;

		private boolean flushPending;

		void connect() throws InterruptedException {
			Bootstrap connection = NettyHttpClient.this.bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel ch) {
					ch.pipeline().addLast(new HttpClientCodec(), Connection.this);
				}

			});
			this.channel = connection.connect(NettyHttpClient.this.uri.getHost(), NettyHttpClient.this.uri.getPort())
				.sync().channel();
		}

		@Override
		public boolean isSharable() {
			// Reconnecting adds the same handler to the new channel's pipeline; the old one is closed.
			return true;
		}

		void write(long startNanos, Completion call) {
			this.start = startNanos;
			this.completion = call;
			Channel ch = this.channel;
			if (!ch.isActive()) {
				// Closed by the server since prepare(): fail the call; this connection stays out of the pool.
				this.completion = null;
				call.completed(startNanos, false);
				return;
			}
			DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
					NettyHttpClient.this.uri.getRawPath(), NettyHttpClient.this.body.duplicate(), NettyHttpClient.this.headers,
					EmptyHttpHeaders.INSTANCE);
			if (this.reading && ch.eventLoop().inEventLoop()) {
				ch.write(request, ch.voidPromise());
				this.flushPending = true;
			}
			else {
				ch.writeAndFlush(request, ch.voidPromise());
			}
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			this.reading = true;
			try {
				if (msg instanceof HttpResponse response) {
					this.status = response.status().code();
					this.idFound = false;
				}
				if (msg instanceof HttpContent content) {
					if (content.content().isReadable() && IdScan.tailId(content.content()) == NettyHttpClient.this.expectedId) {
						this.idFound = true;
					}
					if (msg instanceof LastHttpContent) {
						finish(this.status == 200 && this.idFound);
					}
				}
			}
			finally {
				ReferenceCountUtil.release(msg);
			}
		}

		private void finish(boolean ok) {
			Completion done = this.completion;
			long started = this.start;
			this.completion = null;
			if (done == null) {
				return;
			}
			// Hand the connection on first: the completion starts the next call, which may then find it idle.
			release(this);
			done.completed(started, ok);
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			this.reading = false;
			if (this.flushPending) {
				this.flushPending = false;
				ctx.flush();
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			Completion done = this.completion;
			this.completion = null;
			if (done != null) {
				done.completed(this.start, false);
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close();
		}

	}

}
