package org.bitcoinrpc.test;

import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SimulatedNode#receivedRequests()}: every executed or deliberately unanswered request, with
 * its id, params and session or connection, for duplicate-execution checks. Each test has a node of
 * its own.
 */
class RequestLogTests {

    @Test
    void httpAndWebsocketRequestsAreLoggedWithTheirIdsParamsAndSources() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().initialHeight(2).build().start()) {
            RawHttp.post(node, Http.rpc("a", "getblockhash", "[1]"));
            RawHttp.post(node, "{\"jsonrpc\":\"1.0\",\"id\":1.50,\"method\":\"getblockcount\"}");
            long sessionId;
            try (RawWebSocket ws = RawWebSocket.open(node)) {
                BigInteger unsigned = Json.parse(ws.call(Http.rpc(7, "session", "[]"))).get("result").get("sessionid")
                        .bigIntegerValue();
                sessionId = unsigned.longValue();
                ws.call(Http.rpc(8, "notifyspent", "[[{\"hash\":\"" + "ab".repeat(32) + "\",\"index\":2}]]"));
            }

            List<ReceivedRequest> requests = node.receivedRequests();

            assertThat(requests).hasSize(4);
            assertThat(requests.get(0)).satisfies(r -> {
                assertThat(r.method()).isEqualTo("getblockhash");
                assertThat(r.idJson()).isEqualTo("\"a\"");
                assertThat(r.paramsJson()).isEqualTo("[1]");
                assertThat(r.isWebSocket()).isFalse();
                assertThat(r.sessionOrConnectionId()).isPositive();
            });
            assertThat(requests.get(1)).isEqualTo(new ReceivedRequest("getblockcount", "1.50", "[]",
                    requests.get(1).sessionOrConnectionId()));
            assertThat(requests.get(1).sessionOrConnectionId()).as("btcd framing: a new connection per request")
                    .isNotEqualTo(requests.get(0).sessionOrConnectionId());
            assertThat(requests.get(2)).isEqualTo(new ReceivedRequest("session", "7", "[]", sessionId));
            assertThat(requests.get(2).isWebSocket()).isTrue();
            assertThat(requests.get(3)).isEqualTo(new ReceivedRequest("notifyspent", "8",
                    "[[{\"hash\":\"" + "ab".repeat(32) + "\",\"index\":2}]]", sessionId));
        }
    }

    @Test
    void batchElementsUnansweredAndAuthenticateAreLoggedButNotificationsAreNot() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().connectionClose(false).build().start()) {
            node.neverAnswer("sendrawtransaction");
            node.delay("uptime", Duration.ofMillis(50));
            HttpClient client = Http.client(node);
            client.send(Http.request(node, "[" + Http.rpc(1, "getblockcount", "[]") + ",{\"jsonrpc\":\"1.0\",\"method\":\"ping\"},"
                    + Http.rpc(2, "uptime", "[]") + "]").build(), HttpResponse.BodyHandlers.ofString());
            client.send(Http.request(node, Http.rpc(3, "getblockcount", "[]")).build(), HttpResponse.BodyHandlers.ofString());
            try (RawWebSocket ws = RawWebSocket.open(node, null)) {
                ws.call("{\"jsonrpc\":\"1.0\",\"id\":0,\"method\":\"authenticate\",\"params\":[\"user\",\"pass\"]}");
                ws.sendText(Http.rpc(4, "sendrawtransaction", "[\"0badf00d\"]"));
                ws.call(Http.rpc(5, "ping", "[]"));
            }

            List<ReceivedRequest> requests = node.receivedRequests();

            assertThat(requests).extracting(ReceivedRequest::method)
                    .containsExactly("getblockcount", "uptime", "getblockcount", "authenticate", "sendrawtransaction", "ping");
            assertThat(requests.get(0).sessionOrConnectionId()).as("keep-alive: one connection")
                    .isEqualTo(requests.get(2).sessionOrConnectionId());
            assertThat(requests.get(4).paramsJson()).isEqualTo("[\"0badf00d\"]");
            assertThat(node.mempoolSize()).as("left unanswered, so not executed").isZero();
        }
    }

    @Test
    void resetCountsEmptiesTheLog() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            RawHttp.post(node, Http.rpc(1, "ping", "[]"));

            node.resetCounts();

            assertThat(node.receivedRequests()).isEmpty();
            RawHttp.post(node, Http.rpc(2, "ping", "[]"));
            assertThat(node.receivedRequests()).extracting(ReceivedRequest::idJson).containsExactly("2");
        }
    }

    @Test
    void concurrentRequestsAreAllLogged() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        try (RawWebSocket ws = RawWebSocket.open(node)) {
                            for (int i = 0; i < 50; i++) {
                                ws.call(Http.rpc(thread * 1000 + i, "getblockcount", "[]"));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            }
            finally {
                pool.shutdownNow();
            }

            List<ReceivedRequest> requests = node.receivedRequests();
            assertThat(requests).hasSize(400);
            assertThat(requests).extracting(ReceivedRequest::idJson).doesNotHaveDuplicates();
            assertThat(requests.stream().map(ReceivedRequest::sessionOrConnectionId).distinct()).hasSize(8);
            assertThat(node.requestCount("getblockcount")).isEqualTo(400);
        }
    }
}
