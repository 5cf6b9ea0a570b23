package org.bitcoinrpc.test.internal.rpc;

import java.io.Serial;

/** A JSON-RPC error a handler answers with: btcd's {@code btcjson.RPCError}. */
public final class RpcException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** btcd's -1 {@code ErrRPCMisc}/{@code ErrRPCOutOfRange}. */
    public static final int MISC = -1;

    /** btcd's -5 {@code ErrRPCBlockNotFound} (also "No information available" for transactions). */
    public static final int BLOCK_NOT_FOUND = -5;

    /** btcd's -5 {@code ErrRPCInvalidAddressOrKey}. */
    public static final int INVALID_ADDRESS_OR_KEY = -5;

    /** btcd's -8 {@code ErrRPCInvalidParameter}. */
    public static final int INVALID_PARAMETER = -8;

    /** btcd's -22 {@code ErrRPCDecodeHexString}, also {@code ErrRPCDeserialization}. */
    public static final int DECODE_HEX = -22;

    /** btcd's -26 {@code ErrRPCTxRejected}. */
    public static final int TX_REJECTED = -26;

    /** btcd's -27 {@code ErrRPCTxAlreadyInChain}. */
    public static final int TX_ALREADY_IN_CHAIN = -27;

    /** JSON-RPC's -32600 invalid request. */
    public static final int INVALID_REQUEST = -32600;

    /** JSON-RPC's -32601 method not found. */
    public static final int METHOD_NOT_FOUND = -32601;

    /** JSON-RPC's -32602 invalid params. */
    public static final int INVALID_PARAMS = -32602;

    /** JSON-RPC's -32603 internal error. */
    public static final int INTERNAL = -32603;

    /** JSON-RPC's -32700 parse error. */
    public static final int PARSE = -32700;

    private final int code;

    /**
     * Creates the error.
     * @param code the JSON-RPC error code
     * @param message the message, sent as is
     */
    public RpcException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** -32601 "Method not found", exactly as btcd words it. */
    public static RpcException methodNotFound() {
        return new RpcException(METHOD_NOT_FOUND, "Method not found");
    }

    /** The JSON-RPC error code. */
    public int code() {
        return this.code;
    }

    /** The {@code {"code":..,"message":..}} object. */
    public String toJson() {
        return "{\"code\":" + this.code + ",\"message\":" + org.bitcoinrpc.test.internal.json.JsonWriter.quote(getMessage()) + "}";
    }
}
