package org.bitcoinrpc.test.internal.server;

import java.nio.ByteBuffer;

import org.bitcoinrpc.test.internal.rpc.Subscriptions;
import org.bitcoinrpc.test.internal.rpc.WebSocketSession;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One websocket client's session state, shared by its reader, the delay scheduler, the miner and
 * test controls. Thread-safe: {@link #subscriptions} and {@link #outbound} are, and {@link #frozen}
 * is volatile.
 */
final class WsClient implements WebSocketSession {

    private final Session session;

    private final OutboundQueue outbound;

    private final long sessionId;

    private final Subscriptions subscriptions = new Subscriptions();

    /**
     * Set (never cleared) by {@code freezeConnections} from a test thread; read by the reader, the
     * miner and the delay scheduler. A frozen session reads and drops everything and sends nothing.
     */
    private volatile boolean frozen;

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
    public Subscriptions subscriptions() {
        return this.subscriptions;
    }

    /** Queues one text frame, unless the session is frozen. */
    void send(String text) {
        if (!this.frozen) {
            this.outbound.send(text);
        }
    }

    /** Answers a ping as Jetty would have (the endpoint takes that over), unless the session is frozen. */
    void pong(ByteBuffer payload) {
        if (!this.frozen) {
            this.session.sendPong(payload, Callback.NOOP);
        }
    }

    /** Makes the session silent for good: no pong, no reply, no notification; frames already queued are dropped. */
    void freeze() {
        this.frozen = true;
        this.outbound.discard();
    }

    boolean isFrozen() {
        return this.frozen;
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
