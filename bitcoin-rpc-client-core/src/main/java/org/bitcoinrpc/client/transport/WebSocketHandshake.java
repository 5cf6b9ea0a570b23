package org.bitcoinrpc.client.transport;

import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

/**
 * The websocket upgrade of one channel, after the HTTP client codec: sends the upgrade request once
 * the connector reports the channel ready, reads the answer, and on a 101 hands the channel to the
 * handler that reads frames from then on. Any other status fails the attempt at once with an
 * {@link UpgradeRefusedException}, whatever body follows, so nothing but the 101 is gathered.
 * <p>
 * Event loop only. Whichever comes first decides the attempt: the upgrade, a refusal, a failure
 * in the pipeline, the connection closing (an {@link EOFException}) or the timeout.
 */
final class WebSocketHandshake extends ChannelInboundHandlerAdapter {

	/** What becomes of the attempt; called once, on the event loop. */
	interface Outcome {

		/**
		 * The node upgraded the connection. Returns the handler that reads its frames, which takes the
		 * place of Netty's frame decoder before any frame is read.
		 */
		ChannelHandler upgraded(Channel channel);

		void failed(Throwable cause);

	}

	/** The name Netty's handshaker gives the frame decoder it adds; {@link Outcome#upgraded}'s handler replaces it. */
	private static final String NETTY_DECODER = "ws-decoder";

	static final String FRAMES = "ws-frames";

	private final WebSocketClientHandshaker handshaker;

	private final long timeoutMillis;

	private final Outcome outcome;

	private boolean done;

	/** The 101 answer, kept until its end is read. */
	private @Nullable HttpResponse switching;

	private @Nullable ScheduledFuture<?> timeout;

	/** @param timeoutMillis how long the whole attempt may take, from connecting on; 0 for no limit */
	WebSocketHandshake(WebSocketClientHandshaker handshaker, long timeoutMillis, Outcome outcome) {
		this.handshaker = handshaker;
		this.timeoutMillis = timeoutMillis;
		this.outcome = outcome;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		// Added when the channel is registered, before it connects: the limit covers TCP, the proxy,
		// TLS and the upgrade, so a node that accepts the connection but never answers fails the attempt.
		if (this.timeoutMillis > 0) {
			this.timeout = ctx.executor().schedule(() -> fail(ctx, new TimeoutException("no websocket handshake within "
					+ this.timeoutMillis + " ms")), this.timeoutMillis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		cancelTimeout();
	}

	/** Sends the upgrade request; the connector reported the channel ready (TCP, proxy and TLS through). */
	void start(Channel channel) {
		if (this.done) {
			return;
		}
		this.handshaker.handshake(channel).addListener((ChannelFuture sent) -> {
			if (!sent.isSuccess()) {
				ChannelHandlerContext ctx = channel.pipeline().context(this);
				if (ctx != null) {
					fail(ctx, sent.cause());
				}
				else {
					finish(sent.cause());
				}
			}
		});
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		try {
			if (this.done) {
				return;
			}
			if (message instanceof HttpResponse response) {
				if (response.status().code() != HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
					fail(ctx, new UpgradeRefusedException(response.status().code()));
					return;
				}
				this.switching = response;
			}
			if (message instanceof LastHttpContent && this.switching != null) {
				upgrade(ctx, this.switching);
			}
		}
		finally {
			ReferenceCountUtil.release(message);
		}
	}

	private void upgrade(ChannelHandlerContext ctx, HttpResponse response) {
		Channel channel = ctx.channel();
		try {
			this.handshaker.finishHandshake(channel, new DefaultFullHttpResponse(response.protocolVersion(),
					response.status(), Unpooled.EMPTY_BUFFER, response.headers(), EmptyHttpHeaders.INSTANCE));
		}
		catch (RuntimeException ex) {
			fail(ctx, ex);
			return;
		}
		this.done = true;
		cancelTimeout();
		// Netty's decoder would gather whole frames and close over its limit: ours streams them.
		ctx.pipeline().replace(NETTY_DECODER, FRAMES, this.outcome.upgraded(channel));
		ctx.pipeline().remove(this);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		// btcd answers an upgrade at any path but /ws by closing the connection without a word.
		finish(new EOFException("the connection closed before the websocket handshake was answered"));
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		fail(ctx, cause);
	}

	private void fail(ChannelHandlerContext ctx, Throwable cause) {
		if (finish(cause)) {
			ctx.close();
		}
	}

	/** Reports a failure unless the attempt is decided already; returns whether it was not. */
	private boolean finish(Throwable cause) {
		if (this.done) {
			return false;
		}
		this.done = true;
		cancelTimeout();
		this.outcome.failed(cause);
		return true;
	}

	private void cancelTimeout() {
		ScheduledFuture<?> task = this.timeout;
		if (task != null) {
			this.timeout = null;
			task.cancel(false);
		}
	}

	/** The node answered the upgrade with another status than 101. Carries no header, so no secret. */
	static final class UpgradeRefusedException extends IOException {

		private static final long serialVersionUID = 1L;

		private final int status;

		UpgradeRefusedException(int status) {
			super("the node answered the websocket upgrade with HTTP " + status);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

}
