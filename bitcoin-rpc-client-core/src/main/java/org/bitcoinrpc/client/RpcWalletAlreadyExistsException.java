package org.bitcoinrpc.client;

/**
 * {@code -36} (Bitcoin Core): there is already a wallet with this name ({@code createwallet} of an
 * existing wallet directory is reported as {@code -4} instead).
 */
public class RpcWalletAlreadyExistsException extends RpcWalletException {

	private static final long serialVersionUID = 1L;

	public RpcWalletAlreadyExistsException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
