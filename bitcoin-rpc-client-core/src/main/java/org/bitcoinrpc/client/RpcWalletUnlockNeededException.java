package org.bitcoinrpc.client;

/**
 * {@code -13} (Bitcoin Core): the wallet is encrypted and locked; unlock it with
 * {@code walletpassphrase} and try again.
 */
public class RpcWalletUnlockNeededException extends RpcWalletException {

	private static final long serialVersionUID = 1L;

	public RpcWalletUnlockNeededException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
