package org.bitcoinrpc.client;

/**
 * {@code -8} (Bitcoin Core): an invalid, missing or out-of-range parameter.
 */
public class RpcInvalidParameterException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public RpcInvalidParameterException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
