package org.bitcoinrpc.client;

/**
 * {@code -14} (Bitcoin Core): the wallet passphrase was wrong. The message never contains the
 * passphrase.
 */
public class RpcWalletPassphraseIncorrectException extends RpcWalletException {

	private static final long serialVersionUID = 1L;

	public RpcWalletPassphraseIncorrectException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
