package org.bitcoinrpc.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bitcoinrpc.test.internal.chain.Encoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Blocks that left the chain ({@link SimulatedNode#reorg}, {@link SimulatedNode#disconnectTip}) stay
 * known, answered as btcd 0.24 answers for a block off its main chain: {@code HeaderByHash} and the
 * block database find it, {@code BlockHeightByHash} does not, so the raw forms work and the verbose
 * ones fail with -32603. Each test has a node of its own.
 */
class StaleBlockTests {

    private final List<WsRecorder> sessions = new ArrayList<>();

    @AfterEach
    void closeSessions() {
        this.sessions.forEach(WsRecorder::closeQuietly);
    }

    private static SimulatedNode startNode() {
        return SimulatedNode.builder().initialHeight(10).build().start();
    }

    private static JsonNode reply(SimulatedNode node, String method, String params) throws Exception {
        return Json.parse(RawHttp.post(node, Http.rpc(1, method, params)).bodyText());
    }

    private static JsonNode result(SimulatedNode node, String method, String params) throws Exception {
        JsonNode reply = reply(node, method, params);
        assertThat(reply.get("error").isNull()).as("error in %s", reply).isTrue();
        return reply.get("result");
    }

    /** The whole error object, as compact JSON. */
    private static String error(SimulatedNode node, String method, String params) throws Exception {
        JsonNode reply = reply(node, method, params);
        assertThat(reply.get("result").isNull()).as("result in %s", reply).isTrue();
        return reply.get("error").toString();
    }

    private static String notInMainChain(String hash) {
        return "{\"code\":-32603,\"message\":\"block " + hash + " is not in the main chain\"}";
    }

    @Test
    void staleBlockAfterReorgAnswersAsBtcd() throws Exception {
        try (SimulatedNode node = startNode()) {
            List<String> old = List.of(node.blockHash(8), node.blockHash(9), node.blockHash(10));
            List<String> oldHeaders = new ArrayList<>();
            List<String> oldBlocks = new ArrayList<>();
            for (String hash : old) {
                oldHeaders.add(result(node, "getblockheader", "[\"" + hash + "\",false]").stringValue());
                oldBlocks.add(result(node, "getblock", "[\"" + hash + "\",0]").stringValue());
            }

            node.reorg(3);

            for (int i = 0; i < old.size(); i++) {
                String hash = old.get(i);
                String quoted = "[\"" + hash + "\"";
                assertThat(result(node, "getblockheader", quoted + ",false]").stringValue()).isEqualTo(oldHeaders.get(i));
                assertThat(result(node, "getblock", quoted + ",0]").stringValue()).isEqualTo(oldBlocks.get(i));
                assertThat(error(node, "getblockheader", quoted + ",true]")).isEqualTo(notInMainChain(hash));
                assertThat(error(node, "getblockheader", quoted + "]")).isEqualTo(notInMainChain(hash));
                assertThat(error(node, "getblock", quoted + "]")).isEqualTo(notInMainChain(hash));
                assertThat(error(node, "getblock", quoted + ",1]")).isEqualTo(notInMainChain(hash));
                assertThat(error(node, "getblock", quoted + ",2]")).isEqualTo(notInMainChain(hash));
            }
            String header = oldHeaders.get(1);
            assertThat(Encoding.displayHash(Encoding.doubleSha256(Encoding.unhex(header)))).isEqualTo(old.get(1));
            assertThat(oldBlocks.get(1)).startsWith(header);
        }
    }

    @Test
    void errorNamesTheHashAsBtcdPrintsItWhateverTheRequestsSpelling() throws Exception {
        try (SimulatedNode node = startNode()) {
            String hash = node.bestBlockHash();
            node.reorg(1);

            assertThat(error(node, "getblock", "[\"" + hash.toUpperCase(Locale.ROOT) + "\",1]")).isEqualTo(notInMainChain(hash));
            assertThat(result(node, "getblockheader", "[\"" + hash.toUpperCase(Locale.ROOT) + "\",false]").stringValue())
                    .hasSize(160);
        }
    }

    @Test
    void neverKnownBlocksAreStillNotFound() throws Exception {
        try (SimulatedNode node = startNode()) {
            node.reorg(2);
            String unknown = "[\"" + "0".repeat(64) + "\"";
            String notFound = "{\"code\":-5,\"message\":\"Block not found\"}";

            assertThat(error(node, "getblockheader", unknown + ",false]")).isEqualTo(notFound);
            assertThat(error(node, "getblockheader", unknown + ",true]")).isEqualTo(notFound);
            assertThat(error(node, "getblock", unknown + ",0]")).isEqualTo(notFound);
            assertThat(error(node, "getblock", unknown + ",1]")).isEqualTo(notFound);
        }
    }

    @Test
    void getblockhashGivesTheNewBranch() throws Exception {
        try (SimulatedNode node = startNode()) {
            String fork = node.blockHash(7);
            List<String> old = List.of(node.blockHash(8), node.blockHash(9), node.blockHash(10));

            List<String> fresh = node.reorg(3);

            assertThat(fresh).hasSize(4).doesNotContainAnyElementsOf(old).doesNotHaveDuplicates();
            assertThat(node.blockCount()).isEqualTo(11);
            assertThat(node.bestBlockHash()).isEqualTo(fresh.get(3));
            for (int i = 0; i < fresh.size(); i++) {
                assertThat(result(node, "getblockhash", "[" + (8 + i) + "]").stringValue()).isEqualTo(fresh.get(i));
            }
            assertThat(error(node, "getblockhash", "[12]")).isEqualTo("{\"code\":-1,\"message\":\"Block number out of range\"}");
            assertThat(result(node, "getblockhash", "[7]").stringValue()).isEqualTo(fork);
            assertThat(result(node, "getblockheader", "[\"" + fork + "\"]").get("nextblockhash").stringValue())
                    .isEqualTo(fresh.get(0));
            JsonNode first = result(node, "getblock", "[\"" + fresh.get(0) + "\",1]");
            assertThat(first.get("previousblockhash").stringValue()).isEqualTo(fork);
            assertThat(first.get("confirmations").intValue()).isEqualTo(4);
        }
    }

    @Test
    void reorgSendsThreeDisconnectsNewestFirstThenFourConnectsOldestFirst() throws Exception {
        try (SimulatedNode node = startNode()) {
            WsRecorder ws = WsRecorder.connectAuthenticated(node);
            this.sessions.add(ws);
            ws.call(Http.rpc(1, "notifyblocks", "[]"));
            List<String> old = List.of(node.blockHash(10), node.blockHash(9), node.blockHash(8));

            List<String> fresh = node.reorg(3);

            List<String> blockEvents = new ArrayList<>();
            for (String message : ws.next(2 * (3 + 4))) {
                JsonNode notification = Json.parse(message);
                String method = notification.get("method").stringValue();
                if (method.equals("blockdisconnected") || method.equals("blockconnected")) {
                    JsonNode params = notification.get("params");
                    blockEvents.add(method + " " + params.get(0).stringValue() + " " + params.get(1).intValue());
                }
            }
            assertThat(blockEvents).containsExactly(
                    "blockdisconnected " + old.get(0) + " 10",
                    "blockdisconnected " + old.get(1) + " 9",
                    "blockdisconnected " + old.get(2) + " 8",
                    "blockconnected " + fresh.get(0) + " 8",
                    "blockconnected " + fresh.get(1) + " 9",
                    "blockconnected " + fresh.get(2) + " 10",
                    "blockconnected " + fresh.get(3) + " 11");
        }
    }

    @Test
    void reorgRejectsADepthBelowOneOrNotBelowTheHeight() throws Exception {
        try (SimulatedNode node = startNode()) {
            String tip = node.bestBlockHash();
            for (int depth : new int[] {-2, 0, 10, 11}) {
                assertThatThrownBy(() -> node.reorg(depth)).as("depth %d", depth)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("depth must be at least 1 and below the height 10, was " + depth);
            }
            assertThat(node.bestBlockHash()).isEqualTo(tip);
            assertThat(node.reorg(9)).hasSize(10);
            assertThat(node.blockCount()).isEqualTo(11);
        }
    }

    @Test
    void reorgMinesTheRemovedTransactionsAgain() throws Exception {
        try (SimulatedNode node = startNode()) {
            String txid = node.submitTransaction("0badf00d");
            node.generate(1);

            List<String> fresh = node.reorg(2);

            assertThat(node.mempoolSize()).isZero();
            JsonNode first = result(node, "getblock", "[\"" + fresh.get(0) + "\",1]");
            assertThat(first.get("tx")).hasSize(2);
            assertThat(first.get("tx").get(1).stringValue()).isEqualTo(txid);
        }
    }

    @Test
    void disconnectedTipStaysKnownAsAStaleBlock() throws Exception {
        try (SimulatedNode node = startNode()) {
            String hash = node.bestBlockHash();
            String header = result(node, "getblockheader", "[\"" + hash + "\",false]").stringValue();

            node.disconnectTip();

            assertThat(result(node, "getblockheader", "[\"" + hash + "\",false]").stringValue()).isEqualTo(header);
            assertThat(error(node, "getblockheader", "[\"" + hash + "\",true]")).isEqualTo(notInMainChain(hash));
        }
    }
}
