package org.bitcoinrpc.client;

/**
 * JSON-RPC error codes that btcd and Bitcoin Core send and that applications commonly handle.
 * The two nodes sometimes use different codes for the same mistake (a height out of range is
 * {@code -1} on btcd and {@code -8} on Core); see PROTOCOL.md.
 */
public final class RpcErrorCode {

	/** Generic error; btcd also uses it for "Block number out of range" and unimplemented calls. */
	public static final int MISC_ERROR = -1;

	/** Wrong parameter type (Bitcoin Core). */
	public static final int TYPE_ERROR = -3;

	/** Invalid address or key; also "block not found" and "no such transaction". */
	public static final int INVALID_ADDRESS_OR_KEY = -5;

	/** Invalid, missing or out-of-range parameter (Bitcoin Core). */
	public static final int INVALID_PARAMETER = -8;

	/** Wallet not found or not loaded (Bitcoin Core). */
	public static final int WALLET_NOT_FOUND = -18;

	/** Multiple wallets loaded and none named in the URL path (Bitcoin Core). */
	public static final int WALLET_NOT_SPECIFIED = -19;

	/** The transaction could not be decoded. */
	public static final int DESERIALIZATION_ERROR = -22;

	/** General error while submitting a transaction. */
	public static final int VERIFY_ERROR = -25;

	/** Transaction rejected by network rules. */
	public static final int VERIFY_REJECTED = -26;

	/** Transaction already in the chain. */
	public static final int VERIFY_ALREADY_IN_CHAIN = -27;

	/** The node is still starting (loading the block index, verifying blocks, ...): retry later. */
	public static final int IN_WARMUP = -28;

	/** The request was not a valid JSON-RPC request. */
	public static final int INVALID_REQUEST = -32600;

	/** The node does not know the method. */
	public static final int METHOD_NOT_FOUND = -32601;

	/** Invalid parameters (btcd: wrong count or type). */
	public static final int INVALID_PARAMS = -32602;

	/** Internal error. */
	public static final int INTERNAL_ERROR = -32603;

	/** The node could not parse the request. */
	public static final int PARSE_ERROR = -32700;

	private RpcErrorCode() {
	}

	/** A short name for a code, for messages and metric tags; "rpc error" for codes without one. */
	public static String describe(int code) {
		return switch (code) {
			case MISC_ERROR -> "misc error";
			case TYPE_ERROR -> "type error";
			case INVALID_ADDRESS_OR_KEY -> "invalid address or key";
			case INVALID_PARAMETER -> "invalid parameter";
			case WALLET_NOT_FOUND -> "wallet not found";
			case WALLET_NOT_SPECIFIED -> "wallet not specified";
			case DESERIALIZATION_ERROR -> "deserialization error";
			case VERIFY_ERROR -> "verify error";
			case VERIFY_REJECTED -> "transaction rejected";
			case VERIFY_ALREADY_IN_CHAIN -> "already in chain";
			case IN_WARMUP -> "warming up";
			case INVALID_REQUEST -> "invalid request";
			case METHOD_NOT_FOUND -> "method not found";
			case INVALID_PARAMS -> "invalid params";
			case INTERNAL_ERROR -> "internal error";
			case PARSE_ERROR -> "parse error";
			default -> "rpc error";
		};
	}

}
