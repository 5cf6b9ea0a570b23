package org.bitcoinrpc.client;

import org.jspecify.annotations.Nullable;

/**
 * The connection broke after the call was written and before its reply arrived, and the call is
 * not safe to send again ({@link ResendPolicy}): it may or may not have run on the node. Check
 * the node's state (for a transaction, {@code getrawtransaction} or the wallet) before retrying.
 */
public class RpcMaybeExecutedException extends RpcConnectionException {

	private static final long serialVersionUID = 1L;

	public RpcMaybeExecutedException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
