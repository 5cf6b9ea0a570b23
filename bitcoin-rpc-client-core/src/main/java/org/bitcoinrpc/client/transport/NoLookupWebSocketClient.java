package org.bitcoinrpc.client.transport;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.WebSocketContainer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketHandlerAdapter;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/**
 * Spring's {@link StandardWebSocketClient} without its two leaks:
 * <ul>
 * <li>it builds {@code new InetSocketAddress(host, port)}, which looks the host name up locally
 * even when a SOCKS proxy (Tor) should resolve it; this one keeps the address unresolved (Jetty
 * itself passes the name to the proxy);
 * <li>it logs the handshake headers, {@code Authorization} included, at TRACE; this one does not.
 * </ul>
 * The blocking connect runs on the given executor rather than the common fork-join pool.
 */
final class NoLookupWebSocketClient extends StandardWebSocketClient {

	private final WebSocketContainer container;

	private final Executor executor;

	NoLookupWebSocketClient(WebSocketContainer container, Executor executor) {
		super(container);
		this.container = container;
		this.executor = executor;
	}

	@Override
	protected CompletableFuture<WebSocketSession> executeInternal(WebSocketHandler handler, HttpHeaders headers,
			URI uri, List<String> protocols, List<WebSocketExtension> extensions, Map<String, Object> attributes) {
		InetSocketAddress remoteAddress = InetSocketAddress.createUnresolved(uri.getHost(), port(uri));
		StandardWebSocketSession session = new StandardWebSocketSession(headers, attributes, null, remoteAddress);
		ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
			.configurator(new HeaderConfigurator(headers))
			.preferredSubprotocols(protocols)
			.build();
		Endpoint endpoint = new StandardWebSocketHandlerAdapter(handler, session);
		return CompletableFuture.supplyAsync(() -> {
			try {
				this.container.connectToServer(endpoint, config, uri);
				return session;
			}
			catch (Exception ex) {
				throw new CompletionException(ex);
			}
		}, this.executor);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	/** Adds the handshake headers (credentials included) without logging them. */
	private static final class HeaderConfigurator extends ClientEndpointConfig.Configurator {

		private final HttpHeaders headers;

		HeaderConfigurator(HttpHeaders headers) {
			this.headers = headers;
		}

		@Override
		public void beforeRequest(Map<String, List<String>> requestHeaders) {
			this.headers.forEach(requestHeaders::put);
		}

		@Override
		public void afterResponse(jakarta.websocket.@Nullable HandshakeResponse response) {
		}

	}

}
