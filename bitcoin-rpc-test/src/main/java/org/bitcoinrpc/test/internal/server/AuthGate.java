package org.bitcoinrpc.test.internal.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * btcd's authentication in front of everything: HTTP always needs the right Basic credentials; the
 * websocket upgrade on {@code /ws} may come without an {@code Authorization} header (the client must
 * then send {@code authenticate} first), but wrong credentials there get a 401 and no upgrade.
 * Each request is checked against the credentials accepted at that moment (a rotated cookie is
 * refused on connections opened before). Stateless apart from its settings.
 */
final class AuthGate extends Handler.Wrapper {

    /** The websocket path (btcd serves {@code /ws} exactly; every other path is the RPC endpoint). */
    static final String WS_PATH = "/ws";

    private final AcceptedCredentials auth;

    private final HttpWriter writer;

    AuthGate(AcceptedCredentials auth, HttpWriter writer, Handler next) {
        super(next);
        this.auth = auth;
        this.writer = writer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean webSocketPath = WS_PATH.equals(request.getHttpURI().getPath());
        BasicAuth.Result result = this.auth.current().check(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (result == BasicAuth.Result.INVALID || (result == BasicAuth.Result.MISSING && !webSocketPath)) {
            this.writer.unauthorized(response, callback);
            return true;
        }
        if (webSocketPath && !isUpgrade(request)) {
            this.writer.badRequest(response, callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    private static boolean isUpgrade(Request request) {
        String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
        return upgrade != null && upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket");
    }
}
