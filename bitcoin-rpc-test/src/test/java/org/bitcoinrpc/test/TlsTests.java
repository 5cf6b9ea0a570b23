package org.bitcoinrpc.test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;

import org.bitcoinrpc.test.tls.SelfSignedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS and WSS with the node's self-signed certificate, as btcd serves by default. */
class TlsTests {

    @RegisterExtension
    static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(SimulatedNode.builder().tls(true).initialHeight(2));

    private static final String GETBLOCKCOUNT = Http.rpc(1, "getblockcount", "[]");

    @Test
    void urlsUseTheTlsSchemes(SimulatedNode node) {
        assertThat(node.httpUrl()).isEqualTo("https://127.0.0.1:" + node.port() + "/");
        assertThat(node.wsUrl()).isEqualTo("wss://127.0.0.1:" + node.port() + "/ws");
    }

    @Test
    void certificateIsForTheLoopbackAddress(SimulatedNode node) throws Exception {
        String pem = node.certificatePem();
        X509Certificate certificate = node.certificate().certificate();

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----").contains("-----END CERTIFICATE-----");
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=127.0.0.1");
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(7, "127.0.0.1"));
    }

    @Test
    void httpsWithTheTrustedCertificateSpeaksBtcdFraming(SimulatedNode node) throws Exception {
        HttpResponse<String> response = Http.post(node, GETBLOCKCOUNT);
        RawHttp.Exchange raw = RawHttp.post(node, GETBLOCKCOUNT);

        assertThat(response.body())
                .isEqualTo("{\"jsonrpc\":\"1.0\",\"result\":" + node.blockCount() + ",\"error\":null,\"id\":1}\n");
        assertThat(raw.headerLines()).containsExactly("Content-Type: application/json", "Connection: close");
        assertThat(raw.eofSeen()).isTrue();
    }

    @Test
    void tls12IsAcceptedToo(SimulatedNode node) throws Exception {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.2"});
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(node.certificate().clientSslContext()).sslParameters(parameters).build();

        HttpResponse<String> response = client.send(Http.request(node, GETBLOCKCOUNT).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void websocketOverTlsNotifiesBlocks(SimulatedNode node) throws Exception {
        WsRecorder ws = WsRecorder.connect(node, null);
        try {
            ws.call("{\"jsonrpc\":\"1.0\",\"id\":0,\"method\":\"authenticate\",\"params\":[\"user\",\"pass\"]}");
            ws.call(Http.rpc(1, "notifyblocks", "[]"));

            String hash = node.generate(1).get(0);

            assertThat(ws.next()).contains("\"method\":\"blockconnected\"").contains(hash);
            assertThat(ws.next()).contains("\"method\":\"filteredblockconnected\"");
        }
        finally {
            ws.closeQuietly();
        }
    }

    @Test
    void aClientTrustingAnotherCertificateIsRejected(SimulatedNode node) {
        SelfSignedCertificate other = SelfSignedCertificate.generate("127.0.0.1", "127.0.0.1");
        SSLContext wrongTrust = other.clientSslContext();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(wrongTrust).build();

        assertThat(other.certificatePem()).isNotEqualTo(node.certificatePem());
        assertThatThrownBy(() -> client.send(Http.request(node, GETBLOCKCOUNT).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void certificateSurvivesRestart(SimulatedNode node) throws Exception {
        String before = node.certificatePem();

        node.restart();

        assertThat(node.certificatePem()).isEqualTo(before);
        assertThat(Http.post(node, GETBLOCKCOUNT).statusCode()).isEqualTo(200);
    }
}
