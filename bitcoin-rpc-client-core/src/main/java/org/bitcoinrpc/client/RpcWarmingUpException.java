package org.bitcoinrpc.client;

/**
 * {@code -28}: the node is still starting (loading the block index, verifying blocks, ...). Retry later; over
 * HTTP the client retries safe calls by itself.
 */
public class RpcWarmingUpException extends RpcErrorException {

	private static final long serialVersionUID = 1L;

	public RpcWarmingUpException(String method, int code, String rpcMessage) {
		super(method, code, rpcMessage);
	}

}
