package org.bitcoinrpc.test.internal.rpc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * A Go {@code []string} parameter; {@code null} or absent gives an empty list. A wrong element
     * is reported with the element's type, as Go's decoder does.
     */
    public List<String> stringArray(int index, String name) {
        JsonNode node = at(index);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw typeError(index, name, "[]string", kind(node));
        }
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (element.isNull()) {
                out.add("");
            }
            else if (!element.isString()) {
                throw typeError(index, name, "string", kind(element));
            }
            else {
                out.add(element.stringValue());
            }
        }
        return out;
    }

    /**
     * One element of a {@code []btcjson.OutPoint} parameter, as decoded (the hash is not checked yet).
     * @param hash the {@code hash} member, "" when absent
     * @param index the {@code index} member, 0 when absent
     */
    public record OutPointParam(String hash, long index) {
    }

    /**
     * A Go {@code []btcjson.OutPoint} parameter ({@code [{"hash":..,"index":..}]}, member names
     * matched without regard to case, the last duplicate winning); {@code null} or absent gives an
     * empty list.
     */
    public List<OutPointParam> outPoints(int index, String name) {
        JsonNode node = at(index);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw typeError(index, name, "[]btcjson.OutPoint", kind(node));
        }
        List<OutPointParam> out = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (element.isNull()) {
                out.add(new OutPointParam("", 0));
                continue;
            }
            if (!element.isObject()) {
                throw typeError(index, name, "btcjson.OutPoint", kind(element));
            }
            String hash = "";
            long outIndex = 0;
            for (Map.Entry<String, JsonNode> member : element.properties()) {
                JsonNode value = member.getValue();
                if ("hash".equalsIgnoreCase(member.getKey()) && !value.isNull()) {
                    if (!value.isString()) {
                        throw typeError(index, name, "string", kind(value));
                    }
                    hash = value.stringValue();
                }
                else if ("index".equalsIgnoreCase(member.getKey()) && !value.isNull()) {
                    outIndex = uint32Value(value, index, name);
                }
            }
            out.add(new OutPointParam(hash, outIndex));
        }
        return out;
    }

    private static long uint32Value(JsonNode value, int index, String name) {
        if (!value.isNumber()) {
            throw typeError(index, name, "uint32", kind(value));
        }
        if (!value.isIntegralNumber() || value.bigIntegerValue().signum() < 0
                || value.bigIntegerValue().compareTo(BigInteger.valueOf(0xffffffffL)) > 0) {
            throw typeError(index, name, "uint32", "number " + value);
        }
        return value.longValue();
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
