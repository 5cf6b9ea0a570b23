package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * No reply arrived within the request's timeout. The request may or may not have run on the node.
 */
public class RpcTimeoutException extends BitcoinRpcException {

	private static final long serialVersionUID = 1L;

	public RpcTimeoutException(String message) {
		super(message);
	}

	public RpcTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
