package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * The node refused the credentials (HTTP 401 or 403, on a POST or on the websocket handshake).
 */
public class RpcAuthenticationException extends RpcConnectionException {

	private static final long serialVersionUID = 1L;

	public RpcAuthenticationException(String message) {
		super(message);
	}

	public RpcAuthenticationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
