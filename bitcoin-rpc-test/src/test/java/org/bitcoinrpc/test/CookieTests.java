package org.bitcoinrpc.test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Bitcoin Core's cookie authentication: written at start, replaced by a rotation, deleted at stop. */
class CookieTests {

    private static final String GETBLOCKCOUNT = Http.rpc(1, "getblockcount", "[]");

    @TempDir
    Path dir;

    @Test
    void startWritesAFreshCookieAcceptsOnlyItAndStopDeletesIt() throws Exception {
        Path cookie = this.dir.resolve(".cookie");
        try (SimulatedNode node = SimulatedNode.builder().cookieFile(cookie).build().start()) {
            String first = Files.readString(cookie, StandardCharsets.UTF_8);
            assertThat(first).matches("__cookie__:[0-9a-f]{64}");
            assertThat(node.user()).isEqualTo("__cookie__");
            assertThat("__cookie__:" + node.password()).isEqualTo(first);
            assertThat(post(node, RawHttp.basic("__cookie__", node.password()))).isEqualTo("HTTP/1.1 200 OK");
            assertThat(post(node, RawHttp.basic("user", "pass"))).isEqualTo("HTTP/1.1 401 Unauthorized");

            node.restart();

            String second = Files.readString(cookie, StandardCharsets.UTF_8);
            assertThat(second).matches("__cookie__:[0-9a-f]{64}").isNotEqualTo(first);
            assertThat(post(node, authorization(first))).isEqualTo("HTTP/1.1 401 Unauthorized");
            assertThat(post(node, authorization(second))).isEqualTo("HTTP/1.1 200 OK");

            node.stop();

            assertThat(cookie).doesNotExist();
            assertThat(this.dir).isEmptyDirectory();
        }
    }

    @Test
    void rotateCookieRefusesTheOldOneAtOnceOnAnOpenConnection() throws Exception {
        Path cookie = this.dir.resolve(".cookie");
        try (SimulatedNode node = SimulatedNode.builder().cookieFile(cookie).connectionClose(false).build().start()) {
            HttpClient client = Http.client(node);
            String old = Files.readString(cookie, StandardCharsets.UTF_8);
            assertThat(send(client, node, authorization(old)).statusCode()).isEqualTo(200);

            node.rotateCookie();

            String current = Files.readString(cookie, StandardCharsets.UTF_8);
            assertThat(current).matches("__cookie__:[0-9a-f]{64}").isNotEqualTo(old);
            assertThat(send(client, node, authorization(old)).statusCode()).isEqualTo(401);
            assertThat(send(client, node, authorization(current)).statusCode()).isEqualTo(200);
            WsRecorder ws = WsRecorder.connect(node, authorization(current));
            try {
                assertThat(ws.call(GETBLOCKCOUNT)).contains("\"result\":0");
            }
            finally {
                ws.closeQuietly();
            }
            assertThat(this.dir).isDirectoryContaining((path) -> path.equals(cookie))
                .isDirectoryNotContaining((path) -> path.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void rotateCookieNeedsACookieFileAndARunningNode() {
        try (SimulatedNode node = SimulatedNode.builder().build().start()) {
            assertThatIllegalStateException().isThrownBy(node::rotateCookie).withMessageContaining("cookieFile");
        }
        SimulatedNode stopped = SimulatedNode.builder().cookieFile(this.dir.resolve(".cookie")).build();
        assertThatIllegalStateException().isThrownBy(stopped::rotateCookie).withMessageContaining("not running");
    }

    private static String authorization(String cookieFileContent) {
        int colon = cookieFileContent.indexOf(':');
        return RawHttp.basic(cookieFileContent.substring(0, colon), cookieFileContent.substring(colon + 1));
    }

    private static String post(SimulatedNode node, String authorization) throws Exception {
        return RawHttp.exchangeOne(node, RawHttp.postRequest(GETBLOCKCOUNT, authorization)).statusLine();
    }

    private static HttpResponse<String> send(HttpClient client, SimulatedNode node, String authorization) throws Exception {
        return client.send(Http.request(node, GETBLOCKCOUNT).setHeader("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
