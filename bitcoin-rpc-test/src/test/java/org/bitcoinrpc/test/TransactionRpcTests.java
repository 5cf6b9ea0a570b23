package org.bitcoinrpc.test;

import java.util.List;

import org.bitcoinrpc.test.internal.chain.Encoding;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code sendrawtransaction} and the mempool: btcd's replies and errors (fixtures
 * {@code http-sendrawtransaction*}), mining of mempool transactions, and the Java API; and
 * {@code decoderawtransaction} (fixture {@code http-decoderawtransaction}). Each test has a
 * node of its own, so mempools do not mix.
 */
class TransactionRpcTests {

    /** Fixture http-getblock-verbosity2.json's keys of a rawtx entry. */
    private static final List<String> RAWTX_KEYS = List.of("hex", "txid", "hash", "size", "vsize", "weight", "version",
            "locktime", "vin", "vout", "blockhash", "confirmations", "time", "blocktime");

    private static SimulatedNode startNode() {
        return SimulatedNode.builder().initialHeight(3).build().start();
    }

    private static String post(SimulatedNode node, String body) throws Exception {
        return RawHttp.post(node, body).bodyText();
    }

    private static String sendRaw(SimulatedNode node, int id, String hex) throws Exception {
        return post(node, Http.rpc(id, "sendrawtransaction", "[\"" + hex + "\"]"));
    }

    private static JsonNode result(SimulatedNode node, String method, String params) throws Exception {
        JsonNode reply = Json.parse(post(node, Http.rpc(1, method, params)));
        assertThat(reply.get("error").isNull()).as("error in %s", reply).isTrue();
        return reply.get("result");
    }

    private static String error(int id, int code, String message) {
        return "{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":" + code + ",\"message\":\"" + message
                + "\"},\"id\":" + id + "}\n";
    }

    @Test
    void sendrawtransactionAnswersTheTxidThenRefusesTheDuplicateAsBtcd() throws Exception {
        try (SimulatedNode node = startNode()) {
            String first = post(node, WsFixture.compact(Fixtures.fixture("btcd/http-sendrawtransaction.json").get("request")));
            String again = post(node, WsFixture.compact(Fixtures.fixture("btcd/http-sendrawtransaction-duplicate.json").get("request")));

            assertThat(first).isEqualTo(Fixtures.responseBody("btcd/http-sendrawtransaction.json") + "\n");
            assertThat(again).isEqualTo(Fixtures.responseBody("btcd/http-sendrawtransaction-duplicate.json") + "\n");
            assertThat(node.mempoolSize()).isEqualTo(1);
        }
    }

    @Test
    void anyHexIsAcceptedAndUndecodableBytesMakeAnOpaqueTransaction() throws Exception {
        try (SimulatedNode node = startNode()) {
            String opaque = sendRaw(node, 1, "0100deadbeef");
            String odd = sendRaw(node, 2, "01000");

            assertThat(opaque).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":\""
                    + Encoding.displayHash(Encoding.doubleSha256(Encoding.unhex("0100deadbeef"))) + "\",\"error\":null,\"id\":1}\n");
            assertThat(Json.parse(odd).get("result").stringValue()).as("btcd pads an odd digit count with a leading 0")
                    .isEqualTo(SimnetTransactions.txid("001000"));
            assertThat(sendRaw(node, 3, "zz")).isEqualTo(error(3, -22, "Argument must be hexadecimal string (not \\\"zz\\\")"));
            assertThat(sendRaw(node, 4, "")).isEqualTo(error(4, -22, "TX decode failed: EOF"));
            assertThat(post(node, Http.rpc(5, "sendrawtransaction", "[1]")))
                    .isEqualTo(error(5, -32602, "parameter #1 'hextx' must be type string (got number)"));
            assertThat(node.mempoolSize()).isEqualTo(2);
        }
    }

    @Test
    void theNextBlockTakesTheMempoolAfterItsCoinbase() throws Exception {
        try (SimulatedNode node = startNode()) {
            String paying = SimnetTransactions.spend("11".repeat(32), 0, SimnetTransactions.address(1), 150_000_000L);
            String viaRpc = Json.parse(sendRaw(node, 1, paying)).get("result").stringValue();
            String viaJava = node.submitTransaction("00c0ffee");

            String hash = node.generate(1).get(0);
            JsonNode block = result(node, "getblock", "[\"" + hash + "\",1]");
            JsonNode verbose = result(node, "getblock", "[\"" + hash + "\",2]");

            assertThat(node.mempoolSize()).isZero();
            assertThat(block.get("tx")).hasSize(3);
            assertThat(block.get("tx").get(1).stringValue()).isEqualTo(viaRpc);
            assertThat(block.get("tx").get(2).stringValue()).isEqualTo(viaJava);
            assertThat(block.get("size").intValue()).isEqualTo(result(node, "getblock", "[\"" + hash + "\",0]").stringValue().length() / 2);
            JsonNode mined = verbose.get("rawtx").get(1);
            assertThat(Json.keys(mined)).containsExactlyElementsOf(RAWTX_KEYS);
            assertThat(mined.get("hex").stringValue()).isEqualTo(paying);
            assertThat(Json.keys(mined.get("vin").get(0))).containsExactly("txid", "vout", "scriptSig", "sequence");
            assertThat(mined.get("vout").get(0).get("value").decimalValue()).isEqualByComparingTo("1.5");
            assertThat(mined.get("vout").get(0).get("scriptPubKey").get("address").stringValue())
                    .isEqualTo(SimnetTransactions.address(1));
            assertThat(result(node, "getblock", "[\"" + node.generate(1).get(0) + "\",1]").get("tx")).hasSize(1);
            assertThat(sendRaw(node, 9, paying)).isEqualTo(error(9, -27, "TX rejected: transaction already exists"));
        }
    }

    @Test
    void javaSubmitBehavesAsTheRpc() {
        try (SimulatedNode node = startNode()) {
            String txid = node.submitTransaction("0100deadbeef");

            assertThat(txid).isEqualTo(SimnetTransactions.txid("0100deadbeef"));
            assertThat(node.mempoolSize()).isEqualTo(1);
            assertThatThrownBy(() -> node.submitTransaction("0100deadbeef")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("TX rejected: already have transaction in mempool " + txid);
            assertThatThrownBy(() -> node.submitTransaction("xyz")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void mempoolSurvivesARestart() {
        try (SimulatedNode node = startNode()) {
            node.submitTransaction("0badf00d");

            node.restart();

            assertThat(node.mempoolSize()).isEqualTo(1);
        }
    }

    @Test
    void disconnectTipReturnsItsTransactionsToTheMempoolAndMiningAgainMakesAnotherBlock() throws Exception {
        try (SimulatedNode node = startNode()) {
            String txid = node.submitTransaction("0badf00d");
            String mined = node.generate(1).get(0);
            int height = node.blockCount();

            assertThat(node.disconnectTip()).isEqualTo(mined);

            assertThat(node.blockCount()).isEqualTo(height - 1);
            assertThat(node.mempoolSize()).isEqualTo(1);
            // btcd keeps the disconnected block (its index and database still hold it), so the
            // verbose getblock fails in BlockHeightByHash, not with -5 "Block not found".
            assertThat(post(node, Http.rpc(1, "getblock", "[\"" + mined + "\"]")))
                    .contains("{\"code\":-32603,\"message\":\"block " + mined + " is not in the main chain\"}");
            String replacement = node.generate(1).get(0);
            assertThat(replacement).isNotEqualTo(mined);
            assertThat(result(node, "getblock", "[\"" + replacement + "\",1]").get("tx").get(1).stringValue()).isEqualTo(txid);
        }
    }

    @Test
    void decoderawtransactionAnswersAsBtcd() throws Exception {
        try (SimulatedNode node = startNode()) {
            String answer = post(node, WsFixture.compact(Fixtures.fixture("btcd/http-decoderawtransaction.json").get("request")));

            assertThat(answer).isEqualTo(Fixtures.responseBody("btcd/http-decoderawtransaction.json") + "\n");
        }
    }

    @Test
    void decoderawtransactionGivesWhatGetblockGivesButTheBlockAndSizeFields() throws Exception {
        try (SimulatedNode node = startNode()) {
            // A segwit spend (Bitcoin Core's fixture): its witness shows under txinwitness.
            String segwit = Fixtures.fixture("core/http-getblock-verbosity2.json").get("response").get("result").get("tx")
                    .get(1).get("hex").stringValue();
            String legacy = SimnetTransactions.spend("11".repeat(32), 0, SimnetTransactions.address(1), 150_000_000L);
            node.submitTransaction(segwit);
            node.submitTransaction(legacy);
            String hash = node.generate(1).get(0);
            JsonNode rawtx = result(node, "getblock", "[\"" + hash + "\",2]").get("rawtx");

            for (int i = 0; i < 3; i++) {
                JsonNode mined = rawtx.get(i);
                JsonNode decoded = result(node, "decoderawtransaction", "[\"" + mined.get("hex").stringValue() + "\"]");
                assertThat(Json.keys(decoded)).containsExactly("txid", "version", "locktime", "vin", "vout");
                for (String key : Json.keys(decoded)) {
                    assertThat(decoded.get(key)).as("%s of transaction %d", key, i).isEqualTo(mined.get(key));
                }
            }
            assertThat(rawtx.get(1).get("vin").get(0).has("txinwitness")).isTrue();
        }
    }

    @Test
    void decoderawtransactionRefusesWhatIsNotOneTransaction() throws Exception {
        try (SimulatedNode node = startNode()) {
            String legacy = SimnetTransactions.spend("11".repeat(32), 0, SimnetTransactions.address(1), 1L);

            assertThat(post(node, Http.rpc(1, "decoderawtransaction", "[\"0100deadbeef\"]")))
                    .isEqualTo(error(1, -22, "TX decode failed: unexpected EOF"));
            assertThat(post(node, Http.rpc(2, "decoderawtransaction", "[\"" + legacy + "00\"]")))
                    .isEqualTo(error(2, -22, "TX decode failed: unexpected EOF"));
            assertThat(post(node, Http.rpc(3, "decoderawtransaction", "[\"zz\"]")))
                    .isEqualTo(error(3, -22, "Argument must be hexadecimal string (not \\\"zz\\\")"));
            assertThat(post(node, Http.rpc(4, "decoderawtransaction", "[\"\"]"))).isEqualTo(error(4, -22, "TX decode failed: EOF"));
            assertThat(node.mempoolSize()).isZero();
        }
    }

    @Test
    void genesisCannotBeDisconnected() {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            assertThatThrownBy(node::disconnectTip).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void websocketOnlyCommandsAreUnknownOverHttp() throws Exception {
        try (SimulatedNode node = startNode()) {
            for (String method : List.of("notifynewtransactions", "notifyspent", "notifyreceived", "loadtxfilter",
                    "rescanblocks", "stopnotifynewtransactions", "stopnotifyspent", "stopnotifyreceived")) {
                assertThat(post(node, Http.rpc(1, method, "[]"))).isEqualTo(error(1, -32601, "Method not found"));
            }
        }
    }
}
