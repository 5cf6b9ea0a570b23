package org.bitcoinrpc.client;

/**
 * {@code -27}: the transaction is already in the chain.
 */
public class RpcTransactionAlreadyInChainException extends RpcTransactionRejectedException {

	private static final long serialVersionUID = 1L;

	public RpcTransactionAlreadyInChainException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
