package org.bitcoinrpc.test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start, stop and restart on the same port, keeping the chain and the controls. */
class LifecycleTests {

    private static final String GETBLOCKCOUNT = Http.rpc(1, "getblockcount", "[]");

    @Test
    void restartKeepsThePortTheChainAndTheControls() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().initialHeight(10).build().start()) {
            int port = node.port();
            node.generate(2);
            node.failWith("uptime", -1, "nope");
            Http.post(node, GETBLOCKCOUNT);

            node.restart();

            assertThat(node.port()).isEqualTo(port);
            assertThat(node.isRunning()).isTrue();
            assertThat(Http.post(node, GETBLOCKCOUNT).body())
                    .isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":12,\"error\":null,\"id\":1}\n");
            assertThat(Http.post(node, Http.rpc(2, "uptime", "[]")).body()).contains("\"message\":\"nope\"");
            assertThat(node.requestCount("getblockcount")).isEqualTo(2);
        }
    }

    @Test
    void stopDropsWebsocketsWithoutACloseFrameAndRestartAcceptsNewOnes() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            try (RawWebSocket ws = RawWebSocket.open(node)) {
                ws.call(Http.rpc(1, "notifyblocks", "[]"));

                node.stop();

                ws.assertDroppedWithoutAnyFrame();
            }
            assertThat(node.isRunning()).isFalse();
            assertThat(node.openWebSocketSessions()).isZero();
            node.start();
            WsRecorder again = WsRecorder.connectAuthenticated(node);
            try {
                assertThat(again.call(GETBLOCKCOUNT)).contains("\"result\":0");
            }
            finally {
                again.closeQuietly();
            }
        }
    }

    @Test
    void stoppedNodeRefusesConnections() throws Exception {
        SimulatedNode node = SimulatedNode.builder().build().start();
        int port = node.port();
        node.close();

        assertThatThrownBy(() -> new Socket(SimulatedNode.HOST, port).close()).isInstanceOf(ConnectException.class);
        node.stop();
    }

    @Test
    void restartsBackToBackAlwaysRebindTheSamePort() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            int port = node.port();
            for (int i = 0; i < 10; i++) {
                // A connection in flight on each round leaves sockets in TIME_WAIT on the port.
                RawHttp.post(node, GETBLOCKCOUNT);
                node.restart();
                assertThat(node.port()).isEqualTo(port);
            }
            assertThat(RawHttp.post(node, GETBLOCKCOUNT).bodyText()).contains("\"result\":0");
        }
    }

    @Test
    void fixedPortIsUsed() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(SimulatedNode.HOST))) {
            free = probe.getLocalPort();
        }
        try (SimulatedNode node = SimulatedNode.builder().port(free).build()) {
            assertThat(node.port()).isEqualTo(free);
            node.start();
            assertThat(node.httpUrl()).isEqualTo("http://127.0.0.1:" + free + "/");
            assertThat(node.wsUrl()).isEqualTo("ws://127.0.0.1:" + free + "/ws");
            assertThat(Http.post(node, GETBLOCKCOUNT).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void misuseIsReported() throws IOException {
        SimulatedNode node = SimulatedNode.builder().build();
        assertThatThrownBy(node::port).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(node::certificatePem).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TLS");
        node.start();
        try {
            assertThatThrownBy(node::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        }
        finally {
            node.close();
        }
        assertThatThrownBy(() -> SimulatedNode.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatedNode.builder().user("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> node.delay("x", Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepAliveModeAnswersWithContentLengthOnOneConnection() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().connectionClose(false).initialHeight(3).build().start();
                Socket socket = RawHttp.connect(node)) {
            String request = RawHttp.postRequest(GETBLOCKCOUNT, RawHttp.basic(node.user(), node.password()));
            String expected = "{\"jsonrpc\":\"1.0\",\"result\":3,\"error\":null,\"id\":1}\n";
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                RawHttp.Exchange exchange = RawHttp.readOne(socket.getInputStream());
                assertThat(exchange.statusLine()).isEqualTo("HTTP/1.1 200 OK");
                assertThat(exchange.header("Connection")).isNull();
                assertThat(exchange.header("Content-Length")).isEqualTo(Integer.toString(expected.length()));
                assertThat(exchange.bodyText()).isEqualTo(expected);
            }
        }
    }
}
