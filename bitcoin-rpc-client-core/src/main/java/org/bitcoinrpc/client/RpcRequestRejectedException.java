package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * The client refused a request it cannot hold, before sending it: too many pending requests,
 * or a full send buffer. Nothing was sent; the request may be retried later.
 */
public class RpcRequestRejectedException extends BitcoinRpcException {

	private static final long serialVersionUID = 1L;

	public RpcRequestRejectedException(String message) {
		super(message);
	}

	public RpcRequestRejectedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
