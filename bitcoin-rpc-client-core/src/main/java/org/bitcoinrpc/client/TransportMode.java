package org.bitcoinrpc.client;

/**
 * How the client talks to the node; chosen by the URL's scheme.
 */
public enum TransportMode {

	/** {@code ws://} or {@code wss://}: one long-lived connection with push notifications (btcd). */
	WEBSOCKET,

	/** {@code http://} or {@code https://}: one POST per call over kept-alive connections (every node). */
	HTTP_POST;

	/** The mode for a URL scheme, or an error naming the scheme if it is not one of the four. */
	public static TransportMode forScheme(String scheme) {
		return switch (scheme.toLowerCase(java.util.Locale.ROOT)) {
			case "ws", "wss" -> WEBSOCKET;
			case "http", "https" -> HTTP_POST;
			default -> throw new IllegalArgumentException(
					"url scheme must be ws, wss, http or https, not '" + scheme + "'");
		};
	}

}
