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

	/**
	 * The exception for a node's error reply: a named subtype for the codes applications handle
	 * (see {@link RpcErrorCode}), else this class.
	 */
	public static RpcErrorException of(String method, int code, String rpcMessage) {
		return switch (code) {
			case RpcErrorCode.IN_WARMUP -> new RpcWarmingUpException(method, code, rpcMessage);
			case RpcErrorCode.INVALID_ADDRESS_OR_KEY -> new RpcInvalidAddressOrKeyException(method, code, rpcMessage);
			case RpcErrorCode.INVALID_PARAMETER -> new RpcInvalidParameterException(method, code, rpcMessage);
			case RpcErrorCode.WALLET_NOT_FOUND -> new RpcWalletNotFoundException(method, code, rpcMessage);
			case RpcErrorCode.WALLET_NOT_SPECIFIED -> new RpcWalletNotSpecifiedException(method, code, rpcMessage);
			case RpcErrorCode.VERIFY_ERROR, RpcErrorCode.VERIFY_REJECTED ->
				new RpcTransactionRejectedException(method, code, rpcMessage);
			case RpcErrorCode.VERIFY_ALREADY_IN_CHAIN -> new RpcTransactionAlreadyInChainException(method, code, rpcMessage);
			case RpcErrorCode.METHOD_NOT_FOUND -> new RpcMethodNotFoundException(method, code, rpcMessage);
			default -> new RpcErrorException(method, code, rpcMessage);
		};
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
