package org.bitcoinrpc.client;

/**
 * A wallet error (Bitcoin Core; btcd serves no wallet): {@code -4} and the other wallet codes of
 * {@link RpcErrorCode} ({@code -6}, {@code -11} to {@code -19}, {@code -35}, {@code -36}). The codes a
 * caller usually handles on their own have a subtype; catch this class for any wallet problem.
 */
public class RpcWalletException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public RpcWalletException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
