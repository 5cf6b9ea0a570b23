package org.bitcoinrpc.test;

/**
 * A request the node executed or deliberately left unanswered ({@link SimulatedNode#neverAnswer}),
 * as {@link SimulatedNode#receivedRequests()} lists it. Batch elements are listed one by one.
 *
 * @param method the method name
 * @param idJson the id as JSON text, exactly as sent ({@code 7}, {@code "a"}, {@code 1.50})
 * @param paramsJson the params as compact JSON text, {@code []} when absent or {@code null} (btcd
 *        treats them alike)
 * @param sessionOrConnectionId for the websocket, the session id that {@code session} reports (an
 *        unsigned 64-bit number with the top bit set, so negative as a Java {@code long}); for HTTP
 *        POST, the number of the TCP connection (1, 2, ... across the JVM)
 */
public record ReceivedRequest(String method, String idJson, String paramsJson, long sessionOrConnectionId) {

    /** Whether the request came over the websocket (rather than HTTP POST). */
    public boolean isWebSocket() {
        return this.sessionOrConnectionId < 0;
    }
}
