package org.bitcoinrpc.client;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON-RPC error codes btcd and Bitcoin Core send: every code of Core's {@code RPCErrorCode}
 * ({@code src/rpc/protocol.h}) and of btcd's {@code btcjson/jsonrpcerr.go}. btcd copied Core's
 * numbers, so a code means the same on both, but the two nodes do not always pick the same code for
 * the same mistake (a height out of range is {@code -1} on btcd and {@code -8} on Core; an unknown
 * {@code help} topic is {@code -8} on btcd and {@code -1} on Core). Codes with a named exception are
 * listed at {@link RpcErrorException#of}.
 */
public final class RpcErrorCode {

	// Standard JSON-RPC 2.0 errors.

	/**
	 * Both: the request was not a valid JSON-RPC request (missing method, params neither array nor
	 * object, JSON-RPC version "1.1", an empty batch on btcd). Core answers it with HTTP 400.
	 */
	public static final int INVALID_REQUEST = -32600;

	/**
	 * Both: the node does not know the method, or does not serve it on this endpoint (btcd's
	 * notification calls over HTTP). Core answers it with HTTP 404.
	 */
	public static final int METHOD_NOT_FOUND = -32601;

	/** Both, mostly btcd: wrong number or type of parameters ("wrong number of params"). */
	public static final int INVALID_PARAMS = -32602;

	/** Both: an internal error of the node (Core: e.g. a snapshot it cannot load). */
	public static final int INTERNAL_ERROR = -32603;

	/** Both: the node could not parse the request's JSON (btcd also: malformed base64 in a message). */
	public static final int PARSE_ERROR = -32700;

	// General application errors.

	/**
	 * Both: generic error, an exception while handling the command. btcd also uses it for "Block
	 * number out of range", "Command unimplemented" and wallet commands it does not serve; Core for
	 * a wrong parameter count (answered with the method's help text).
	 */
	public static final int MISC_ERROR = -1;

	/** Both (reserved, no longer sent by Core): the node is in safe mode and refuses the command. */
	public static final int FORBIDDEN_BY_SAFE_MODE = -2;

	/** Both: a parameter of the wrong JSON type ("Wrong type passed"). */
	public static final int TYPE_ERROR = -3;

	/**
	 * Both: invalid address or key; also "block not found", "no such transaction" and other lookups of
	 * something the node does not have.
	 */
	public static final int INVALID_ADDRESS_OR_KEY = -5;

	/** Both: the node ran out of memory during the call. */
	public static final int OUT_OF_MEMORY = -7;

	/** Both: an invalid, missing or duplicate parameter (Core: a height out of range, a malformed hash). */
	public static final int INVALID_PARAMETER = -8;

	/** Both: a database error. */
	public static final int DATABASE_ERROR = -20;

	/** Both: a transaction, block, script or PSBT could not be decoded (bad hex, bad magic bytes). */
	public static final int DESERIALIZATION_ERROR = -22;

	/** Both: a general error while submitting a transaction, package or block. */
	public static final int VERIFY_ERROR = -25;

	/** Both: the transaction or block was rejected by network or policy rules. */
	public static final int VERIFY_REJECTED = -26;

	/**
	 * Both: the transaction is already in the chain (Core names it {@code RPC_VERIFY_ALREADY_IN_UTXO_SET}:
	 * its outputs are already in the UTXO set).
	 */
	public static final int VERIFY_ALREADY_IN_CHAIN = -27;

	/** Both: the node is still starting (loading the block index, verifying blocks, ...): retry later. */
	public static final int IN_WARMUP = -28;

	/** Both: the method is deprecated (Core: enable it with {@code -deprecatedrpc=<method>}). */
	public static final int METHOD_DEPRECATED = -32;

	// Peer-to-peer client errors.

	/** Both: the node has no peers ("Bitcoin Core is not connected!", e.g. from {@code getblocktemplate}). */
	public static final int CLIENT_NOT_CONNECTED = -9;

	/** Both: the node is still in its initial block download. */
	public static final int CLIENT_IN_INITIAL_DOWNLOAD = -10;

	/** Both: {@code addnode add} of a node that was already added, or {@code setban} of a banned address. */
	public static final int CLIENT_NODE_ALREADY_ADDED = -23;

	/** Both: {@code addnode remove} or {@code getaddednodeinfo} of a node that was never added. */
	public static final int CLIENT_NODE_NOT_ADDED = -24;

	/** Both: the node to disconnect is not among the connected peers. */
	public static final int CLIENT_NODE_NOT_CONNECTED = -29;

	/** Both: an invalid IP address or subnet ({@code setban}). */
	public static final int CLIENT_INVALID_IP_OR_SUBNET = -30;

	/** Both: the node runs without peer-to-peer networking, so network calls have nothing to act on. */
	public static final int CLIENT_P2P_DISABLED = -31;

	/** Both: the node runs without a mempool. */
	public static final int CLIENT_MEMPOOL_DISABLED = -33;

	/** Bitcoin Core: the maximum number of outbound or block-relay connections is already open. */
	public static final int CLIENT_NODE_CAPACITY_REACHED = -34;

	// Wallet errors (btcd defines them for btcwallet; btcd itself serves no wallet).

	/**
	 * Wallet (Core): an unspecified wallet problem: key or address not found, a wallet that already
	 * exists on disk, and "Insufficient funds" from {@code fundrawtransaction}.
	 */
	public static final int WALLET_ERROR = -4;

	/** Wallet (Core): not enough funds in the wallet ({@code sendtoaddress}, {@code sendmany}, {@code sendall}). */
	public static final int WALLET_INSUFFICIENT_FUNDS = -6;

	/** Wallet (Core): an invalid label name, or a label with no addresses. */
	public static final int WALLET_INVALID_LABEL_NAME = -11;

	/** Wallet (Core): the keypool ran out; call {@code keypoolrefill} first. */
	public static final int WALLET_KEYPOOL_RAN_OUT = -12;

	/** Wallet (Core): the wallet is encrypted and locked; call {@code walletpassphrase} first. */
	public static final int WALLET_UNLOCK_NEEDED = -13;

	/** Wallet (Core): the wallet passphrase entered was incorrect. */
	public static final int WALLET_PASSPHRASE_INCORRECT = -14;

	/** Wallet (Core): the command does not fit the wallet's encryption state (encrypting an encrypted wallet). */
	public static final int WALLET_WRONG_ENC_STATE = -15;

	/** Wallet (Core): encrypting the wallet failed. */
	public static final int WALLET_ENCRYPTION_FAILED = -16;

	/** Wallet (Core): the wallet is already unlocked. */
	public static final int WALLET_ALREADY_UNLOCKED = -17;

	/** Wallet (Core): the wallet named in the path does not exist or is not loaded, or no wallet is loaded. */
	public static final int WALLET_NOT_FOUND = -18;

	/** Wallet (Core): several wallets are loaded and the URL path names none. */
	public static final int WALLET_NOT_SPECIFIED = -19;

	/** Wallet (Core): {@code loadwallet} of a wallet that is already loaded. */
	public static final int WALLET_ALREADY_LOADED = -35;

	/** Wallet (Core): there is already a wallet with this name. */
	public static final int WALLET_ALREADY_EXISTS = -36;

	/** Constant names by code, read once from the fields above so that the two cannot drift apart. */
	private static final Map<Integer, String> NAMES = names();

	private RpcErrorCode() {
	}

	/** A short name for a code, for messages and metric tags; "rpc error" for codes without one. */
	public static String describe(int code) {
		return switch (code) {
			case MISC_ERROR -> "misc error";
			case FORBIDDEN_BY_SAFE_MODE -> "forbidden by safe mode";
			case TYPE_ERROR -> "type error";
			case WALLET_ERROR -> "wallet error";
			case INVALID_ADDRESS_OR_KEY -> "invalid address or key";
			case WALLET_INSUFFICIENT_FUNDS -> "insufficient funds";
			case OUT_OF_MEMORY -> "out of memory";
			case INVALID_PARAMETER -> "invalid parameter";
			case CLIENT_NOT_CONNECTED -> "not connected";
			case CLIENT_IN_INITIAL_DOWNLOAD -> "in initial download";
			case WALLET_INVALID_LABEL_NAME -> "invalid label name";
			case WALLET_KEYPOOL_RAN_OUT -> "keypool ran out";
			case WALLET_UNLOCK_NEEDED -> "wallet unlock needed";
			case WALLET_PASSPHRASE_INCORRECT -> "wallet passphrase incorrect";
			case WALLET_WRONG_ENC_STATE -> "wrong wallet encryption state";
			case WALLET_ENCRYPTION_FAILED -> "wallet encryption failed";
			case WALLET_ALREADY_UNLOCKED -> "wallet already unlocked";
			case WALLET_NOT_FOUND -> "wallet not found";
			case WALLET_NOT_SPECIFIED -> "wallet not specified";
			case DATABASE_ERROR -> "database error";
			case DESERIALIZATION_ERROR -> "deserialization error";
			case CLIENT_NODE_ALREADY_ADDED -> "node already added";
			case CLIENT_NODE_NOT_ADDED -> "node not added";
			case VERIFY_ERROR -> "verify error";
			case VERIFY_REJECTED -> "transaction rejected";
			case VERIFY_ALREADY_IN_CHAIN -> "already in chain";
			case IN_WARMUP -> "warming up";
			case CLIENT_NODE_NOT_CONNECTED -> "node not connected";
			case CLIENT_INVALID_IP_OR_SUBNET -> "invalid ip or subnet";
			case CLIENT_P2P_DISABLED -> "p2p disabled";
			case METHOD_DEPRECATED -> "method deprecated";
			case CLIENT_MEMPOOL_DISABLED -> "mempool disabled";
			case CLIENT_NODE_CAPACITY_REACHED -> "node capacity reached";
			case WALLET_ALREADY_LOADED -> "wallet already loaded";
			case WALLET_ALREADY_EXISTS -> "wallet already exists";
			case INVALID_REQUEST -> "invalid request";
			case METHOD_NOT_FOUND -> "method not found";
			case INVALID_PARAMS -> "invalid params";
			case INTERNAL_ERROR -> "internal error";
			case PARSE_ERROR -> "parse error";
			default -> "rpc error";
		};
	}

	/**
	 * The name of the constant for a code, e.g. {@code "WALLET_UNLOCK_NEEDED"} for {@code -13}, or
	 * empty for a code neither node defines.
	 */
	public static Optional<String> nameOf(int code) {
		return Optional.ofNullable(NAMES.get(code));
	}

	/** Every code with its constant's name, ordered by code. */
	public static Map<Integer, String> all() {
		return NAMES;
	}

	private static Map<Integer, String> names() {
		Map<Integer, String> names = new TreeMap<>();
		for (Field field : RpcErrorCode.class.getDeclaredFields()) {
			int modifiers = field.getModifiers();
			if (field.getType() == int.class && Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)) {
				try {
					String previous = names.put(field.getInt(null), field.getName());
					if (previous != null) {
						throw new IllegalStateException(previous + " and " + field.getName() + " share a code");
					}
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return Collections.unmodifiableMap(names);
	}

}
