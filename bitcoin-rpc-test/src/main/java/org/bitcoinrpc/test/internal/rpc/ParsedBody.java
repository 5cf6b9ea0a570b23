package org.bitcoinrpc.test.internal.rpc;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP body or websocket message decoded the way btcd decodes it.
 *
 * @param batch whether the first byte was {@code [} (btcd's test for a batch, so leading
 *        whitespace makes a batch a single request)
 * @param syntaxError Go's message for invalid JSON ({@code unexpected end of JSON input}, ...), or
 *        null when the JSON was valid
 * @param typeError Go's message for the first member of the wrong type, or null
 * @param requests the request objects in order: one for a single request, any number for a batch;
 *        empty when {@code syntaxError} is set
 */
public record ParsedBody(boolean batch, @Nullable String syntaxError, @Nullable String typeError,
        List<RpcRequest> requests) {

    /** The only request of a non-batch body. */
    public RpcRequest single() {
        return this.requests.isEmpty() ? RpcRequest.EMPTY : this.requests.get(0);
    }

    /** Whether decoding failed, for a syntax or a type error. */
    public boolean failed() {
        return this.syntaxError != null || this.typeError != null;
    }

    /** The message to put after "Failed to parse request: ". */
    public String failure() {
        return (this.syntaxError != null) ? this.syntaxError : String.valueOf(this.typeError);
    }
}
