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
	 * The exception for a node's error reply: a named subtype for the codes applications handle,
	 * else this class. {@code -28} {@link RpcWarmingUpException}; {@code -5}
	 * {@link RpcInvalidAddressOrKeyException}; {@code -8} {@link RpcInvalidParameterException};
	 * {@code -9}, {@code -10} {@link RpcNodeNotReadyException}; {@code -25}, {@code -26}
	 * {@link RpcTransactionRejectedException}; {@code -27} {@link RpcTransactionAlreadyInChainException};
	 * {@code -32601} {@link RpcMethodNotFoundException}; {@code -32} {@link RpcMethodDeprecatedException};
	 * the wallet codes a {@link RpcWalletException}: {@code -6} {@link RpcInsufficientFundsException},
	 * {@code -13} {@link RpcWalletUnlockNeededException}, {@code -14}
	 * {@link RpcWalletPassphraseIncorrectException}, {@code -18} {@link RpcWalletNotFoundException},
	 * {@code -19} {@link RpcWalletNotSpecifiedException}, {@code -35}
	 * {@link RpcWalletAlreadyLoadedException}, {@code -36} {@link RpcWalletAlreadyExistsException}, and
	 * {@code -4}, {@code -11}, {@code -12}, {@code -15}, {@code -16}, {@code -17} the base type.
	 */
	public static RpcErrorException of(String method, int code, String rpcMessage) {
		return switch (code) {
			case RpcErrorCode.IN_WARMUP -> new RpcWarmingUpException(method, code, rpcMessage);
			case RpcErrorCode.INVALID_ADDRESS_OR_KEY -> new RpcInvalidAddressOrKeyException(method, code, rpcMessage);
			case RpcErrorCode.INVALID_PARAMETER -> new RpcInvalidParameterException(method, code, rpcMessage);
			case RpcErrorCode.WALLET_NOT_FOUND -> new RpcWalletNotFoundException(method, code, rpcMessage);
			case RpcErrorCode.WALLET_NOT_SPECIFIED -> new RpcWalletNotSpecifiedException(method, code, rpcMessage);
			case RpcErrorCode.WALLET_INSUFFICIENT_FUNDS -> new RpcInsufficientFundsException(method, code, rpcMessage);
			case RpcErrorCode.WALLET_UNLOCK_NEEDED -> new RpcWalletUnlockNeededException(method, code, rpcMessage);
			case RpcErrorCode.WALLET_PASSPHRASE_INCORRECT ->
				new RpcWalletPassphraseIncorrectException(method, code, rpcMessage);
			case RpcErrorCode.WALLET_ALREADY_LOADED -> new RpcWalletAlreadyLoadedException(method, code, rpcMessage);
			case RpcErrorCode.WALLET_ALREADY_EXISTS -> new RpcWalletAlreadyExistsException(method, code, rpcMessage);
			case RpcErrorCode.WALLET_ERROR, RpcErrorCode.WALLET_INVALID_LABEL_NAME, RpcErrorCode.WALLET_KEYPOOL_RAN_OUT,
					RpcErrorCode.WALLET_WRONG_ENC_STATE, RpcErrorCode.WALLET_ENCRYPTION_FAILED,
					RpcErrorCode.WALLET_ALREADY_UNLOCKED ->
				new RpcWalletException(method, code, rpcMessage);
			case RpcErrorCode.VERIFY_ERROR, RpcErrorCode.VERIFY_REJECTED ->
				new RpcTransactionRejectedException(method, code, rpcMessage);
			case RpcErrorCode.VERIFY_ALREADY_IN_CHAIN -> new RpcTransactionAlreadyInChainException(method, code, rpcMessage);
			case RpcErrorCode.CLIENT_NOT_CONNECTED, RpcErrorCode.CLIENT_IN_INITIAL_DOWNLOAD ->
				new RpcNodeNotReadyException(method, code, rpcMessage);
			case RpcErrorCode.METHOD_NOT_FOUND -> new RpcMethodNotFoundException(method, code, rpcMessage);
			case RpcErrorCode.METHOD_DEPRECATED -> new RpcMethodDeprecatedException(method, code, rpcMessage);
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
