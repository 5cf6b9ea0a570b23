package org.bitcoinrpc.client;

/**
 * {@code -5}: an invalid address or key, and also "block not found" and "no such transaction".
 */
public class RpcInvalidAddressOrKeyException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public RpcInvalidAddressOrKeyException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
