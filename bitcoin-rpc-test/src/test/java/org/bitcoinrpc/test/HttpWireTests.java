package org.bitcoinrpc.test;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP POST as btcd frames it, checked byte for byte on a raw socket against the shapes of the
 * fixtures {@code btcd/http-*.json} (Surprises 1, 2, 3 and 4 of the fixtures' README).
 */
class HttpWireTests {

    @RegisterExtension
    static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(
            // Fixed times: hashAt compares the node's hashes with a fresh chain's.
            SimulatedNode.builder().initialHeight(121).blockTimes(BlockTimes.fixed()));

    private static final String GETBLOCKCOUNT = "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]}";

    @Test
    void replyIsFramedLikeBtcd(SimulatedNode node) throws Exception {
        RawHttp.Exchange exchange = RawHttp.post(node, GETBLOCKCOUNT);

        assertThat(exchange.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(exchange.headerLines()).containsExactly("Content-Type: application/json", "Connection: close");
        assertThat(exchange.bodyText()).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":121,\"error\":null,\"id\":1}\n");
        assertThat(exchange.eofSeen()).as("the server closed the connection").isTrue();
    }

    @Test
    void jdkHttpClientReadsTheCloseFramedBody(SimulatedNode node) throws Exception {
        HttpResponse<String> response = Http.post(node, GETBLOCKCOUNT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-length")).isEmpty();
        assertThat(response.headers().firstValue("connection")).hasValue("close");
        assertThat(response.body()).isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":121,\"error\":null,\"id\":1}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "wrong-password", "wrong-user", "lower-case-scheme"})
    void badCredentialsGetBtcdsUnauthorized(String kind, SimulatedNode node) throws Exception {
        String authorization = switch (kind) {
            case "none" -> null;
            case "wrong-password" -> RawHttp.basic(node.user(), "wrong");
            case "wrong-user" -> RawHttp.basic("someone", node.password());
            default -> RawHttp.basic(node.user(), node.password()).replace("Basic", "basic");
        };
        // Like Go's http.Error, the 401 has a Content-Length and leaves the connection open.
        RawHttp.Exchange exchange = RawHttp.exchangeOne(node, RawHttp.postRequest(GETBLOCKCOUNT, authorization));

        assertThat(exchange.statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
        assertThat(exchange.headerNames()).contains("Www-Authenticate").doesNotContain("WWW-Authenticate");
        assertThat(exchange.header("Www-Authenticate")).isEqualTo("Basic realm=\"btcd RPC\"");
        assertThat(exchange.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(exchange.header("Content-Length")).isEqualTo("18");
        assertThat(exchange.bodyText()).isEqualTo("401 Unauthorized.\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":1,\"method\":\"getblockcount\",\"params\":[]}",
        "{\"jsonrpc\":\"1.1\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]}",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":{}}",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":\"x\"}"})
    void unanswerableRequestsGetALoneNewline(String body, SimulatedNode node) throws Exception {
        RawHttp.Exchange exchange = RawHttp.post(node, body);

        assertThat(exchange.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(exchange.header("Content-Type")).isEqualTo("application/json");
        assertThat(exchange.bodyText()).isEqualTo("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"jsonrpc\":\"1.0\",\"id\":null,\"method\":\"getblockcount\",\"params\":[]}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"getblockcount\",\"params\":[]}",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]} trailing",
        "",
        " [{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]}]"})
    void requestsWithoutAnIdOrUnparseableCloseTheSocketWithoutAResponse(String body, SimulatedNode node)
            throws Exception {
        RawHttp.Exchange exchange = RawHttp.post(node, body);

        assertThat(exchange.raw()).isEmpty();
        assertThat(exchange.eofSeen()).isTrue();
    }

    @Test
    void notificationIsNotExecuted(SimulatedNode node) throws Exception {
        int height = node.blockCount();
        RawHttp.post(node, "{\"jsonrpc\":\"2.0\",\"method\":\"generate\",\"params\":[1]}");

        assertThat(node.blockCount()).isEqualTo(height);
    }

    static Stream<Arguments> replies() {
        String tip = "\"" + hashAt(121) + "\"";
        return Stream.of(
                Arguments.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]}",
                        "{\"jsonrpc\":\"2.0\",\"result\":121,\"error\":null,\"id\":1}"),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\"}",
                        "{\"jsonrpc\":\"1.0\",\"result\":121,\"error\":null,\"id\":1}"),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":1.5,\"method\":\"getblockcount\",\"params\":[]}",
                        "{\"jsonrpc\":\"1.0\",\"result\":121,\"error\":null,\"id\":1.5}"),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":\"bbh\",\"method\":\"getbestblockhash\",\"params\":[]}",
                        "{\"jsonrpc\":\"1.0\",\"result\":" + tip + ",\"error\":null,\"id\":\"bbh\"}"),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"getblockhash\",\"params\":[100000]}",
                        error(-1, "Block number out of range", "4")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"getblockhash\",\"params\":[-5]}",
                        error(-1, "Block number out of range", "5")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":6,\"method\":\"getblockhash\",\"params\":[\"121\"]}",
                        error(-32602, "parameter #1 'index' must be type int64 (got string)", "6")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"getblockhash\",\"params\":[]}",
                        error(-32602, "wrong number of params (expected 1, received 0)", "7")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":8,\"method\":\"getblockhash\",\"params\":[1,2]}",
                        error(-32602, "wrong number of params (expected 1, received 2)", "8")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":20,\"method\":\"getblock\",\"params\":[" + tip + ",false]}",
                        error(-32602, "parameter #2 'verbosity' must be type int (got bool)", "20")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":25,\"method\":\"getblock\",\"params\":[" + tip + ",true,true]}",
                        error(-32602, "wrong number of params (expected between 1 and 2, received 3)", "25")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":27,\"method\":\"getblock\",\"params\":[\"" + "0".repeat(64) + "\"]}",
                        error(-5, "Block not found", "27")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":28,\"method\":\"getblock\",\"params\":[\"xyz\"]}",
                        error(-22, "Argument must be hexadecimal string (not \\\"xyz\\\")", "28")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":72,\"method\":\"nosuchmethod\",\"params\":[]}",
                        error(-32601, "Method not found", "72")),
                Arguments.of("{\"jsonrpc\":\"2.0\",\"id\":73,\"method\":\"nosuchmethod\",\"params\":[]}",
                        "{\"jsonrpc\":\"2.0\",\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":73}"),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":1,\"params\":[]}",
                        error(-32600, "Invalid request: malformed", "1")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"notifyblocks\",\"params\":[]}",
                        error(-32601, "Method not found", "1")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"generate\",\"params\":[0]}",
                        error(-32603, "Please request a nonzero number of blocks to generate.", "1")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"generate\",\"params\":[-1]}",
                        error(-32602, "parameter #1 'numblocks' must be type uint32 (got number -1)", "1")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockhash\",\"params\":[1.5]}",
                        error(-32602, "parameter #1 'index' must be type int64 (got number 1.5)", "1")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockheader\",\"params\":[" + tip + ",1]}",
                        error(-32602, "parameter #2 'verbose' must be type bool (got number)", "1")),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\",\"params\":[]}",
                        "{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":1}"),
                Arguments.of("{\"JSONRPC\":\"1.0\",\"ID\":9,\"Method\":\"getblockcount\",\"Params\":[]}",
                        "{\"jsonrpc\":\"1.0\",\"result\":121,\"error\":null,\"id\":9}"),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":\"<&>\",\"method\":\"getblockcount\",\"params\":[]}",
                        "{\"jsonrpc\":\"1.0\",\"result\":121,\"error\":null,\"id\":\"\\u003c\\u0026\\u003e\"}"),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"help\",\"params\":[\"getblockcount\"]}",
                        "{\"jsonrpc\":\"1.0\",\"result\":\"getblockcount\\n\\nReturns the number of blocks in the longest "
                                + "block chain.\\n\\nArguments:\\nNone\\n\\nResult:\\nn (numeric) The current block count\\n\","
                                + "\"error\":null,\"id\":2}"),
                Arguments.of("{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"help\",\"params\":[\"nosuch\"]}",
                        error(-8, "Unknown command: nosuch", "2")));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void repliesMatchBtcd(String request, String expectedReply, SimulatedNode node) throws Exception {
        RawHttp.Exchange exchange = RawHttp.post(node, request);

        assertThat(exchange.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(exchange.bodyText()).isEqualTo(expectedReply + "\n");
    }

    @Test
    void batchAnswersEveryEntryInOrderWithItsOwnVersion(SimulatedNode node) throws Exception {
        String body = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"getbestblockhash\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nosuchmethod\",\"params\":[]},"
                + "{\"jsonrpc\":\"1.0\",\"id\":\"four\",\"method\":\"getblockhash\",\"params\":[1]}]";

        RawHttp.Exchange exchange = RawHttp.post(node, body);

        assertThat(exchange.header("Content-Type")).isEqualTo("application/json");
        assertThat(exchange.bodyText()).isEqualTo("["
                + "{\"jsonrpc\":\"2.0\",\"result\":121,\"error\":null,\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"result\":\"" + node.bestBlockHash() + "\",\"error\":null,\"id\":2},"
                + "{\"jsonrpc\":\"2.0\",\"result\":null,\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":3},"
                + "{\"jsonrpc\":\"1.0\",\"result\":\"" + node.blockHash(1) + "\",\"error\":null,\"id\":\"four\"}]\n");
    }

    @Test
    void batchLeavesOutNotifications(SimulatedNode node) throws Exception {
        String body = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"getblockcount\",\"params\":[]}]";

        assertThat(RawHttp.post(node, body).bodyText())
                .isEqualTo("[{\"jsonrpc\":\"2.0\",\"result\":121,\"error\":null,\"id\":1}]\n");
    }

    @Test
    void emptyBatchGetsOneErrorObject(SimulatedNode node) throws Exception {
        assertThat(RawHttp.post(node, "[]").bodyText()).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,"
                + "\"error\":{\"code\":-32600,\"message\":\"Invalid request: empty batch\"},\"id\":null}\n");
    }

    @Test
    void malformedBatchGetsOneParseErrorObject(SimulatedNode node) throws Exception {
        assertThat(RawHttp.post(node, "[{\"jsonrpc\":\"2.0\",\"id\":1,").bodyText())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":null,\"error\":{\"code\":-32700,"
                        + "\"message\":\"Failed to parse request: unexpected end of JSON input\"},\"id\":null}\n");
    }

    @Test
    void unknownPathsAreTheRpcEndpointToo(SimulatedNode node) throws Exception {
        String request = RawHttp.postRequest(GETBLOCKCOUNT, RawHttp.basic(node.user(), node.password()))
                .replace("POST / ", "POST /wallet/w1 ");

        assertThat(RawHttp.exchange(node, request).bodyText())
                .isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":121,\"error\":null,\"id\":1}\n");
    }

    private static String error(int code, String message, String id) {
        return "{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":" + code + ",\"message\":\"" + message
                + "\"},\"id\":" + id + "}";
    }

    /** The chain is deterministic, so a fresh chain of the same height has the same hashes. */
    private static String hashAt(int height) {
        return new org.bitcoinrpc.test.internal.chain.SimulatedChain(height).tip().hash();
    }
}
