package org.bitcoinrpc.client;

/**
 * {@code -25}, {@code -26}: the node refused the transaction (missing inputs, policy, already in the mempool on
 * btcd, ...).
 */
public class RpcTransactionRejectedException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public RpcTransactionRejectedException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
