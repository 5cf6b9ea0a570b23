package org.bitcoinrpc.client;

/**
 * {@code -19} (Bitcoin Core): several wallets are loaded and the call named none; bind the client to a wallet.
 */
public class RpcWalletNotSpecifiedException extends RpcWalletException {

	private static final long serialVersionUID = 1L;

	public RpcWalletNotSpecifiedException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
