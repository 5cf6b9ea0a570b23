package org.bitcoinrpc.test.internal.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Writes HTTP answers in btcd's framing. Immutable and thread-safe.
 *
 * <p>btcd hijacks the connection for RPC replies and writes {@code HTTP/1.1 200 OK},
 * {@code Connection: close} and {@code Content-Type: application/json}, then the body, then closes:
 * no Content-Length and no Date. With {@code connectionClose=false} replies are ordinary keep-alive
 * responses with a Content-Length instead (as Bitcoin Core sends them).
 */
final class HttpWriter {

    /** btcd's 401 body (Go's {@code http.Error}). */
    static final String UNAUTHORIZED_BODY = "401 Unauthorized.\n";

    /**
     * The 401 challenge spelled as Go canonicalises it. The field has no {@link HttpHeader} so Jetty
     * writes the name as given instead of {@code WWW-Authenticate}.
     */
    private static final HttpField CHALLENGE = new HttpField((HttpHeader) null, "Www-Authenticate",
            "Basic realm=\"btcd RPC\"");

    private static final HttpField NOSNIFF = new HttpField((HttpHeader) null, "X-Content-Type-Options", "nosniff");

    private final boolean connectionClose;

    HttpWriter(boolean connectionClose) {
        this.connectionClose = connectionClose;
    }

    /** A JSON-RPC answer: HTTP 200, {@code application/json}. */
    void json(Response response, Callback callback, String body) {
        write(response, callback, 200, "application/json", body);
    }

    /** A reply with this status, content type and body, in this node's framing. */
    void write(Response response, Callback callback, int status, String contentType, String body) {
        ByteBuffer bytes = ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, contentType);
        if (this.connectionClose) {
            headers.put(HttpHeader.CONNECTION, "close");
            // A first write that is not the last leaves the length unknown, so Jetty frames the body by
            // closing the connection (as btcd does) instead of adding a Content-Length.
            response.write(false, bytes,
                    Callback.from(() -> response.write(true, BufferUtil.EMPTY_BUFFER, callback), callback::failed));
        }
        else {
            response.write(true, bytes, callback);
        }
    }

    /**
     * btcd's 401 (Go's {@code http.Error}): {@code text/plain; charset=utf-8},
     * {@code Www-Authenticate: Basic realm="btcd RPC"}, Content-Length 18. Go's server keeps this
     * connection alive, so this answer does too.
     */
    void unauthorized(Response response, Callback callback) {
        response.setStatus(401);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        headers.put(CHALLENGE);
        headers.put(NOSNIFF);
        response.write(true, ByteBuffer.wrap(UNAUTHORIZED_BODY.getBytes(StandardCharsets.US_ASCII)), callback);
    }

    /** Gorilla's answer to a non-upgrade request on {@code /ws}. */
    void badRequest(Response response, Callback callback) {
        response.setStatus(400);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        headers.put(NOSNIFF);
        response.write(true, ByteBuffer.wrap("Bad Request\n".getBytes(StandardCharsets.US_ASCII)), callback);
    }

    /**
     * Closes the connection without writing a byte of response, as btcd does for a request without
     * an id or with malformed JSON.
     */
    static void closeWithoutResponse(Request request, Callback callback) {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new EofException("closed without a response, as btcd does"));
    }
}
