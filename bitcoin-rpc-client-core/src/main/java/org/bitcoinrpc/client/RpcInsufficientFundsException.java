package org.bitcoinrpc.client;

/**
 * {@code -6} (Bitcoin Core): the wallet has too little to pay the amount and the fee
 * ({@code sendtoaddress}, {@code sendmany}, {@code sendall}). Note that {@code fundrawtransaction}
 * reports the same shortfall as {@code -4} "Insufficient funds", a plain {@link RpcWalletException}.
 */
public class RpcInsufficientFundsException extends RpcWalletException {

	private static final long serialVersionUID = 1L;

	public RpcInsufficientFundsException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
