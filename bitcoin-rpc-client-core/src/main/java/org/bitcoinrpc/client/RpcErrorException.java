package org.bitcoinrpc.client;

/**
 * The node ran the call and answered with a JSON-RPC error object. The request reached the node,
 * so this is never a transport problem; {@link #code()} says what went wrong (see
 * {@link RpcErrorCode} for the codes applications usually handle).
 */
public class RpcErrorException extends BitcoinRpcException {

	private static final long serialVersionUID = 1L;

	private final int code;

	private final String rpcMessage;

	private final String method;

	public RpcErrorException(String method, int code, String rpcMessage) {
		super(method + " failed with RPC error " + code + " (" + RpcErrorCode.describe(code) + "): " + rpcMessage);
		this.method = method;
		this.code = code;
		this.rpcMessage = rpcMessage;
	}

	/** The JSON-RPC error code the node sent, e.g. {@code -28} while it warms up. */
	public int code() {
		return this.code;
	}

	/** The error message exactly as the node sent it. */
	public String rpcMessage() {
		return this.rpcMessage;
	}

	/** The RPC method that failed. */
	public String method() {
		return this.method;
	}

}
