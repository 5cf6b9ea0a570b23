package org.bitcoinrpc.test.internal.rpc;

/** What websocket-only commands need from the session that sent them. */
public interface WebSocketSession {

    /** The session id {@code session} reports, an unsigned 64-bit number. */
    long sessionId();

    /** The session's notification requests and filters. */
    Subscriptions subscriptions();
}
