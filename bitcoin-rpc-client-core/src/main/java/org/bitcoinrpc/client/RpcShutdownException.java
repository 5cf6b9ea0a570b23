package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * The client was shut down before the request completed, or the request was made after shutdown began.
 */
public class RpcShutdownException extends BitcoinRpcException {

	private static final long serialVersionUID = 1L;

	public RpcShutdownException(String message) {
		super(message);
	}

	public RpcShutdownException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
