package org.bitcoinrpc.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SimulatedNode#freezeConnections()}: open websocket sessions turn half-open (silent, TCP kept)
 * while new sessions are normal, and {@link SimulatedNode#dropConnections()} still closes them. Raw
 * sockets show exactly what crosses the wire (no pong, no close frame, no end of stream). Each test
 * has a node of its own.
 */
class HalfOpenConnectionTests {

    /** How long "nothing arrives" is watched for. */
    private static final Duration QUIET = Duration.ofMillis(500);

    private static final byte[] PING = "are you there".getBytes(StandardCharsets.UTF_8);

    private static void assertPong(RawWebSocket ws) throws Exception {
        ws.sendPing(PING);
        RawWebSocket.Frame pong = ws.readFrame();
        assertThat(pong.opcode()).as("a pong").isEqualTo(0xA);
        assertThat(pong.payload()).isEqualTo(PING);
    }

    @Test
    void pingsAreAnsweredWithAPongBeforeFreezing() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start(); RawWebSocket ws = RawWebSocket.open(node)) {
            assertPong(ws);
            assertThat(ws.call(Http.rpc(1, "ping", "[]"))).contains("\"id\":1");
            assertPong(ws);
        }
    }

    @Test
    void frozenSessionAnswersNothingButKeepsItsConnectionUntilDropped() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start(); RawWebSocket frozen = RawWebSocket.open(node)) {
            frozen.call(Http.rpc(1, "notifyblocks", "[]"));
            frozen.call(Http.rpc(2, "notifynewtransactions", "[]"));
            long pingsBefore = node.requestCount("ping");

            node.freezeConnections();
            frozen.sendPing(PING);
            frozen.sendText(Http.rpc(3, "ping", "[]"));
            node.generate(1);
            node.submitTransaction("0badf00d");

            frozen.assertSilentAndOpenFor(QUIET);
            assertThat(node.requestCount("ping")).as("requests on a frozen session are not executed").isEqualTo(pingsBefore);
            assertThat(node.openWebSocketSessions()).isEqualTo(1);
            assertThat(node.frozenWebSocketSessions()).isEqualTo(1);
            try (RawWebSocket fresh = RawWebSocket.open(node)) {
                assertPong(fresh);
                assertThat(fresh.call(Http.rpc(4, "ping", "[]"))).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":4}");
                assertThat(node.frozenWebSocketSessions()).as("new sessions are normal").isEqualTo(1);

                node.dropConnections();

                frozen.assertDroppedWithoutAnyFrame();
                fresh.assertDroppedWithoutAnyFrame();
            }
            Wait.until("every session is forgotten", () -> node.openWebSocketSessions() == 0);
        }
    }

    @Test
    void frozenSessionDoesNotAnswerACloseFrame() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start(); RawWebSocket frozen = RawWebSocket.open(node)) {
            frozen.call(Http.rpc(1, "ping", "[]"));
            node.freezeConnections();

            frozen.sendClose(1000);

            frozen.assertSilentAndOpenFor(QUIET);
            Wait.until("the closed session is forgotten", () -> node.openWebSocketSessions() == 0);
            node.dropConnections();
            frozen.assertDroppedWithoutAnyFrame();
        }
    }

    @Test
    void clientClosingAFrozenSessionIsNoticed() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            RawWebSocket frozen = RawWebSocket.open(node);
            frozen.call(Http.rpc(1, "ping", "[]"));
            node.freezeConnections();

            frozen.close();

            Wait.until("the abandoned session is forgotten", () -> node.openWebSocketSessions() == 0);
        }
    }

    @Test
    void restartDropsFrozenSessions() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start(); RawWebSocket frozen = RawWebSocket.open(node)) {
            frozen.call(Http.rpc(1, "ping", "[]"));
            node.freezeConnections();

            node.restart();

            frozen.assertDroppedWithoutAnyFrame();
            assertThat(node.frozenWebSocketSessions()).isZero();
        }
    }
}
