package org.bitcoinrpc.test.internal.server;

import org.bitcoinrpc.test.tls.SelfSignedCertificate;
import org.jspecify.annotations.Nullable;

/**
 * What one run of the server needs to know.
 *
 * @param port the port to bind on 127.0.0.1, 0 for any free one
 * @param credentials the credentials accepted, shared by every run of the same node (they can
 *        change while it runs)
 * @param connectionClose whether to answer as btcd does (one request per connection, body ended by
 *        closing) rather than with keep-alive and Content-Length
 * @param certificate the TLS certificate, or null for plain HTTP
 */
public record ServerConfig(int port, AcceptedCredentials credentials, boolean connectionClose,
        @Nullable SelfSignedCertificate certificate) {

    /** The only address the node ever binds. */
    public static final String HOST = "127.0.0.1";

    /** The largest websocket message or HTTP body accepted, well above the 64 MB required. */
    public static final int MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

    @Override
    public String toString() {
        return "ServerConfig[port=" + this.port + ", connectionClose=" + this.connectionClose
                + ", tls=" + (this.certificate != null) + "]";
    }
}
