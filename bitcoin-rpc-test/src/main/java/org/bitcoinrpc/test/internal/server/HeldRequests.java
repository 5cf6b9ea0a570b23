package org.bitcoinrpc.test.internal.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP requests swallowed by {@code neverAnswer}: kept so that dropping connections or stopping can
 * close their sockets and release Jetty's request. Thread-safe (a concurrent set).
 */
final class HeldRequests {

    private record Held(EndPoint endPoint, Callback callback) {
    }

    private final Set<Held> held = ConcurrentHashMap.newKeySet();

    /** Never answers {@code request} (until {@link #releaseAll()}). */
    void hold(Request request, Callback callback) {
        this.held.add(new Held(request.getConnectionMetaData().getConnection().getEndPoint(), callback));
    }

    /** Closes every held request's connection, without a response. */
    void releaseAll() {
        for (Held h : this.held) {
            if (this.held.remove(h)) {
                h.endPoint().close();
                h.callback().failed(new EofException("connection dropped by the simulated node"));
            }
        }
    }
}
