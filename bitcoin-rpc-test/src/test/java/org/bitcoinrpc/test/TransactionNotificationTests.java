package org.bitcoinrpc.test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Websocket transaction notifications, replayed from btcd's transcripts: the fixtures' requests are
 * sent as recorded and the node must answer with the recorded frames (block hashes, heights, times
 * and headers replaced by the simulated chain's), in any order between a reply and its
 * notifications (README, surprise 9). The fixtures' transactions are real, so their outputs drive
 * {@code recvtx}, {@code redeemingtx} and the filters. Each test has a node of its own.
 */
class TransactionNotificationTests {

    private static final Pattern DETAILS = Pattern.compile("\\{\"height\":(\\d+),\"hash\":\"([0-9a-f]{64})\",\"index\":\\d+,\"time\":(\\d+)}");

    private static final Pattern CONNECTED = Pattern.compile("\\[\"([0-9a-f]{64})\",(\\d+),(\\d+)]");

    private static final Pattern FILTERED = Pattern.compile("\\[(\\d+),\"([0-9a-f]{160})\",");

    private final List<WsRecorder> sessions = new ArrayList<>();

    @AfterEach
    void closeSessions() {
        this.sessions.forEach(WsRecorder::closeQuietly);
    }

    private static SimulatedNode startNode() {
        return SimulatedNode.builder().user("btcuser").password("btcpass").initialHeight(130).build().start();
    }

    private WsRecorder open(SimulatedNode node) {
        WsRecorder ws = WsRecorder.connectAuthenticated(node);
        this.sessions.add(ws);
        return ws;
    }

    /**
     * Sends the fixture's frames in order; after each, reads as many frames as btcd sent before the
     * next request and compares them, in any order, with btcd's (block values translated).
     */
    private static void replay(SimulatedNode node, WsRecorder ws, String fixture) throws Exception {
        JsonNode messages = Fixtures.fixture(fixture).get("messages");
        int i = 0;
        while (i < messages.size()) {
            JsonNode out = messages.get(i++).get("json");
            List<String> expected = new ArrayList<>();
            while (i < messages.size() && "in".equals(messages.get(i).get("dir").stringValue())) {
                expected.add(WsFixture.compact(messages.get(i++).get("json")));
            }
            ws.send(WsFixture.compact(out));
            List<String> received = ws.next(expected.size());
            if ("generate".equals(out.get("method").stringValue())) {
                expected = translateBlock(node, expected, received);
            }
            assertThat(received).as("replies to %s", out).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Replaces the recorded block's hash, height, time and header by those of the block the node mined. */
    private static List<String> translateBlock(SimulatedNode node, List<String> expected, List<String> received) {
        String reply = received.stream().filter(frame -> frame.startsWith("{\"jsonrpc\":\"1.0\",\"result\":"))
                .findFirst().orElseThrow();
        String hash = Json.parse(reply).get("result").get(0).stringValue();
        int height = node.blockCount();
        long time = node.blockTime(height);
        String recordedHash = null;
        String recordedHeight = null;
        String recordedTime = null;
        String recordedHeader = null;
        for (String frame : expected) {
            Matcher details = DETAILS.matcher(frame);
            Matcher connected = CONNECTED.matcher(frame);
            if (details.find()) {
                recordedHeight = details.group(1);
                recordedHash = details.group(2);
                recordedTime = details.group(3);
            }
            else if (frame.contains("\"blockconnected\"") && connected.find()) {
                recordedHash = connected.group(1);
                recordedHeight = connected.group(2);
                recordedTime = connected.group(3);
            }
            Matcher filtered = FILTERED.matcher(frame);
            if (frame.contains("\"filteredblockconnected\"") && filtered.find()) {
                recordedHeader = filtered.group(2);
            }
        }
        assertThat(recordedHash).as("a block in the recorded frames").isNotNull();
        String header = received.stream().filter(frame -> frame.contains("\"filteredblockconnected\"")).findFirst()
                .map(frame -> {
                    Matcher m = FILTERED.matcher(frame);
                    return m.find() ? m.group(2) : "";
                }).orElse("");
        List<String> translated = new ArrayList<>();
        for (String frame : expected) {
            String t = frame.replace("\"height\":" + recordedHeight + ",", "\"height\":" + height + ",")
                    .replace("\"time\":" + recordedTime + "}", "\"time\":" + time + "}")
                    .replace("\"" + recordedHash + "\"," + recordedHeight + "," + recordedTime + "]",
                            "\"" + recordedHash + "\"," + height + "," + time + "]")
                    .replace("[" + recordedHeight + ",\"" + recordedHeader + "\",", "[" + height + ",\"" + header + "\",")
                    .replace(recordedHash, hash);
            translated.add(t);
        }
        return translated;
    }

    @Test
    void txacceptedCarriesTheTxidAndTheTotalOutputAmount() throws Exception {
        try (SimulatedNode node = startNode()) {
            WsRecorder ws = open(node);

            replay(node, ws, "btcd/ws-notifynewtransactions-false.json");

            assertThat(node.mempoolSize()).isEqualTo(1);
        }
    }

    @Test
    void txacceptedverboseCarriesTheDecodedTransaction() throws Exception {
        try (SimulatedNode node = startNode()) {
            replay(node, open(node), "btcd/ws-notifynewtransactions-true.json");
        }
    }

    @Test
    void notifynewtransactionsWithoutParamsHearsHttpSubmissionsAndStopEndsIt() throws Exception {
        try (SimulatedNode node = startNode()) {
            WsRecorder ws = open(node);
            assertThat(ws.call(Http.rpc(1, "notifynewtransactions", "[]")))
                    .isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":1}");
            String hex = SimnetTransactions.spend("22".repeat(32), 3, SimnetTransactions.address(7), 4_999_995_000L);

            String txid = Json.parse(RawHttp.post(node, Http.rpc(2, "sendrawtransaction", "[\"" + hex + "\"]")).bodyText())
                    .get("result").stringValue();

            assertThat(ws.next()).isEqualTo("{\"jsonrpc\":\"1.0\",\"method\":\"txaccepted\",\"params\":[\"" + txid
                    + "\",49.99995],\"id\":null}");
            assertThat(ws.call(Http.rpc(3, "stopnotifynewtransactions", "[]")))
                    .isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":3}");
            node.submitTransaction("0badf00d");
            // Notifications and replies share one ordered queue per session: a txaccepted would come first.
            assertThat(ws.call(Http.rpc(4, "ping", "[]"))).contains("\"id\":4");
        }
    }

    @Test
    void opaqueTransactionsAreAnnouncedWithAZeroAmount() throws Exception {
        try (SimulatedNode node = startNode()) {
            WsRecorder ws = open(node);
            ws.call(Http.rpc(1, "notifynewtransactions", "[false]"));

            String txid = node.submitTransaction("0100deadbeef");

            assertThat(ws.next()).isEqualTo("{\"jsonrpc\":\"1.0\",\"method\":\"txaccepted\",\"params\":[\"" + txid
                    + "\",0],\"id\":null}");
        }
    }

    @Test
    void notifyspentReportsTheSpendInTheMempoolThenMinedAndDropsTheWatch() throws Exception {
        try (SimulatedNode node = startNode()) {
            replay(node, open(node), "btcd/ws-notifyspent.json");

            assertThat(node.watchedOutpoints()).isZero();
            assertThat(node.subscriptionCounts()).containsEntry("notifyspent", 0);
        }
    }

    @Test
    void notifyreceivedReportsPaymentsAndThenWatchesTheirSpending() throws Exception {
        try (SimulatedNode node = startNode()) {
            replay(node, open(node), "btcd/ws-notifyreceived.json");
        }
    }

    @Test
    void loadtxfilterReportsRelevantTransactionsAndFiltersBlocks() throws Exception {
        try (SimulatedNode node = startNode()) {
            replay(node, open(node), "btcd/ws-loadtxfilter.json");
        }
    }

    @Test
    void rescanblocksNeedsAFilterListsMatchingBlocksAndChecksTheirOrder() throws Exception {
        try (SimulatedNode node = startNode()) {
            String payment = Fixtures.fixture("btcd/ws-loadtxfilter.json").get("messages").get(4).get("json")
                    .get("params").get(0).stringValue();
            node.submitTransaction(payment);
            String child = node.generate(1).get(0);
            String parent = node.blockHash(node.blockCount() - 1);
            WsRecorder ws = open(node);
            List<String> sent = WsFixture.sent("btcd/ws-rescanblocks.json");
            List<String> received = WsFixture.received("btcd/ws-rescanblocks.json");

            for (int i = 0; i < sent.size(); i++) {
                String request = sent.get(i).replace("0b074069e4f417c615873d83f94b182a396d75e3fcb1d60d0d6289e031e45462", parent)
                        .replace("03662e19854db13fc95a5310ee409a1bff489d74c53459646c17d07386fa9dba", child);
                String expected = received.get(i).replace("0b074069e4f417c615873d83f94b182a396d75e3fcb1d60d0d6289e031e45462", parent)
                        .replace("03662e19854db13fc95a5310ee409a1bff489d74c53459646c17d07386fa9dba", child);

                assertThat(ws.call(request)).isEqualTo(expected);
            }
        }
    }

    @Test
    void disconnectTipSendsBlockdisconnectedThenFilteredblockdisconnected() throws Exception {
        try (SimulatedNode node = startNode()) {
            WsRecorder listening = open(node);
            WsRecorder quiet = open(node);
            listening.call(Http.rpc(1, "notifyblocks", "[]"));
            int height = node.blockCount();
            String hash = node.bestBlockHash();
            long time = node.blockTime(height);
            String header = Json.parse(RawHttp.post(node, Http.rpc(1, "getblockheader", "[\"" + hash + "\",false]")).bodyText())
                    .get("result").stringValue();

            assertThat(node.disconnectTip()).isEqualTo(hash);

            assertThat(listening.next(2)).containsExactly(
                    "{\"jsonrpc\":\"1.0\",\"method\":\"blockdisconnected\",\"params\":[\"" + hash + "\"," + height + ","
                            + time + "],\"id\":null}",
                    "{\"jsonrpc\":\"1.0\",\"method\":\"filteredblockdisconnected\",\"params\":[" + height + ",\"" + header
                            + "\"],\"id\":null}");
            assertThat(quiet.call(Http.rpc(2, "ping", "[]"))).contains("\"id\":2");
        }
    }

    @Test
    void badArgumentsGetBtcdsErrors() throws Exception {
        try (SimulatedNode node = startNode()) {
            WsRecorder ws = open(node);
            String[][] cases = {
                {"notifyspent", "[\"x\"]", "-32602", "parameter #1 'outpoints' must be type []btcjson.OutPoint (got string)"},
                {"notifyspent", "[[{\"hash\":\"xyz\",\"index\":0}]]", "-22", "Argument must be hexadecimal string (not \\\"xyz\\\")"},
                {"notifyspent", "[[{\"hash\":\"00\",\"index\":-1}]]", "-32602", "parameter #1 'outpoints' must be type uint32 (got number -1)"},
                {"notifyspent", "[[{\"hash\":5}]]", "-32602", "parameter #1 'outpoints' must be type string (got number)"},
                {"notifyreceived", "[[\"nope\"]]", "-5", "Invalid address or key: nope"},
                {"notifyreceived", "[[1]]", "-32602", "parameter #1 'addresses' must be type string (got number)"},
                {"loadtxfilter", "[true]", "-32602", "wrong number of params (expected 3, received 1)"},
                {"loadtxfilter", "[true,[],[{\"hash\":\"xyz\",\"index\":0}]]", "-8", "encoding/hex: invalid byte: U+0078 'x'"},
                {"loadtxfilter", "[true,[],[{\"hash\":\"" + "0".repeat(65) + "\",\"index\":0}]]", "-8", "max hash string length is 64 bytes"},
                {"rescanblocks", "[[\"00\"]]", "-1", "Transaction filter must be loaded before rescanning"},
                {"notifynewtransactions", "[\"yes\"]", "-32602", "parameter #1 'verbose' must be type bool (got string)"},
            };
            int id = 0;
            for (String[] c : cases) {
                id++;
                assertThat(ws.call(Http.rpc(id, c[0], c[1]))).as(c[0] + " " + c[1]).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":null,"
                        + "\"error\":{\"code\":" + c[2] + ",\"message\":\"" + c[3] + "\"},\"id\":" + id + "}");
            }
            ws.call(Http.rpc(50, "loadtxfilter", "[true,[\"not-an-address\"],[]]"));
            assertThat(ws.call(Http.rpc(51, "rescanblocks", "[[\"zz\"]]")))
                    .contains("{\"code\":-32603,\"message\":\"encoding/hex: invalid byte: U+007A 'z'\"}");
            assertThat(ws.call(Http.rpc(52, "rescanblocks", "[[\"00\"]]"))).contains("{\"code\":-5,\"message\":"
                    + "\"Failed to fetch block: block " + "0".repeat(64) + " is not in the main chain\"}");
            assertThat(node.watchedAddresses()).as("btcd drops invalid filter addresses").isZero();
        }
    }
}
