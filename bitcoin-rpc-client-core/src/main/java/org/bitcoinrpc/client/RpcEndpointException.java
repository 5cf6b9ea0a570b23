package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * The server answered, but not as a JSON-RPC endpoint: for example a 200 to a websocket upgrade, or a path that does not exist.
 */
public class RpcEndpointException extends RpcConnectionException {

	private static final long serialVersionUID = 1L;

	public RpcEndpointException(String message) {
		super(message);
	}

	public RpcEndpointException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
