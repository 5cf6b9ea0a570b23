package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * The node could not be reached, or the connection broke before the reply arrived.
 * <p>
 * A request that fails with this error after it was written may or may not have run on the node.
 */
public class RpcConnectionException extends BitcoinRpcException {

	private static final long serialVersionUID = 1L;

	public RpcConnectionException(String message) {
		super(message);
	}

	public RpcConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
