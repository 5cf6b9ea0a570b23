package org.bitcoinrpc.client;

/**
 * {@code -32}: the method is deprecated and disabled (Core enables it again with
 * {@code -deprecatedrpc=<method>}).
 */
public class RpcMethodDeprecatedException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public RpcMethodDeprecatedException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
