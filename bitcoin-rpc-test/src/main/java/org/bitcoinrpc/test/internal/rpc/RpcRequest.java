package org.bitcoinrpc.test.internal.rpc;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One decoded JSON-RPC request object, with what Go's decoder would have made of it.
 *
 * @param jsonrpc the {@code jsonrpc} member, or null when absent
 * @param idJson the {@code id} as JSON text to echo back (number literals kept as sent), or null
 *        when absent or {@code null}: btcd treats both as "no id"
 * @param method the {@code method} member, or null when absent
 * @param params the {@code params} array, or null when absent or {@code null}
 * @param typeError Go's {@code json: cannot unmarshal ...} message when a member had the wrong JSON
 *        type (for example {@code params} given as an object), else null
 */
public record RpcRequest(@Nullable String jsonrpc, @Nullable String idJson, @Nullable String method,
        @Nullable JsonNode params, @Nullable String typeError) {

    /** A request that decoded to nothing (the top-level value was not an object). */
    public static final RpcRequest EMPTY = new RpcRequest(null, null, null, null, null);

    /** Whether the request has a non-null id; btcd answers nothing without one. */
    public boolean hasId() {
        return this.idJson != null;
    }

    /** Whether {@code jsonrpc} is one btcd can answer ("1.0" or "2.0"). */
    public boolean answerableVersion() {
        return Replies.answerable(this.jsonrpc);
    }

    /** Whether a method name is present and not empty. */
    public boolean hasMethod() {
        return this.method != null && !this.method.isEmpty();
    }
}
