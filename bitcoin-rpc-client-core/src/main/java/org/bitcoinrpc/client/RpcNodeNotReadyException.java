package org.bitcoinrpc.client;

/**
 * {@code -9} (the node has no peers) or {@code -10} (it is still in its initial block download):
 * the node is up but cannot serve this call yet, e.g. {@code getblocktemplate}. Unlike
 * {@link RpcWarmingUpException} the client does not retry it: it can last hours.
 */
public class RpcNodeNotReadyException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public RpcNodeNotReadyException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
