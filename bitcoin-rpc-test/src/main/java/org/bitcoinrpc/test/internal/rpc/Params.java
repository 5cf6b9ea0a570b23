package org.bitcoinrpc.test.internal.rpc;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Positional parameters checked as btcd's {@code btcjson.UnmarshalCmd} checks them: the count
 * first, then each value's JSON type against the Go field type, with btcd's exact messages. A JSON
 * {@code null} leaves a required field at Go's zero value and an optional one at its default.
 */
public final class Params {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final @Nullable JsonNode params;

    private final int count;

    private Params(@Nullable JsonNode params) {
        this.params = params;
        this.count = (params == null) ? 0 : params.size();
    }

    /**
     * Checks the parameter count.
     * @param params the request's params array (null means none)
     * @param required how many the command requires
     * @param total how many it accepts in all
     * @throws RpcException -32602 "wrong number of params ..." as btcd words it
     */
    public static Params of(@Nullable JsonNode params, int required, int total) {
        Params checked = new Params(params);
        if (checked.count < required || checked.count > total) {
            String expected = (required == total) ? Integer.toString(required)
                    : "between " + required + " and " + total;
            throw new RpcException(RpcException.INVALID_PARAMS,
                    "wrong number of params (expected " + expected + ", received " + checked.count + ")");
        }
        return checked;
    }

    private @Nullable JsonNode at(int index) {
        if (this.params == null || index >= this.count) {
            return null;
        }
        JsonNode node = this.params.get(index);
        return (node == null || node.isNull()) ? null : node;
    }

    /** Whether parameter {@code index} was given and is not {@code null}. */
    public boolean has(int index) {
        return at(index) != null;
    }

    /** A Go {@code int64} parameter; {@code null} or absent gives {@code dflt}. */
    public long int64(int index, String name, long dflt) {
        return integer(index, name, "int64", dflt, LONG_MIN, LONG_MAX);
    }

    /** A Go {@code int} (64-bit) parameter; {@code null} or absent gives {@code dflt}. */
    public long goInt(int index, String name, long dflt) {
        return integer(index, name, "int", dflt, LONG_MIN, LONG_MAX);
    }

    /** A Go {@code uint32} parameter; {@code null} or absent gives {@code dflt}. */
    public long uint32(int index, String name, long dflt) {
        return integer(index, name, "uint32", dflt, BigInteger.ZERO, BigInteger.valueOf(0xffffffffL));
    }

    private long integer(int index, String name, String goType, long dflt, BigInteger min, BigInteger max) {
        JsonNode node = at(index);
        if (node == null) {
            return dflt;
        }
        if (!node.isNumber()) {
            throw typeError(index, name, goType, kind(node));
        }
        if (!node.isIntegralNumber()) {
            throw typeError(index, name, goType, "number " + node);
        }
        BigInteger value = node.bigIntegerValue();
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw typeError(index, name, goType, "number " + node);
        }
        return value.longValue();
    }

    /** A Go {@code bool} parameter; {@code null} or absent gives {@code dflt}. */
    public boolean bool(int index, String name, boolean dflt) {
        JsonNode node = at(index);
        if (node == null) {
            return dflt;
        }
        if (!node.isBoolean()) {
            throw typeError(index, name, "bool", kind(node));
        }
        return node.booleanValue();
    }

    /** A Go {@code string} parameter; {@code null} or absent gives {@code dflt}. */
    public String string(int index, String name, String dflt) {
        JsonNode node = at(index);
        if (node == null) {
            return dflt;
        }
        if (!node.isString()) {
            throw typeError(index, name, "string", kind(node));
        }
        return node.stringValue();
    }

    private static RpcException typeError(int index, String name, String goType, String got) {
        return new RpcException(RpcException.INVALID_PARAMS,
                "parameter #" + (index + 1) + " '" + name + "' must be type " + goType + " (got " + got + ")");
    }

    private static String kind(JsonNode node) {
        if (node.isString()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isObject()) {
            return "object";
        }
        return "number";
    }
}
