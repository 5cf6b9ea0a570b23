package org.bitcoinrpc.test.internal.rpc;

import org.jspecify.annotations.Nullable;

/**
 * Builds btcd's reply envelopes as text: always {@code jsonrpc}, {@code result}, {@code error},
 * {@code id} in that order with {@code null} where unused, whatever the version. Stateless.
 */
public final class Replies {

    /** btcd's JSON-RPC 1.0 version string. */
    public static final String V1 = "1.0";

    /** btcd's JSON-RPC 2.0 version string. */
    public static final String V2 = "2.0";

    private Replies() {
    }

    /** Whether btcd can marshal a reply for this version; it cannot for "", "1.1" or anything else. */
    public static boolean answerable(@Nullable String version) {
        return V1.equals(version) || V2.equals(version);
    }

    /**
     * A reply, without a trailing newline.
     * @param version the request's {@code jsonrpc}, echoed
     * @param resultJson the result as JSON text, or null for {@code null}
     * @param error the error, or null
     * @param idJson the id as JSON text, or null for {@code null}
     * @return the reply, or null when btcd could not marshal one (an unanswerable version)
     */
    public static @Nullable String reply(@Nullable String version, @Nullable String resultJson,
            @Nullable RpcException error, @Nullable String idJson) {
        if (!answerable(version)) {
            return null;
        }
        String result = (resultJson != null) ? resultJson : "null";
        String errorJson = (error != null) ? error.toJson() : "null";
        String id = (idJson != null) ? idJson : "null";
        StringBuilder sb = new StringBuilder(result.length() + errorJson.length() + id.length() + 48);
        sb.append("{\"jsonrpc\":\"").append(version).append("\",\"result\":").append(result)
                .append(",\"error\":").append(errorJson).append(",\"id\":").append(id).append('}');
        return sb.toString();
    }

    /**
     * A websocket notification: {@code {"jsonrpc":"1.0","method":..,"params":[..],"id":null}}.
     * @param method the notification name
     * @param paramsJson the params array as JSON text
     */
    public static String notification(String method, String paramsJson) {
        return "{\"jsonrpc\":\"1.0\",\"method\":\"" + method + "\",\"params\":" + paramsJson + ",\"id\":null}";
    }
}
