package org.bitcoinrpc.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@link SimulatedNode#subscriptionCounts()}, {@link SimulatedNode#sessionSubscriptions()},
 * {@link SimulatedNode#watchedOutpoints()} and {@link SimulatedNode#watchedAddresses()}: what each
 * open session registered, as a reconnecting client's tests check it. Each test has a node of its own.
 */
class SubscriptionIntrospectionTests {

    private static final String OUTPOINT_1 = "{\"hash\":\"" + "aa".repeat(32) + "\",\"index\":0}";

    private static final String OUTPOINT_2 = "{\"hash\":\"" + "bb".repeat(32) + "\",\"index\":1}";

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

    private static void call(WsRecorder ws, String method, String params) throws Exception {
        assertThat(ws.call(Http.rpc(1, method, params))).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":1}");
    }

    private static String address(int n) {
        return "\"" + SimnetTransactions.address(n) + "\"";
    }

    @Test
    void aFreshNodeHasEveryKindAtZero() {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            assertThat(node.subscriptionCounts()).containsExactly(entry("notifyblocks", 0), entry("notifynewtransactions", 0),
                    entry("notifyspent", 0), entry("notifyreceived", 0), entry("loadtxfilter", 0));
            assertThat(node.sessionSubscriptions()).isEmpty();
            assertThat(node.watchedOutpoints()).isZero();
            assertThat(node.watchedAddresses()).isZero();
        }
    }

    @Test
    void eachOpenSessionIsCountedOncePerKind() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            WsRecorder everything = open(node);
            WsRecorder blocksOnly = open(node);
            WsRecorder nothing = open(node);
            call(everything, "notifyblocks", "[]");
            call(everything, "notifynewtransactions", "[true]");
            call(everything, "notifyspent", "[[" + OUTPOINT_1 + "," + OUTPOINT_2 + "]]");
            call(everything, "notifyspent", "[[" + OUTPOINT_1 + "]]");
            call(everything, "notifyreceived", "[[" + address(1) + "]]");
            call(everything, "loadtxfilter", "[true,[" + address(2) + "," + address(3) + "],[" + OUTPOINT_1 + "]]");
            call(blocksOnly, "notifyblocks", "[]");
            call(blocksOnly, "notifyblocks", "[]");
            call(nothing, "ping", "[]");

            assertThat(node.subscriptionCounts()).containsExactly(entry("notifyblocks", 2), entry("notifynewtransactions", 1),
                    entry("notifyspent", 1), entry("notifyreceived", 1), entry("loadtxfilter", 1));
            assertThat(node.sessionSubscriptions()).containsExactlyInAnyOrder(
                    Set.of("notifyblocks", "notifynewtransactions", "notifyspent", "notifyreceived", "loadtxfilter"),
                    Set.of("notifyblocks"), Set.of());
            assertThat(node.watchedOutpoints()).as("2 spent watches (the repeat is one) + 1 filter outpoint").isEqualTo(3);
            assertThat(node.watchedAddresses()).isEqualTo(3);
        }
    }

    @Test
    void stopCommandsAndClosedSessionsAreNoLongerCounted() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            WsRecorder ws = open(node);
            WsRecorder other = open(node);
            call(ws, "notifyblocks", "[]");
            call(ws, "notifynewtransactions", "[]");
            call(ws, "notifyspent", "[[" + OUTPOINT_1 + "," + OUTPOINT_2 + "]]");
            call(ws, "notifyreceived", "[[" + address(1) + "," + address(2) + "]]");
            call(other, "notifyblocks", "[]");

            call(ws, "stopnotifyblocks", "[]");
            call(ws, "stopnotifynewtransactions", "[]");
            call(ws, "stopnotifyspent", "[[" + OUTPOINT_1 + "]]");
            call(ws, "stopnotifyreceived", "[[" + address(1) + "]]");

            assertThat(node.subscriptionCounts()).contains(entry("notifyblocks", 1), entry("notifynewtransactions", 0),
                    entry("notifyspent", 1), entry("notifyreceived", 1));
            assertThat(node.watchedOutpoints()).isEqualTo(1);
            assertThat(node.watchedAddresses()).isEqualTo(1);

            other.webSocket().sendClose(1000, "").join();
            Wait.until("the closed session is forgotten", () -> node.subscriptionCounts().get("notifyblocks") == 0);
        }
    }

    @Test
    void aRestartForgetsEverySubscription() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            call(open(node), "notifyblocks", "[]");

            node.restart();

            assertThat(node.subscriptionCounts().values()).containsOnly(0);
        }
    }

    @Test
    void frozenSessionsAreLeftOutAsDead() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            call(open(node), "notifyblocks", "[]");
            call(open(node), "notifyreceived", "[[" + address(1) + "]]");

            node.freezeConnections();
            WsRecorder reconnected = open(node);
            call(reconnected, "notifyblocks", "[]");

            Map<String, Integer> counts = node.subscriptionCounts();
            assertThat(counts).contains(entry("notifyblocks", 1), entry("notifyreceived", 0));
            assertThat(node.sessionSubscriptions()).containsExactly(Set.of("notifyblocks"));
            assertThat(node.watchedAddresses()).isZero();
            assertThat(node.openWebSocketSessions()).isEqualTo(3);
        }
    }

    @Test
    void outputsPayingAWatchedAddressAreWatchedForSpending() throws Exception {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            WsRecorder ws = open(node);
            call(ws, "notifyreceived", "[[" + address(1) + "]]");
            String payment = SimnetTransactions.spend("cc".repeat(32), 0, SimnetTransactions.address(1), 1_000);

            String txid = node.submitTransaction(payment);
            ws.next();
            assertThat(node.watchedOutpoints()).isEqualTo(1);
            node.submitTransaction(SimnetTransactions.spend(txid, 0, SimnetTransactions.address(2), 900));
            assertThat(ws.next()).startsWith("{\"jsonrpc\":\"1.0\",\"method\":\"redeemingtx\",\"params\":[\"");
            node.generate(1);

            assertThat(ws.next(2)).extracting(frame -> Json.parse(frame).get("method").stringValue())
                    .containsExactly("recvtx", "redeemingtx");
            Wait.until("the mined spend ends the watch", () -> node.watchedOutpoints() == 0);
            assertThat(node.subscriptionCounts()).containsEntry("notifyspent", 0).containsEntry("notifyreceived", 1);
        }
    }
}
