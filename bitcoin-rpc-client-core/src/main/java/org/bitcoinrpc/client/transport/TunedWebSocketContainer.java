package org.bitcoinrpc.client.transport;

import java.time.Duration;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.ee11.websocket.jakarta.client.JakartaWebSocketClientContainer;

/**
 * Jetty's Jakarta websocket container over our {@link HttpClient}, with limits fit for a node:
 * Jetty's defaults (64 KiB frames and messages, 30 s idle timeout) would cut a {@code getblock}
 * reply and close a quiet connection. The message-size limit is enforced by the transport itself,
 * per message, so that an over-large reply fails one call instead of the connection.
 */
final class TunedWebSocketContainer extends JakartaWebSocketClientContainer {

	TunedWebSocketContainer(HttpClient httpClient, int maxFrameSize) {
		super(httpClient);
		this.defaultCustomizer.setMaxFrameSize(maxFrameSize);
		this.defaultCustomizer.setMaxTextMessageSize(Long.MAX_VALUE);
		this.defaultCustomizer.setMaxBinaryMessageSize(64 * 1024);
		this.defaultCustomizer.setIdleTimeout(Duration.ZERO);
		setDefaultMaxTextMessageBufferSize(Integer.MAX_VALUE);
		setDefaultMaxSessionIdleTimeout(0);
	}

}
