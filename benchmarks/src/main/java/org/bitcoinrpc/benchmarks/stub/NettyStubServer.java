package org.bitcoinrpc.benchmarks.stub;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The stubs' replies ({@link StubReplies}: {@code result 123} and the request's id) on Netty, for
 * the engine ceilings of issue 14 ({@code -Dengines.stub=netty}). The Jetty stubs write each reply
 * on its own, so at high load a client gets one or two replies per read and the stub's CPU time
 * per call is as large as the client's: the stub, not the client, sets the ceiling. This one answers
 * from its event loop (epoll where available) and flushes the replies to one read together at
 * {@code channelReadComplete}, as a Go server's buffered writer would. Requests only; it pushes no
 * notifications.
 * <p>
 * Started with a {@link LargeBlockReply} ({@link #startLarge}), it answers {@code getblock} with that
 * ~6.29 MB reply and the request's id, for the end-to-end large-reply harness; the 6 MB are one
 * shared buffer that nothing writes to, sent by reference (no copy per reply), so that the stub's
 * cost per block is little more than the socket's. Every other method gets the usual small reply.
 */
public final class NettyStubServer implements AutoCloseable {

	/** What the stub speaks. */
	public enum Protocol {
		/** Websocket on {@code /ws}. */
		WS,
		/** HTTP POST with keep-alive. */
		HTTP
	}

	private static final byte[] PREFIX = StubReplies.reply("").getBytes(StandardCharsets.US_ASCII);

	/** The method's name as a request spells it, quotes included ({@code getblockcount} does not match). */
	private static final ByteBuf GETBLOCK = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("\"getblock\"", StandardCharsets.US_ASCII));

	private final EventLoopGroup group;

	private final Channel server;

	private final Protocol protocol;

	/**
	 * @param largePrefix {@link LargeBlockReply#prefix()} in a shared buffer that is never released,
	 * or null for the small reply to every method
	 */
	private NettyStubServer(Protocol protocol, int threads, ByteBuf largePrefix) throws InterruptedException {
		this.protocol = protocol;
		boolean epoll = Epoll.isAvailable();
		this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("stub-netty", true),
				epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
		Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
		this.server = new ServerBootstrap().group(this.group)
			.channel(channelType)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel ch) {
					ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1024 * 1024));
					if (protocol == Protocol.WS) {
						ch.pipeline().addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
							.websocketPath("/ws")
							.maxFramePayloadLength(1024 * 1024)
							.withUTF8Validator(false)
							.build()));
					}
					ch.pipeline().addLast(new Replier(largePrefix));
				}

			})
			.bind(new InetSocketAddress("127.0.0.1", 0))
			.sync()
			.channel();
	}

	/** Starts a stub on an ephemeral port of 127.0.0.1: one event loop for websocket, two for HTTP. */
	public static NettyStubServer start(Protocol protocol) throws InterruptedException {
		return new NettyStubServer(protocol, (protocol == Protocol.WS) ? 1 : 2, null);
	}

	/** {@link #start}, answering {@code getblock} with {@code large} and the request's id. */
	public static NettyStubServer startLarge(Protocol protocol, LargeBlockReply large) throws InterruptedException {
		ByteBuf prefix = Unpooled.unreleasableBuffer(Unpooled.directBuffer(large.prefix().length).writeBytes(large.prefix()));
		return new NettyStubServer(protocol, (protocol == Protocol.WS) ? 1 : 2, prefix);
	}

	public String url() {
		int port = ((InetSocketAddress) this.server.localAddress()).getPort();
		return (this.protocol == Protocol.WS) ? "ws://127.0.0.1:" + port + "/ws" : "http://127.0.0.1:" + port + "/";
	}

	@Override
	public void close() {
		this.server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
	}

	/** The reply to the request in {@code request}: {@link StubReplies}'s, built from the bytes. */
	private static ByteBuf reply(ChannelHandlerContext ctx, ByteBuf request) {
		ByteBuf reply = ctx.alloc().buffer(PREFIX.length + 16);
		reply.writeBytes(PREFIX, 0, PREFIX.length - 1);
		return writeId(request, reply).writeByte('}');
	}

	/** The large reply: the shared prefix by reference, then the request's id and the closing brace. */
	private static ByteBuf largeReply(ChannelHandlerContext ctx, ByteBuf request, ByteBuf largePrefix) {
		ByteBuf tail = writeId(request, ctx.alloc().buffer(24)).writeByte('}');
		return Unpooled.wrappedBuffer(largePrefix.duplicate(), tail);
	}

	private static boolean isGetBlock(ByteBuf request) {
		return ByteBufUtil.indexOf(GETBLOCK.duplicate(), request) >= 0;
	}

	/** Writes the id's literal in {@code request} ({@code null} when there is none) to {@code reply}. */
	private static ByteBuf writeId(ByteBuf request, ByteBuf reply) {
		int from = request.readerIndex();
		int end = request.writerIndex();
		int idStart = -1;
		int idEnd = -1;
		for (int i = from; i + 4 < end; i++) {
			if (request.getByte(i) == '"' && request.getByte(i + 1) == 'i' && request.getByte(i + 2) == 'd'
					&& request.getByte(i + 3) == '"') {
				int j = i + 4;
				while (j < end && (request.getByte(j) == ':' || request.getByte(j) == ' ')) {
					j++;
				}
				idStart = j;
				while (j < end && request.getByte(j) != ',' && request.getByte(j) != '}' && request.getByte(j) != ' ') {
					j++;
				}
				idEnd = j;
				break;
			}
		}
		if (idStart >= 0 && idEnd > idStart) {
			reply.writeBytes(request, idStart, idEnd - idStart);
		}
		else {
			reply.writeCharSequence("null", StandardCharsets.US_ASCII);
		}
		return reply;
	}

	/** Answers every request at once and flushes the answers to one read together. */
	private static final class Replier extends ChannelInboundHandlerAdapter {

		/** Null unless {@code getblock} gets the large reply. */
		private final ByteBuf largePrefix;

		/** Event loop only. */
		private boolean flushPending;

		Replier(ByteBuf largePrefix) {
			this.largePrefix = largePrefix;
		}

		private ByteBuf answer(ChannelHandlerContext ctx, ByteBuf request) {
			return (this.largePrefix != null && isGetBlock(request)) ? largeReply(ctx, request, this.largePrefix)
					: reply(ctx, request);
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			try {
				if (msg instanceof TextWebSocketFrame frame) {
					ctx.write(new TextWebSocketFrame(answer(ctx, frame.content())), ctx.voidPromise());
					this.flushPending = true;
				}
				else if (msg instanceof FullHttpRequest request) {
					ByteBuf body = answer(ctx, request.content());
					DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
					response.headers()
						.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
						.setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
					ctx.write(response, ctx.voidPromise());
					this.flushPending = true;
				}
				else if (!(msg instanceof WebSocketFrame)) {
					ctx.fireChannelRead(ReferenceCountUtil.retain(msg));
				}
			}
			finally {
				ReferenceCountUtil.release(msg);
			}
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			if (this.flushPending) {
				this.flushPending = false;
				ctx.flush();
			}
			ctx.fireChannelReadComplete();
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close();
		}

	}

}
