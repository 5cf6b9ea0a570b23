package org.bitcoinrpc.test.internal.server;

import org.bitcoinrpc.test.internal.rpc.WebSocketSession;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/** One websocket client's session state, shared by its reader, the delay scheduler and the miner. */
final class WsClient implements WebSocketSession {

    private final Session session;

    private final OutboundQueue outbound;

    private final long sessionId;

    /** Set by {@code notifyblocks}/{@code stopnotifyblocks} on the reader; read by the mining thread. */
    private volatile boolean notifyBlocks;

    WsClient(Session session, long sessionId) {
        this.session = session;
        this.outbound = new OutboundQueue(session);
        this.sessionId = sessionId;
    }

    @Override
    public long sessionId() {
        return this.sessionId;
    }

    @Override
    public void notifyBlocks(boolean enabled) {
        this.notifyBlocks = enabled;
    }

    boolean wantsBlocks() {
        return this.notifyBlocks;
    }

    /** Queues one text frame. */
    void send(String text) {
        this.outbound.send(text);
    }

    /** Sends a close frame with an empty payload (status 1005 "no code" is never written on the wire). */
    void closeWithEmptyPayload() {
        this.session.close(StatusCode.NO_CODE, null, Callback.NOOP);
    }

    /** Closes the TCP connection without a close frame, as btcd drops clients. */
    void disconnect() {
        this.session.disconnect();
    }
}
