package org.bitcoinrpc.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mining while no websocket session is open (or before the node ever started) changes the chain
 * and notifies nobody; a client that connects later sees the whole chain and is notified only of
 * what happens after it subscribed. Each test has a node of its own.
 */
class MiningWithoutClientsTests {

    private final List<WsRecorder> sessions = new ArrayList<>();

    @AfterEach
    void closeSessions() {
        this.sessions.forEach(WsRecorder::closeQuietly);
    }

    private WsRecorder open(SimulatedNode node) {
        WsRecorder ws = WsRecorder.connectAuthenticated(node);
        this.sessions.add(ws);
        return ws;
    }

    @Test
    void blocksMinedWithNoSessionAreSeenByAClientThatConnectsLater() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().initialHeight(5).build().start()) {
            assertThat(node.openWebSocketSessions()).isZero();
            List<String> mined = new ArrayList<>(node.generate(3));
            String overHttp = RawHttp.post(node, Http.rpc(1, "generate", "[2]")).bodyText();
            mined.addAll(List.of(node.blockHash(9), node.blockHash(10)));
            node.reorg(2);

            WsRecorder ws = open(node);

            assertThat(overHttp).contains("\"" + mined.get(3) + "\",\"" + mined.get(4) + "\"");
            assertThat(node.blockCount()).isEqualTo(11);
            assertThat(ws.call(Http.rpc(2, "getblockcount", "[]"))).contains("\"result\":11,");
            assertThat(ws.call(Http.rpc(3, "getbestblockhash", "[]"))).contains("\"result\":\"" + node.bestBlockHash() + "\"");
            assertThat(ws.call(Http.rpc(4, "getblockhash", "[6]"))).contains("\"result\":\"" + mined.get(0) + "\"");
            ws.call(Http.rpc(5, "notifyblocks", "[]"));

            String next = node.generate(1).get(0);

            assertThat(ws.next()).isEqualTo("{\"jsonrpc\":\"1.0\",\"method\":\"blockconnected\",\"params\":[\"" + next
                    + "\",12," + node.blockTime(12) + "],\"id\":null}");
        }
    }

    @Test
    void blocksMinedBeforeTheFirstStartAreServedOnceStarted() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build()) {
            List<String> mined = node.generate(4);
            node.disconnectTip();
            node.start();

            WsRecorder ws = open(node);

            assertThat(ws.call(Http.rpc(1, "getblockcount", "[]"))).contains("\"result\":3,");
            assertThat(ws.call(Http.rpc(2, "getbestblockhash", "[]"))).contains("\"result\":\"" + mined.get(2) + "\"");
            assertThat(ws.call(Http.rpc(3, "getblockheader", "[\"" + mined.get(3) + "\",false]")))
                    .as("the disconnected block is stale, still known").contains("\"error\":null");
        }
    }
}
