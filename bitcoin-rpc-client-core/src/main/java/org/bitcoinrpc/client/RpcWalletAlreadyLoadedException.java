package org.bitcoinrpc.client;

/**
 * {@code -35} (Bitcoin Core): {@code loadwallet} of a wallet that is already loaded; usually safe to
 * ignore.
 */
public class RpcWalletAlreadyLoadedException extends RpcWalletException {

	private static final long serialVersionUID = 1L;

	public RpcWalletAlreadyLoadedException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
