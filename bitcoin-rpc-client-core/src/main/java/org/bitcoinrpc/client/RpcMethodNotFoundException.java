package org.bitcoinrpc.client;

/**
 * {@code -32601}: the node does not know the method (Core answers it with HTTP 404; btcd, for
 * example, has no {@code estimatesmartfee}).
 */
public class RpcMethodNotFoundException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public RpcMethodNotFoundException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
