package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * The server sent something that is not a valid JSON-RPC reply to this request (not JSON, no result and no error,
 * or a result that cannot be decoded into the requested type).
 */
public class RpcProtocolException extends BitcoinRpcException {

	private static final long serialVersionUID = 1L;

	public RpcProtocolException(String message) {
		super(message);
	}

	public RpcProtocolException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
