package org.bitcoinrpc.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JDK {@link HttpClient} helpers for JSON-RPC over HTTP POST. */
final class Http {

    private Http() {
    }

    static HttpClient client(SimulatedNode node) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (node.isTls()) {
            builder.sslContext(node.certificate().clientSslContext());
        }
        return builder.build();
    }

    static HttpRequest.Builder request(SimulatedNode node, String body) {
        return HttpRequest.newBuilder(URI.create(node.httpUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", RawHttp.basic(node.user(), node.password()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** POSTs {@code body} with the node's credentials. */
    static HttpResponse<String> post(SimulatedNode node, String body) throws IOException, InterruptedException {
        return client(node).send(request(node, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON-RPC 1.0 request body. */
    static String rpc(Object id, String method, String paramsJson) {
        String idJson = (id instanceof String s) ? "\"" + s + "\"" : String.valueOf(id);
        return "{\"jsonrpc\":\"1.0\",\"id\":" + idJson + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    }
}
