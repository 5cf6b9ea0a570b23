package org.bitcoinrpc.test.internal.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Remembers the TCP endpoints of every connection the connector accepted, so they can be closed
 * abruptly (no HTTP response, no websocket close frame, no TLS close_notify). Endpoints rather than
 * connections, because a websocket upgrade replaces the connection on the same endpoint. Thread-safe.
 */
final class ConnectionTracker implements Connection.Listener {

    /** Open TCP endpoints; closed ones are purged lazily. */
    private final Set<EndPoint> endPoints = ConcurrentHashMap.newKeySet();

    @Override
    public void onOpened(Connection connection) {
        EndPoint endPoint = connection.getEndPoint();
        if (endPoint instanceof SocketChannelEndPoint) {
            this.endPoints.add(endPoint);
        }
        this.endPoints.removeIf(e -> !e.isOpen());
    }

    @Override
    public void onClosed(Connection connection) {
        EndPoint endPoint = connection.getEndPoint();
        if (!endPoint.isOpen()) {
            this.endPoints.remove(endPoint);
        }
    }

    /** Closes every tracked TCP connection at once. */
    void closeAll() {
        for (EndPoint endPoint : this.endPoints) {
            this.endPoints.remove(endPoint);
            endPoint.close();
        }
    }
}
