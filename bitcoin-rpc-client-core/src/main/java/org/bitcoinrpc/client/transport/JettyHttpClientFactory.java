package org.bitcoinrpc.client.transport;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ProxyOptions;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Socks5;
import org.eclipse.jetty.client.Socks5Proxy;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Builds the one Jetty {@link HttpClient} a client owns. It carries that client's TLS trust,
 * SOCKS5 proxy and timeouts, and serves both transports (websocket handshakes run over it too),
 * so nothing here touches JVM-wide settings such as the default {@code SSLContext},
 * {@code ProxySelector} or {@code Authenticator}.
 */
public final class JettyHttpClientFactory {

	/** Sent as the {@code User-Agent}; nodes log it. */
	public static final String USER_AGENT = "bitcoin-rpc-java/0.1";

	private JettyHttpClientFactory() {
	}

	/** A started client; the caller owns it and must stop it. */
	public static HttpClient create(ClientOptions options, String threadNamePrefix) {
		ClientConnector connector = new ClientConnector();
		connector.setConnectTimeout(options.connectTimeout());
		connector.setSelectors(1);
		if (options.tls()) {
			connector.setSslContextFactory(sslContextFactory(options));
		}
		QueuedThreadPool threads = new QueuedThreadPool(64, 2);
		threads.setName(threadNamePrefix);
		threads.setDaemon(true);
		connector.setExecutor(threads);
		ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler(threadNamePrefix + "-scheduler", true);
		connector.setScheduler(scheduler);

		HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
		client.setExecutor(threads);
		client.setScheduler(scheduler);
		client.setConnectTimeout(options.connectTimeout().toMillis());
		client.setMaxConnectionsPerDestination(options.maxConnections());
		// The pending bound is ours to enforce, with a clear error; Jetty's own queue must not be smaller.
		client.setMaxRequestsQueuedPerDestination(Math.max(1024, options.maxPendingRequests()));
		client.setFollowRedirects(false);
		client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
		// Nodes set no cookies. Jetty's default store would be matched against a URI it builds for every request.
		client.setHttpCookieStore(new HttpCookieStore.Empty());
		ProxyOptions proxy = options.proxy();
		if (proxy != null) {
			client.getProxyConfiguration().addProxy(socks5(proxy));
		}
		try {
			client.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start the HTTP client for " + options.url() + ": " + ex, ex);
		}
		// A 401 goes straight to the caller as an authentication error: Jetty's own handlers would
		// look for stored credentials and, for a 401 without a challenge, raise a generic error.
		client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
		client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
		return client;
	}

	private static SslContextFactory.Client sslContextFactory(ClientOptions options) {
		SslContextFactory.Client ssl = new SslContextFactory.Client();
		ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
		ssl.setEndpointIdentificationAlgorithm("HTTPS");
		byte[] pem = options.trustedCertificates();
		if (pem != null) {
			ssl.setTrustStore(PemTrustStore.load(pem));
		}
		return ssl;
	}

	/**
	 * Jetty passes the target's host name to the proxy (SOCKS5 address type 3), so the name is
	 * never looked up locally. With credentials only username/password is offered: a proxy that
	 * would accept no authentication must not silently bypass Tor's stream isolation.
	 */
	private static Socks5Proxy socks5(ProxyOptions proxy) {
		Socks5Proxy socks = new Socks5Proxy(proxy.host(), proxy.port());
		if (proxy.hasCredentials()) {
			socks.putAuthenticationFactory(new Socks5.UsernamePasswordAuthenticationFactory(proxy.user(), proxy.password()));
			socks.removeAuthenticationFactory(Socks5.NoAuthenticationFactory.METHOD);
		}
		return socks;
	}

}
