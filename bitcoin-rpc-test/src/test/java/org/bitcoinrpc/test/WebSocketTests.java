package org.bitcoinrpc.test;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The websocket on {@code /ws} as btcd runs it: authentication (fixtures {@code ws-authenticate*},
 * {@code ws-handshake-wrong-password}, {@code ws-unauthenticated-command}), error replies
 * ({@code ws-errors}), block notifications ({@code ws-notifyblocks*}, {@code ws-stopnotifyblocks})
 * and batches ({@code ws-batch}).
 */
class WebSocketTests {

    @RegisterExtension
    static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(SimulatedNode.builder()
            .user("btcuser").password("btcpass").initialHeight(135));

    private final List<WsRecorder> sessions = new ArrayList<>();

    @AfterEach
    void closeSessions() {
        this.sessions.forEach(WsRecorder::closeQuietly);
    }

    private WsRecorder open(SimulatedNode node, boolean withHeader) {
        WsRecorder recorder = withHeader ? WsRecorder.connectAuthenticated(node) : WsRecorder.connect(node, null);
        this.sessions.add(recorder);
        return recorder;
    }

    @Test
    void authenticateAsFirstMessageOpensTheSession(SimulatedNode node) throws Exception {
        WsRecorder ws = open(node, false);

        assertThat(ws.call("{\"jsonrpc\":\"1.0\",\"id\":0,\"method\":\"authenticate\",\"params\":[\"btcuser\",\"btcpass\"]}"))
                .isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":0}");
        String session = ws.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"session\",\"params\":[]}");
        assertThat(session).matches("\\{\"jsonrpc\":\"1.0\",\"result\":\\{\"sessionid\":[0-9]+\\},\"error\":null,\"id\":1\\}");
        BigInteger sessionId = Json.parse(session).get("result").get("sessionid").bigIntegerValue();
        assertThat(sessionId).as("a uint64 beyond Long.MAX_VALUE").isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
        assertThat(node.requestCount("authenticate")).isPositive();
    }

    @Test
    void wrongPasswordDropsTheConnectionWithoutReply(SimulatedNode node) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(node, null)) {
            ws.sendText("{\"jsonrpc\":\"1.0\",\"id\":0,\"method\":\"authenticate\",\"params\":[\"btcuser\",\"wrong\"]}");

            ws.assertDroppedWithoutAnyFrame();
        }
    }

    @Test
    void anotherFirstCommandDropsTheConnectionWithoutReply(SimulatedNode node) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(node, null)) {
            ws.sendText("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]}");

            ws.assertDroppedWithoutAnyFrame();
        }
    }

    @Test
    void malformedFirstMessageDropsTheConnection(SimulatedNode node) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(node, null)) {
            ws.sendText("{\"jsonrpc\":\"1.0\",\"id\":1,");

            ws.assertDroppedWithoutAnyFrame();
        }
    }

    @Test
    void authenticateOnAnAuthenticatedSessionDropsIt(SimulatedNode node) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(node)) {
            ws.sendText("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"authenticate\",\"params\":[\"btcuser\",\"btcpass\"]}");

            ws.assertDroppedWithoutAnyFrame();
        }
    }

    @Test
    void secondAuthenticateAfterTheFirstDropsTheSession(SimulatedNode node) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(node, null)) {
            String authenticate = "{\"jsonrpc\":\"1.0\",\"id\":0,\"method\":\"authenticate\",\"params\":[\"btcuser\",\"btcpass\"]}";
            assertThat(ws.call(authenticate)).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":0}");

            ws.sendText(authenticate);

            ws.assertDroppedWithoutAnyFrame();
        }
    }

    @Test
    void wrongCredentialsOnTheUpgradeGetA401(SimulatedNode node) {
        assertThatThrownBy(() -> WsRecorder.connect(node, WsRecorder.basic("btcuser", "wrong")))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        ex -> assertThat(ex.getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void upgradeReplyCarriesOnlyBtcdsHeadersAndNoExtension(SimulatedNode node) throws Exception {
        RawHttp.Exchange ok = upgrade(node, RawHttp.basic("btcuser", "btcpass"));
        RawHttp.Exchange refused = upgrade(node, RawHttp.basic("btcuser", "wrong"));

        assertThat(ok.statusLine()).startsWith("HTTP/1.1 101");
        assertThat(ok.headerNames()).extracting(name -> name.toLowerCase(Locale.ROOT))
                .containsExactlyInAnyOrder("upgrade", "connection", "sec-websocket-accept");
        assertThat(ok.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(refused.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
        assertThat(refused.header("Www-Authenticate")).isEqualTo("Basic realm=\"btcd RPC\"");
        assertThat(refused.bodyText()).isEqualTo("401 Unauthorized.\n");
    }

    /**
     * btcd serves the websocket at {@code /ws} only; Go's ServeMux sends every other path
     * ({@code /}, {@code /ws/}, {@code /x}) to the HTTP POST handler. With the right credentials it
     * reads the upgrade's empty body, hijacks the connection, fails to parse the body and, having
     * no id to answer to, closes the connection without writing a byte (as for
     * {@code btcd/http-malformed-json.json}). Without credentials that handler answers 401, as on
     * any POST ({@code btcd/http-401-no-auth.json}).
     */
    @Test
    void upgradeAtAnyOtherPathIsClosedWithoutAByteOrRefusedWithout401(SimulatedNode node) throws Exception {
        for (String path : new String[] { "/", "/ws/", "/websocket" }) {
            RawHttp.Exchange closed = RawHttp.exchange(node, upgradeRequest(node, path, RawHttp.basic("btcuser", "btcpass")));
            assertThat(closed.raw()).as(path).isEmpty();
            assertThat(closed.eofSeen()).as(path).isTrue();

            RawHttp.Exchange refused = RawHttp.exchange(node, upgradeRequest(node, path, null));
            assertThat(refused.statusLine()).as(path).isEqualTo("HTTP/1.1 401 Unauthorized");
            assertThat(refused.header("Www-Authenticate")).isEqualTo("Basic realm=\"btcd RPC\"");
            assertThat(refused.bodyText()).isEqualTo("401 Unauthorized.\n");
        }
    }

    private static String upgradeRequest(SimulatedNode node, String path, @org.jspecify.annotations.Nullable String authorization) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + node.port() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + ((authorization != null) ? "Authorization: " + authorization + "\r\n" : "") + "\r\n";
    }

    private static RawHttp.Exchange upgrade(SimulatedNode node, String authorization) throws Exception {
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + node.port() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                + "Authorization: " + authorization + "\r\n\r\n";
        try (Socket socket = RawHttp.connect(node)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return RawHttp.readOne(in);
        }
    }

    @Test
    void badRequestsGetBtcdsErrorsAndTheSessionStaysUsable(SimulatedNode node) throws Exception {
        WsRecorder ws = open(node, true);
        int height = node.blockCount();
        String[] sent = {
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"nosuchmethod\",\"params\":[]}",
            "{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"getblockhash\",\"params\":[\"x\"]}",
            "{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"getblockcount\",\"params\":[",
            "{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"getblockcount\",\"params\":{}}",
            "{\"jsonrpc\":\"1.0\",\"id\":5,\"params\":[]}",
            "{\"jsonrpc\":\"1.0\",\"method\":\"getblockcount\",\"params\":[]}",
            "{\"id\":7,\"method\":\"getblockcount\",\"params\":[]}",
            "{\"jsonrpc\":\"1.0\",\"id\":8,\"method\":\"getblockcount\"}",
            "{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"getblockcount\",\"params\":[]}"};
        for (String message : sent) {
            ws.send(message);
        }

        assertThat(ws.next(7)).containsExactly(
                "{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}",
                "{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":-32602,"
                        + "\"message\":\"parameter #1 'index' must be type int64 (got string)\"},\"id\":2}",
                "{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":-32700,"
                        + "\"message\":\"Failed to parse request: unexpected end of JSON input\"},\"id\":null}",
                "{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":-32700,\"message\":\"Failed to parse request: "
                        + "json: cannot unmarshal object into Go struct field .params of type []interface {}\"},\"id\":null}",
                "{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid request: malformed\"},\"id\":5}",
                "{\"jsonrpc\":\"1.0\",\"result\":" + height + ",\"error\":null,\"id\":8}",
                "{\"jsonrpc\":\"1.0\",\"result\":" + height + ",\"error\":null,\"id\":9}");
    }

    @Test
    void notifyblocksSendsBlockconnectedThenFilteredblockconnectedPerBlock(SimulatedNode node) throws Exception {
        WsRecorder ws = open(node, true);
        assertThat(ws.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"notifyblocks\",\"params\":[]}"))
                .isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":1}");

        ws.send("{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"generate\",\"params\":[3]}");
        List<String> received = ws.next(7);

        String reply = received.stream().filter(m -> m.contains("\"id\":2")).findFirst().orElseThrow();
        JsonNode hashes = Json.parse(reply).get("result");
        List<String> notifications = received.stream().filter(m -> !m.contains("\"id\":2")).toList();
        assertThat(notifications).hasSize(6);
        for (int i = 0; i < 3; i++) {
            String hash = hashes.get(i).stringValue();
            JsonNode header = Json.parse(RawHttp.post(node, Http.rpc(1, "getblockheader", "[\"" + hash + "\"]")).bodyText())
                    .get("result");
            String headerHex = Json.parse(RawHttp.post(node, Http.rpc(1, "getblockheader", "[\"" + hash + "\",false]"))
                    .bodyText()).get("result").stringValue();
            int height = header.get("height").intValue();
            assertThat(notifications.get(2 * i)).isEqualTo("{\"jsonrpc\":\"1.0\",\"method\":\"blockconnected\",\"params\":[\""
                    + hash + "\"," + height + "," + header.get("time").longValue() + "],\"id\":null}");
            assertThat(notifications.get(2 * i + 1)).isEqualTo("{\"jsonrpc\":\"1.0\",\"method\":\"filteredblockconnected\","
                    + "\"params\":[" + height + ",\"" + headerHex + "\",null],\"id\":null}");
        }
    }

    @Test
    void javaGenerateNotifiesToo(SimulatedNode node) throws Exception {
        WsRecorder ws = open(node, true);
        ws.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"notifyblocks\",\"params\":[]}");

        String hash = node.generate(1).get(0);

        assertThat(ws.next()).startsWith("{\"jsonrpc\":\"1.0\",\"method\":\"blockconnected\",\"params\":[\"" + hash + "\",");
        assertThat(ws.next()).startsWith("{\"jsonrpc\":\"1.0\",\"method\":\"filteredblockconnected\"");
    }

    @Test
    void stopnotifyblocksStopsNotifications(SimulatedNode node) throws Exception {
        WsRecorder ws = open(node, true);
        ws.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"notifyblocks\",\"params\":[]}");
        assertThat(ws.call("{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"stopnotifyblocks\",\"params\":[]}"))
                .isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":2}");

        ws.send("{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"generate\",\"params\":[1]}");
        ws.send("{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"getblockcount\",\"params\":[]}");

        // Replies and notifications share one ordered queue per session: any notification would come first.
        assertThat(ws.next()).contains("\"id\":3").doesNotContain("blockconnected");
        assertThat(ws.next()).contains("\"id\":4");
    }

    @Test
    void sessionsWithoutNotifyblocksGetNoNotifications(SimulatedNode node) throws Exception {
        WsRecorder quiet = open(node, true);
        WsRecorder listening = open(node, true);
        listening.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"notifyblocks\",\"params\":[]}");

        node.generate(1);
        listening.next(2);

        assertThat(quiet.call("{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"ping\",\"params\":[]}"))
                .isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":5}");
    }

    @Test
    void batchIsAnsweredInOneFrame(SimulatedNode node) throws Exception {
        WsRecorder ws = open(node, true);

        String reply = ws.call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"getbestblockhash\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nosuchmethod\",\"params\":[]}]");

        assertThat(reply).isEqualTo("[{\"jsonrpc\":\"2.0\",\"result\":" + node.blockCount() + ",\"error\":null,\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"result\":\"" + node.bestBlockHash() + "\",\"error\":null,\"id\":2},"
                + "{\"jsonrpc\":\"2.0\",\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":3}]");
    }

    @Test
    void websocketHelpIncludesTheWebsocketCommands(SimulatedNode node) throws Exception {
        WsRecorder ws = open(node, true);

        String usage = Json.parse(ws.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"help\",\"params\":[]}"))
                .get("result").stringValue();

        assertThat(usage.split("\n")).contains("notifyblocks", "session", "getblockcount");
    }

    @Test
    void openSessionsAreCounted() throws Exception {
        // A node of its own: sessions of other tests may still be closing on the shared one.
        try (SimulatedNode node = SimulatedNode.builder().build().start();
                RawWebSocket first = RawWebSocket.open(node); RawWebSocket second = RawWebSocket.open(node)) {
            first.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\",\"params\":[]}");
            second.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\",\"params\":[]}");

            assertThat(node.openWebSocketSessions()).isEqualTo(2);
            first.sendClose(1000);
            assertThat(first.readFrame().opcode()).isEqualTo(8);
            Wait.until("the closed session is forgotten", () -> node.openWebSocketSessions() == 1);
        }
    }

    @Test
    void clientCloseIsEchoedWithAnEmptyCloseFrame(SimulatedNode node) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(node)) {
            ws.call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\",\"params\":[]}");

            ws.sendClose(1000);

            RawWebSocket.Frame close = ws.readFrame();
            assertThat(close.opcode()).isEqualTo(8);
            assertThat(close.payload()).as("no status code, as btcd").isEmpty();
        }
    }
}
