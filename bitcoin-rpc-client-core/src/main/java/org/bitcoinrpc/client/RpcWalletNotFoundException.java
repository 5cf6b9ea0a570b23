package org.bitcoinrpc.client;

/**
 * {@code -18} (Bitcoin Core): the wallet named in the path does not exist or is not loaded, or no wallet is
 * loaded.
 */
public class RpcWalletNotFoundException extends RpcWalletException {

	private static final long serialVersionUID = 1L;

	public RpcWalletNotFoundException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
