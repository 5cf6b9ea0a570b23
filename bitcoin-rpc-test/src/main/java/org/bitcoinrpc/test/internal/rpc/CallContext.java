package org.bitcoinrpc.test.internal.rpc;

import org.jspecify.annotations.Nullable;

/**
 * Where a call came from.
 *
 * @param webSocket the websocket session, or null for HTTP POST
 */
public record CallContext(@Nullable WebSocketSession webSocket) {

    /** A call made over HTTP POST. */
    public static final CallContext HTTP = new CallContext(null);

    /** Whether the call came over the websocket (where the websocket-only commands exist). */
    public boolean isWebSocket() {
        return this.webSocket != null;
    }
}
