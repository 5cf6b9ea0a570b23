package org.bitcoinrpc.benchmarks.engines;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Promise;

/**
 * The websocket ceiling on Netty: one connection, Netty's own handshaker and frame codecs (client
 * frames masked, as RFC 6455 requires and the stub checks), one pre-encoded request per slot whose
 * id is the slot's number, and replies matched to their slot by the id at the end of the frame.
 * <p>
 * Writes from the event loop (a reply's completion starting the next call) are not flushed at
 * once: {@code channelReadComplete} flushes them together, one write system call per batch of
 * replies read. This is what a Netty-based client would do, and what the issue calls the realistic
 * ceiling. Writes from any other thread are flushed at once.
 */
public final class NettyWebSocketClient implements AutoCloseable {

	private static final long CONNECT_SECONDS = 10;

	private final EventLoopGroup group;

	private final Channel channel;

	private final Handler handler = new Handler();

	/** The request frames' payloads by slot, unreleasable views; replaced by {@link #prepare(int)} between runs. */
	private volatile ByteBuf[] requests = new ByteBuf[0];

	/** The buffers under {@link #requests}, released when replaced. Guarded by {@code this}. */
	private ByteBuf[] encoded = new ByteBuf[0];

	/** Guarded by {@code this}: which slots are free, their start times and completions. */
	private int[] free = new int[0];

	private int freeCount;

	private long[] starts = new long[0];

	private Completion[] completions = new Completion[0];

	public NettyWebSocketClient(String url, NettyTransport transport) throws Exception {
		this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("raw-ws-" + transport.name().toLowerCase(), true),
				transport.ioHandlerFactory());
		WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
			.webSocketUri(URI.create(url))
			.allowExtensions(false)
			.dropPongFrames(true)
			// The raw Jetty client does not decode the text either; the reply is only scanned for its id.
			.withUTF8Validator(false)
			.build();
		Bootstrap bootstrap = new Bootstrap().group(this.group)
			.channel(transport.channelType())
			.option(ChannelOption.TCP_NODELAY, true)
			.handler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel ch) {
					ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
							new WebSocketClientProtocolHandler(config), NettyWebSocketClient.this.handler);
				}

			});
		URI uri = URI.create(url);
		this.channel = bootstrap.connect(uri.getHost(), uri.getPort()).sync().channel();
		if (!this.handler.handshake.await(CONNECT_SECONDS, TimeUnit.SECONDS) || !this.handler.handshake.isSuccess()) {
			this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
			throw new IllegalStateException("No websocket handshake with " + url + ": " + this.handler.handshake.cause());
		}
	}

	/** Encodes one request per slot for {@code inFlight} calls; call between runs only. */
	public synchronized void prepare(int inFlight) {
		releaseRequests();
		ByteBuf[] frames = new ByteBuf[inFlight];
		this.encoded = new ByteBuf[inFlight];
		for (int slot = 0; slot < inFlight; slot++) {
			byte[] json = ("{\"jsonrpc\":\"1.0\",\"id\":" + slot + ",\"method\":\"getblockcount\",\"params\":[]}")
				.getBytes(StandardCharsets.US_ASCII);
			this.encoded[slot] = Unpooled.directBuffer(json.length).writeBytes(json);
			frames[slot] = Unpooled.unreleasableBuffer(this.encoded[slot]);
		}
		this.handler.frames = 0;
		this.handler.batches = 0;
		this.free = new int[inFlight];
		for (int slot = 0; slot < inFlight; slot++) {
			this.free[slot] = inFlight - 1 - slot;
		}
		this.freeCount = inFlight;
		this.starts = new long[inFlight];
		this.completions = new Completion[inFlight];
		this.requests = frames;
	}

	/** Starts one call; at most as many outstanding as {@link #prepare(int)} said, else it fails at once. */
	public void send(long startNanos, Completion completion) {
		int slot;
		synchronized (this) {
			if (this.freeCount == 0) {
				slot = -1;
			}
			else {
				slot = this.free[--this.freeCount];
				this.starts[slot] = startNanos;
				this.completions[slot] = completion;
			}
		}
		if (slot < 0) {
			completion.completed(startNanos, false);
			return;
		}
		TextWebSocketFrame frame = new TextWebSocketFrame(this.requests[slot].duplicate());
		if (this.handler.reading && this.channel.eventLoop().inEventLoop()) {
			this.channel.write(frame, this.channel.voidPromise());
			this.handler.flushPending = true;
		}
		else {
			this.channel.writeAndFlush(frame, this.channel.voidPromise());
		}
	}

	private void reply(int slot) {
		long start;
		Completion completion;
		synchronized (this) {
			if (slot < 0 || slot >= this.completions.length || this.completions[slot] == null) {
				return;
			}
			start = this.starts[slot];
			completion = this.completions[slot];
			this.completions[slot] = null;
			this.free[this.freeCount++] = slot;
		}
		completion.completed(start, true);
	}

	/**
	 * Replies per read batch since {@link #prepare(int)}: how many replies one wake-up of the event
	 * loop found, and so how many requests one flush carried on.
	 */
	public double repliesPerReadBatch() {
		long batches = this.handler.batchesSeen;
		return (batches > 0) ? (double) this.handler.framesSeen / batches : Double.NaN;
	}

	@Override
	public void close() {
		this.channel.close().awaitUninterruptibly(CONNECT_SECONDS, TimeUnit.SECONDS);
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(CONNECT_SECONDS, TimeUnit.SECONDS);
		synchronized (this) {
			releaseRequests();
		}
	}

	/** Only between runs: no frame made from them is still queued. */
	private void releaseRequests() {
		for (ByteBuf buffer : this.encoded) {
			buffer.release();
		}
		this.encoded = new ByteBuf[0];
	}

	/** The last handler of the pipeline; its fields are only touched by the event loop, except the handshake promise. */
	private final class Handler extends ChannelInboundHandlerAdapter {

		private volatile Promise<Void> handshake;

		/** Whether the event loop is inside a read batch, so that a write can wait for channelReadComplete. */
		boolean reading;

		boolean flushPending;

		/** Event loop only: replies and read batches since prepare(), published once per batch below. */
		long frames;

		long batches;

		volatile long framesSeen;

		volatile long batchesSeen;

		@Override
		public void handlerAdded(ChannelHandlerContext ctx) {
			this.handshake = ctx.executor().newPromise();
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
				this.handshake.trySuccess(null);
			}
			else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
				this.handshake.tryFailure(new IllegalStateException("handshake timed out"));
			}
			super.userEventTriggered(ctx, event);
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			this.reading = true;
			if (msg instanceof TextWebSocketFrame frame) {
				this.frames++;
				try {
					int id = IdScan.tailId(frame.content());
					reply(id);
				}
				finally {
					frame.release();
				}
			}
			else if (msg instanceof WebSocketFrame frame) {
				frame.release();
			}
			else {
				ctx.fireChannelRead(msg);
			}
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			this.reading = false;
			this.batches++;
			this.framesSeen = this.frames;
			this.batchesSeen = this.batches;
			if (this.flushPending) {
				this.flushPending = false;
				ctx.flush();
			}
			ctx.fireChannelReadComplete();
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			this.handshake.tryFailure(cause);
			ctx.close();
		}

	}

}
