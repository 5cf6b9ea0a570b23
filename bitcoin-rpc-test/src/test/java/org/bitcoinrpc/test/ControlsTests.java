package org.bitcoinrpc.test;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault-injection controls and the request counts, over HTTP POST and the websocket. */
class ControlsTests {

    @RegisterExtension
    static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(SimulatedNode.builder().initialHeight(5));

    private static final String GETBLOCKCOUNT = Http.rpc(1, "getblockcount", "[]");

    private final List<WsRecorder> sessions = new ArrayList<>();

    @AfterEach
    void reset(SimulatedNode node) {
        this.sessions.forEach(WsRecorder::closeQuietly);
        node.resetControls();
        node.resetCounts();
    }

    private WsRecorder open(SimulatedNode node) {
        WsRecorder recorder = WsRecorder.connectAuthenticated(node);
        this.sessions.add(recorder);
        return recorder;
    }

    @Test
    void delayHoldsTheHttpReply(SimulatedNode node) throws Exception {
        node.delay("getblockcount", Duration.ofMillis(400));

        long start = System.nanoTime();
        HttpResponse<String> response = Http.post(node, GETBLOCKCOUNT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(response.body()).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":5,\"error\":null,\"id\":1}\n");
    }

    @Test
    void delayedWebsocketReplyIsOvertakenByLaterOnes(SimulatedNode node) throws Exception {
        WsRecorder ws = open(node);
        node.delay("getblockcount", Duration.ofMillis(300));

        ws.send(Http.rpc(1, "getblockcount", "[]"));
        ws.send(Http.rpc(2, "ping", "[]"));

        assertThat(ws.next()).contains("\"id\":2");
        assertThat(ws.next()).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":5,\"error\":null,\"id\":1}");
    }

    @Test
    void neverAnswerLeavesHttpWaitingUntilConnectionsAreDropped(SimulatedNode node) throws Exception {
        node.neverAnswer("getblockcount");

        assertThatThrownBy(() -> Http.client(node).send(Http.request(node, GETBLOCKCOUNT)
                .timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        try (Socket socket = RawHttp.connect(node)) {
            socket.getOutputStream().write(RawHttp.postRequest(GETBLOCKCOUNT, RawHttp.basic(node.user(), node.password()))
                    .getBytes(StandardCharsets.UTF_8));
            Wait.until("the request arrived", () -> node.requestCount("getblockcount") == 2);
            node.dropConnections();
            RawHttp.Exchange exchange = RawHttp.readUntilEof(socket.getInputStream());
            assertThat(exchange.raw()).isEmpty();
            assertThat(exchange.eofSeen()).isTrue();
        }
        assertThat(Http.post(node, Http.rpc(2, "ping", "[]")).statusCode()).isEqualTo(200);
    }

    @Test
    void neverAnswerIgnoresTheWebsocketRequest(SimulatedNode node) throws Exception {
        WsRecorder ws = open(node);
        node.neverAnswer("getblockcount");

        ws.send(Http.rpc(1, "getblockcount", "[]"));

        assertThat(ws.call(Http.rpc(2, "ping", "[]"))).contains("\"id\":2");
        assertThat(ws.messages).isEmpty();
        assertThat(node.requestCount("getblockcount")).isEqualTo(1);
    }

    @Test
    void failWithAnswersAnRpcErrorWithStatus200(SimulatedNode node) throws Exception {
        node.failWith("getblockcount", -28, "Loading block index…");
        WsRecorder ws = open(node);

        HttpResponse<String> response = Http.post(node, GETBLOCKCOUNT);

        String expected = "{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":-28,\"message\":\"Loading block index…\"},\"id\":1}";
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(expected + "\n");
        assertThat(ws.call(GETBLOCKCOUNT)).isEqualTo(expected);
    }

    @Test
    void httpStatusReplacesTheHttpReplyOnly(SimulatedNode node) throws Exception {
        node.httpStatus("getblockcount", 503, "Work queue depth exceeded");
        WsRecorder ws = open(node);

        HttpResponse<String> response = Http.post(node, GETBLOCKCOUNT);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("Work queue depth exceeded");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(ws.call(GETBLOCKCOUNT)).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":5,\"error\":null,\"id\":1}");
    }

    @Test
    void stubResultSends16MegabyteRepliesInBothModes(SimulatedNode node) throws Exception {
        String big = "\"" + "ab".repeat(8 * 1024 * 1024) + "\"";
        node.stubResult("getblock", big);
        String request = Http.rpc(7, "getblock", "[\"whatever\"]");
        String expected = "{\"jsonrpc\":\"1.0\",\"result\":" + big + ",\"error\":null,\"id\":7}";
        WsRecorder ws = open(node);

        HttpResponse<String> response = Http.post(node, request);
        String frame = ws.call(request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().length()).isEqualTo(expected.length() + 1);
        assertThat(response.body()).isEqualTo(expected + "\n");
        assertThat(frame).isEqualTo(expected);
    }

    @Test
    void sendRawTextReachesEveryOpenSession() throws Exception {
        // A node of its own, so that the wait below sees exactly these two sessions.
        try (SimulatedNode node = SimulatedNode.builder().build().start();
                RawWebSocket authenticated = RawWebSocket.open(node);
                RawWebSocket unauthenticated = RawWebSocket.open(node, null)) {
            Wait.until("both sessions are open on the server", () -> node.openWebSocketSessions() == 2);

            node.sendRawText("this is {not json");

            assertThat(authenticated.readFrame().text()).isEqualTo("this is {not json");
            assertThat(unauthenticated.readFrame().text()).isEqualTo("this is {not json");
        }
    }

    @Test
    void requestsAreCountedPerMethodIncludingBatchEntries(SimulatedNode node) throws Exception {
        WsRecorder ws = open(node);

        Http.post(node, GETBLOCKCOUNT);
        ws.call(GETBLOCKCOUNT);
        Http.post(node, "[" + GETBLOCKCOUNT + "," + Http.rpc(2, "getbestblockhash", "[]") + "]");
        // A notification: btcd closes the socket without executing it, so it is not counted.
        RawHttp.post(node, "{\"jsonrpc\":\"2.0\",\"method\":\"getblockcount\",\"params\":[]}");

        assertThat(node.requestCount("getblockcount")).isEqualTo(3);
        assertThat(node.requestCount("getbestblockhash")).isEqualTo(1);
        assertThat(node.requestCount("nosuchmethod")).isZero();
        assertThat(node.totalRequests()).isEqualTo(4);
    }

    @Test
    void resetControlsRestoresNormalAnswers(SimulatedNode node) throws Exception {
        node.failWith("getblockcount", -1, "boom");
        node.httpStatus("getblockcount", 500, "no");
        node.delay("getblockcount", Duration.ofSeconds(30));
        node.stubResult("getblockcount", "42");

        node.resetControls();

        assertThat(Http.post(node, GETBLOCKCOUNT).body())
                .isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":5,\"error\":null,\"id\":1}\n");
    }

    @Test
    void dropConnectionsClosesWebsocketsWithoutACloseFrame(SimulatedNode node) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(node)) {
            ws.call(Http.rpc(1, "ping", "[]"));

            node.dropConnections();

            ws.assertDroppedWithoutAnyFrame();
        }
        Wait.until("no session is open", () -> node.openWebSocketSessions() == 0);
        assertThat(open(node).call(Http.rpc(2, "ping", "[]"))).contains("\"id\":2");
    }
}
