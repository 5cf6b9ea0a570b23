package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * The reply exceeded the configured size limit ({@code maxResponseSize}). The call failed; the client stays usable.
 */
public class RpcResponseTooLargeException extends RpcProtocolException {

	private static final long serialVersionUID = 1L;

	public RpcResponseTooLargeException(String message) {
		super(message);
	}

	public RpcResponseTooLargeException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
