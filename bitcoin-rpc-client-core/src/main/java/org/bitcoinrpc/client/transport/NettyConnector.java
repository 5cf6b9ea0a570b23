package org.bitcoinrpc.client.transport;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.proxy.Socks5ProxyHandler;
import io.netty.handler.codec.socksx.v5.DefaultSocks5InitialRequest;
import io.netty.handler.codec.socksx.v5.Socks5AuthMethod;
import io.netty.handler.codec.socksx.v5.Socks5InitialRequest;
import io.netty.handler.codec.socksx.v5.Socks5InitialResponse;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ProxyOptions;
import org.bitcoinrpc.client.TlsOptions;
import org.jspecify.annotations.Nullable;

/**
 * Opens the TCP connections of one client on its event loop group, through its SOCKS5 proxy and
 * TLS, so that both transports share one way of reaching the node. It carries that client's trust
 * and proxy and touches no JVM-wide setting ({@code SSLContext}, {@code ProxySelector},
 * {@code Authenticator}). Immutable, thread-safe.
 * <p>
 * The layers of a channel, first to last: the SOCKS5 handshake (if a proxy is set), TLS (for
 * {@code https}), then whatever the transport adds. {@link #open} reports the channel once all
 * of them are through, so a transport starts its own protocol on a channel that is ready.
 */
public final class NettyConnector {

	/** Sent as the {@code User-Agent}; nodes log it. */
	public static final String USER_AGENT = "bitcoin-rpc-java/0.1";

	private final EventLoopGroup group;

	private final URI url;

	private final String host;

	private final int port;

	private final int connectTimeoutMillis;

	private final @Nullable SslContext ssl;

	private final @Nullable ProxyOptions proxy;

	public NettyConnector(EventLoopGroup group, ClientOptions options) {
		this.group = group;
		this.url = options.url();
		this.host = this.url.getHost();
		this.port = port(this.url);
		this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
		this.ssl = options.tls() ? sslContext(options.trustedCertificates(), options.tlsOptions()) : null;
		this.proxy = options.proxy();
	}

	/** The URL's port, or the scheme's default. */
	public static int port(URI url) {
		if (url.getPort() != -1) {
			return url.getPort();
		}
		String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
		return (scheme.equals("https") || scheme.equals("wss")) ? 443 : 80;
	}

	/** The event loop group the channels run on; its loops also serve as the transports' timers. */
	public EventLoopGroup group() {
		return this.group;
	}

	/** How long a connect, proxy or TLS handshake may take, in milliseconds (0: unbounded). */
	public int connectTimeoutMillis() {
		return this.connectTimeoutMillis;
	}

	/**
	 * Opens a channel to the node. {@code pipeline} adds the transport's handlers after the proxy
	 * and TLS layers; it runs on the channel's event loop before the connection is made. The future
	 * completes with the channel when TCP, the proxy handshake and the TLS handshake are through, and
	 * fails with their cause otherwise (the channel then closed); {@link #describe} words it.
	 */
	public Future<Channel> open(Consumer<ChannelPipeline> pipeline) {
		Bootstrap bootstrap = new Bootstrap().group(this.group)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.SO_KEEPALIVE, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, this.connectTimeoutMillis)
			.handler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel channel) {
					addLayers(channel);
					pipeline.accept(channel.pipeline());
				}

			});
		if (this.proxy != null) {
			// The proxy resolves the node's name (SOCKS5 address type 3): it is never looked up here.
			bootstrap.resolver(NoopAddressResolverGroup.INSTANCE);
		}
		ChannelFuture connect = bootstrap.connect(InetSocketAddress.createUnresolved(this.host, this.port));
		Promise<Channel> ready = connect.channel().eventLoop().newPromise();
		connect.addListener((ChannelFuture done) -> {
			if (!done.isSuccess()) {
				ready.tryFailure(done.cause());
				return;
			}
			Channel channel = done.channel();
			Future<?> layers = layersReady(channel);
			layers.addListener((Future<Object> through) -> {
				if (through.isSuccess()) {
					ready.trySuccess(channel);
				}
				else {
					channel.close();
					ready.tryFailure(through.cause());
				}
			});
		});
		return ready;
	}

	private void addLayers(SocketChannel channel) {
		ChannelPipeline pipeline = channel.pipeline();
		if (this.proxy != null) {
			ProxyOptions options = this.proxy;
			InetSocketAddress proxyAddress = new InetSocketAddress(options.host(), options.port());
			Socks5ProxyHandler socks = options.hasCredentials()
					? new Socks5ProxyHandler(proxyAddress, options.user(), options.password())
					: new Socks5ProxyHandler(proxyAddress);
			socks.setConnectTimeoutMillis(this.connectTimeoutMillis);
			pipeline.addLast("socks5", socks);
			if (options.hasCredentials()) {
				pipeline.addBefore("socks5", "socks5-password-only", new PasswordOnly());
			}
		}
		if (this.ssl != null) {
			SslHandler tls = this.ssl.newHandler(channel.alloc(), this.host, this.port);
			SSLEngine engine = tls.engine();
			SSLParameters parameters = engine.getSSLParameters();
			// The node's certificate must name the host of the URL, as a browser would check it.
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			engine.setSSLParameters(parameters);
			tls.setHandshakeTimeoutMillis(this.connectTimeoutMillis);
			pipeline.addLast("tls", tls);
		}
	}

	/** Completes when the proxy and TLS handshakes of a connected channel are through. */
	private Future<?> layersReady(Channel channel) {
		SslHandler tls = channel.pipeline().get(SslHandler.class);
		Socks5ProxyHandler socks = channel.pipeline().get(Socks5ProxyHandler.class);
		if (tls != null) {
			if (socks == null) {
				return tls.handshakeFuture();
			}
			Promise<Object> both = channel.eventLoop().newPromise();
			socks.connectFuture().addListener((Future<Channel> proxied) -> {
				if (!proxied.isSuccess()) {
					both.tryFailure(proxied.cause());
					return;
				}
				tls.handshakeFuture().addListener((Future<Channel> secured) -> {
					if (secured.isSuccess()) {
						both.trySuccess(null);
					}
					else {
						both.tryFailure(secured.cause());
					}
				});
			});
			return both;
		}
		if (socks != null) {
			return socks.connectFuture();
		}
		return channel.newSucceededFuture();
	}

	/**
	 * A failure to open a channel in words, for connection errors: which layer failed and why,
	 * without the stack of wrappers. Never holds credentials.
	 */
	public String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof ProxyConnectException) {
				return "the SOCKS5 proxy " + this.proxy.host() + ":" + this.proxy.port() + " failed: "
						+ Causes.describe(cause);
			}
			if (cause instanceof SSLException) {
				return "TLS handshake failed: " + Causes.describe(cause);
			}
		}
		return Causes.describe(failure);
	}

	/** Whether a failure to open a channel was TLS's: that one does not pass by itself. */
	public static boolean isTlsFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SSLException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The client's TLS: PEM certificates or a trust manager (ClientOptions allows one of them), or
	 * else the system CAs; a client key if one is given; TLS 1.3 and 1.2 unless narrowed.
	 */
	private static SslContext sslContext(byte @Nullable [] pem, @Nullable TlsOptions options) {
		try {
			SslContextBuilder builder = SslContextBuilder.forClient()
				.protocols((options != null) ? options.protocols() : TlsOptions.DEFAULT_PROTOCOLS);
			if (pem != null) {
				builder.trustManager(certificates(pem));
			}
			else if (options != null && options.trustManager() != null) {
				builder.trustManager(options.trustManager());
			}
			if (options != null && options.keyManager() != null) {
				builder.keyManager(options.keyManager());
			}
			if (options != null && !options.cipherSuites().isEmpty()) {
				builder.ciphers(options.cipherSuites());
			}
			return builder.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("Cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	/** btcd's self-signed {@code rpc.cert}, or a CA chain; only this client trusts them. */
	private static X509Certificate[] certificates(byte[] pem) {
		Collection<? extends java.security.cert.Certificate> certificates;
		try {
			certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("trustedCertificates is not valid PEM or DER X.509: " + ex.getMessage(), ex);
		}
		if (certificates.isEmpty()) {
			throw new IllegalArgumentException("trustedCertificates holds no certificate");
		}
		return certificates.toArray(new X509Certificate[0]);
	}

	/**
	 * Keeps SOCKS5 to username/password only. Netty's handler offers "no authentication" too, and a
	 * proxy that picked it would silently drop the credentials, which Tor uses to isolate circuits
	 * per client. Placed between that handler and its encoder, this offers only the password
	 * method, fails the handshake if the proxy picks another, and leaves once it has seen the pick.
	 */
	private static final class PasswordOnly extends ChannelDuplexHandler {

		@Override
		public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
			ctx.write((message instanceof Socks5InitialRequest) ? new DefaultSocks5InitialRequest(Socks5AuthMethod.PASSWORD)
					: message, promise);
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object message) {
			if (message instanceof Socks5InitialResponse initial) {
				ctx.pipeline().remove(this);
				if (initial.authMethod() != Socks5AuthMethod.PASSWORD) {
					// The proxy handler fails its handshake with this and closes the channel.
					ctx.fireExceptionCaught(new ProxyConnectException("the proxy chose " + initial.authMethod()
							+ " authentication, but only username/password was offered"));
					return;
				}
			}
			ctx.fireChannelRead(message);
		}

	}

}
