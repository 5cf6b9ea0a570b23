package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every error this client raises. Unchecked, so blocking calls read like local calls;
 * each cause has its own subtype, so callers catch exactly what they can handle.
 * <p>
 * Messages name the node by its URL without credentials, and never contain a password or cookie.
 */
public class BitcoinRpcException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public BitcoinRpcException(String message) {
		super(message);
	}

	public BitcoinRpcException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
