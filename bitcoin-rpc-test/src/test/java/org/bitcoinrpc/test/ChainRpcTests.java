package org.bitcoinrpc.test;

import java.time.Instant;
import java.util.List;

import org.bitcoinrpc.test.internal.chain.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The chain commands answered as btcd answers them: values consistent with one another and objects
 * shaped (member order, omitted members) like the fixtures {@code http-getblockheader-*} and
 * {@code http-getblock-verbosity*}.
 */
class ChainRpcTests {

    @RegisterExtension
    static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(SimulatedNode.builder().initialHeight(60));

    /** Fixture http-getblockheader-verbose-true-not-tip.json. */
    private static final List<String> HEADER_KEYS = List.of("hash", "confirmations", "height", "version", "versionHex",
            "merkleroot", "time", "nonce", "bits", "difficulty", "previousblockhash", "nextblockhash");

    /** Fixture http-getblock-verbosity1.json (at the tip, so without nextblockhash). */
    private static final List<String> BLOCK_KEYS = List.of("hash", "confirmations", "strippedsize", "size", "weight",
            "height", "version", "versionHex", "merkleroot", "tx", "time", "nonce", "bits", "difficulty",
            "previousblockhash");

    /** Fixture http-getblock-verbosity2.json, a coinbase entry of rawtx. */
    private static final List<String> RAWTX_KEYS = List.of("hex", "txid", "hash", "size", "vsize", "weight", "version",
            "locktime", "vin", "vout", "blockhash", "confirmations", "time", "blocktime");

    private static JsonNode result(SimulatedNode node, String method, String params) throws Exception {
        JsonNode reply = Json.parse(RawHttp.post(node, Http.rpc(1, method, params)).bodyText());
        assertThat(reply.get("error").isNull()).as("error in %s", reply).isTrue();
        return reply.get("result");
    }

    @Test
    void genesisIsBtcdsSimnetGenesis(SimulatedNode node) throws Exception {
        assertThat(result(node, "getblockhash", "[0]").stringValue())
                .isEqualTo("683e86bd5c6d110d91b94b97137ba6bfe02dbbdb8e3dff722a669b5d69d77af6");
    }

    @Test
    void verboseHeaderHasBtcdsShapeAndNextBlockHashOnlyBelowTheTip(SimulatedNode node) throws Exception {
        int tip = node.blockCount();
        JsonNode below = result(node, "getblockheader", "[\"" + node.blockHash(tip - 1) + "\",true]");
        JsonNode atTip = result(node, "getblockheader", "[\"" + node.blockHash(tip) + "\"]");

        assertThat(Json.keys(below)).containsExactlyElementsOf(HEADER_KEYS);
        assertThat(Json.keys(atTip)).containsExactlyElementsOf(HEADER_KEYS.subList(0, HEADER_KEYS.size() - 1));
        assertThat(below.get("nextblockhash").stringValue()).isEqualTo(node.blockHash(tip));
        assertThat(below.get("confirmations").intValue()).isEqualTo(2);
        assertThat(atTip.get("confirmations").intValue()).isEqualTo(1);
        assertThat(atTip.get("height").intValue()).isEqualTo(tip);
        assertThat(atTip.get("previousblockhash").stringValue()).isEqualTo(node.blockHash(tip - 1));
        assertThat(atTip.get("bits").stringValue()).isEqualTo("207fffff");
        assertThat(atTip.get("versionHex").stringValue()).isEqualTo("20000000");
        assertThat(atTip.get("version").intValue()).isEqualTo(0x20000000);
    }

    @Test
    void headerHexHashesToTheBlockHashAndMeetsTheSimnetTarget(SimulatedNode node) throws Exception {
        String hash = node.blockHash(7);
        String header = result(node, "getblockheader", "[\"" + hash + "\",false]").stringValue();

        assertThat(header).hasSize(160);
        assertThat(Encoding.displayHash(Encoding.doubleSha256(Encoding.unhex(header)))).isEqualTo(hash);
        assertThat(Integer.parseInt(hash.substring(0, 2), 16)).as("first byte under the 0x7fffff.. target").isLessThan(0x80);
        assertThat(header.substring(8, 72)).isEqualTo(Encoding.hex(Encoding.reversed(Encoding.unhex(node.blockHash(6)))));
    }

    @Test
    void getblockVerbosityOneListsTxids(SimulatedNode node) throws Exception {
        String hash = node.bestBlockHash();
        JsonNode block = result(node, "getblock", "[\"" + hash + "\",1]");
        JsonNode byDefault = result(node, "getblock", "[\"" + hash + "\"]");

        assertThat(Json.keys(block)).containsExactlyElementsOf(BLOCK_KEYS);
        assertThat(byDefault).isEqualTo(block);
        assertThat(block.get("tx")).hasSize(1);
        assertThat(block.get("merkleroot").stringValue()).isEqualTo(block.get("tx").get(0).stringValue());
        assertThat(block.get("weight").intValue()).isEqualTo(4 * block.get("size").intValue());
        assertThat(block.get("difficulty").toString()).isEqualTo("1");
    }

    @Test
    void getblockVerbosityTwoPutsDecodedTransactionsUnderRawtx(SimulatedNode node) throws Exception {
        String hash = node.bestBlockHash();
        String body = RawHttp.post(node, Http.rpc(1, "getblock", "[\"" + hash + "\",2]")).bodyText();
        JsonNode block = Json.parse(body).get("result");

        assertThat(block.has("tx")).isFalse();
        JsonNode coinbase = block.get("rawtx").get(0);
        assertThat(Json.keys(coinbase)).containsExactlyElementsOf(RAWTX_KEYS);
        assertThat(Json.keys(coinbase.get("vin").get(0))).containsExactly("coinbase", "sequence");
        assertThat(Json.keys(coinbase.get("vout").get(0).get("scriptPubKey")))
                .containsExactly("asm", "hex", "reqSigs", "type", "address", "addresses");
        assertThat(coinbase.get("vout").get(0).get("scriptPubKey").get("address").stringValue())
                .isEqualTo("SPMwyZW6HoauCUZQZ3jKnEc99a1MXZyBWh");
        assertThat(body).contains("\"value\":50,").contains("\"sequence\":4294967295");
        assertThat(coinbase.get("txid").stringValue())
                .isEqualTo(Encoding.displayHash(Encoding.doubleSha256(Encoding.unhex(coinbase.get("hex").stringValue()))));
    }

    @Test
    void getblockVerbosityZeroIsTheSerializedBlock(SimulatedNode node) throws Exception {
        String hash = node.blockHash(5);
        String raw = result(node, "getblock", "[\"" + hash + "\",0]").stringValue();
        JsonNode block = result(node, "getblock", "[\"" + hash + "\",2]");

        String header = result(node, "getblockheader", "[\"" + hash + "\",false]").stringValue();
        assertThat(raw).startsWith(header + "01").endsWith(block.get("rawtx").get(0).get("hex").stringValue());
        assertThat(raw.length() / 2).isEqualTo(block.get("size").intValue());
    }

    @Test
    void hashesAreFoundInAnyCaseAndEchoedAsWritten(SimulatedNode node) throws Exception {
        String upper = node.blockHash(3).toUpperCase(java.util.Locale.ROOT);

        assertThat(result(node, "getblockheader", "[\"" + upper + "\"]").get("hash").stringValue()).isEqualTo(upper);
    }

    @Test
    void generateMinesAndReturnsTheHashes(SimulatedNode node) throws Exception {
        int before = node.blockCount();
        JsonNode hashes = result(node, "generate", "[2]");

        assertThat(node.blockCount()).isEqualTo(before + 2);
        assertThat(hashes).hasSize(2);
        assertThat(hashes.get(0).stringValue()).isEqualTo(node.blockHash(before + 1));
        assertThat(hashes.get(1).stringValue()).isEqualTo(node.bestBlockHash());
        assertThat(result(node, "getblockcount", "[]").intValue()).isEqualTo(before + 2);

        List<String> mined = node.generate(1);
        assertThat(mined).containsExactly(node.bestBlockHash());
        JsonNode best = result(node, "getbestblock", "[]");
        assertThat(Json.keys(best)).containsExactly("hash", "height");
        assertThat(best.get("height").intValue()).isEqualTo(before + 3);
        assertThat(best.get("hash").stringValue()).isEqualTo(mined.get(0));
        JsonNode header = result(node, "getblockheader", "[\"" + mined.get(0) + "\"]");
        assertThat(header.get("time").longValue()).isEqualTo(node.blockTime(before + 3));
    }

    @Test
    void uptimeIsTheStartTimeAsBtcdReportsIt(SimulatedNode node) throws Exception {
        long uptime = result(node, "uptime", "[]").longValue();

        assertThat(uptime).isCloseTo(Instant.now().getEpochSecond(), within(600L));
    }

    @Test
    void helpListsTheCommands(SimulatedNode node) throws Exception {
        String usage = result(node, "help", "[]").stringValue();

        assertThat(usage.split("\n")).contains("getblockcount", "getblockhash index", "generate numblocks")
                .doesNotContain("notifyblocks");
    }
}
