package org.bitcoinrpc.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages above 64 MB are accepted over HTTP POST and as one websocket frame, and a 16 MB reply
 * leaves as one websocket frame, as gorilla (btcd's websocket library) writes it. The websocket side
 * uses {@link RawWebSocket}: the JDK's client corrupts text messages of 32 MB and more.
 */
class LargeMessageTests {

    @RegisterExtension
    static final SimulatedNodeExtension NODE = new SimulatedNodeExtension();

    private static final String REPLY = "{\"jsonrpc\":\"1.0\",\"result\":0,\"error\":null,\"id\":1}";

    @AfterEach
    void reset(SimulatedNode node) {
        node.resetControls();
    }

    /** A getblockcount request padded past 65 MB with a member btcd ignores. */
    private static String hugeRequest() {
        return "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[],\"pad\":\""
                + "x".repeat(65 * 1024 * 1024) + "\"}";
    }

    @Test
    void httpAcceptsA65MegabyteBody(SimulatedNode node) throws Exception {
        HttpResponse<String> response = Http.post(node, hugeRequest());

        assertThat(response.body()).isEqualTo(REPLY + "\n");
    }

    @Test
    void websocketAcceptsA65MegabyteMessage(SimulatedNode node) throws Exception {
        try (RawWebSocket ws = RawWebSocket.open(node)) {
            ws.sendText(hugeRequest());

            RawWebSocket.Frame frame = ws.readFrame();
            assertThat(frame.fin()).isTrue();
            assertThat(frame.text()).isEqualTo(REPLY);
        }
    }

    @Test
    void websocketSendsA16MegabyteReplyAsOneFrame(SimulatedNode node) throws Exception {
        String big = "\"" + "a".repeat(16 * 1024 * 1024) + "\"";
        node.stubResult("getblock", big);
        try (RawWebSocket ws = RawWebSocket.open(node)) {
            ws.sendText(Http.rpc(1, "getblock", "[]"));

            RawWebSocket.Frame frame = ws.readFrame();
            assertThat(frame.fin()).isTrue();
            assertThat(frame.opcode()).isEqualTo(1);
            assertThat(frame.text()).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":" + big + ",\"error\":null,\"id\":1}");
        }
    }
}
