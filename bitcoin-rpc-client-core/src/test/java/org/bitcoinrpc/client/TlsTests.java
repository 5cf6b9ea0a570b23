package org.bitcoinrpc.client;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;

import javax.net.ssl.TrustManagerFactory;

import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.SimulatedNodeExtension;
import org.bitcoinrpc.test.tls.SelfSignedCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS like btcd's: a self-signed certificate the client is told to trust as PEM. A certificate it
 * was not told to trust fails the handshake, and nothing is ever sent in plain text instead.
 */
class TlsTests {

	@RegisterExtension
	static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(
			SimulatedNode.builder().user("user").password("pass").tls(true));

	private BitcoinRpcClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private BitcoinRpcClient client(String url, String pem) {
		this.client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(url)
			.credentials("user", "pass")
			.trustedCertificates(pem.getBytes(StandardCharsets.US_ASCII))
			.build());
		return this.client;
	}

	private static String url(String mode) {
		return mode.equals("wss") ? NODE.node().wsUrl() : NODE.node().httpUrl();
	}

	@ParameterizedTest
	@ValueSource(strings = { "wss", "https" })
	void trustedSelfSignedCertificateConnects(String mode) {
		assertThat(url(mode)).startsWith(mode + "://");
		BitcoinRpcClient client = client(url(mode), NODE.node().certificatePem());
		client.connect();
		assertThat(client.getBestBlockHash()).hasSize(64);
	}

	@ParameterizedTest
	@ValueSource(strings = { "wss", "https" })
	void untrustedCertificateFailsWithoutPlainTextFallback(String mode) {
		String otherPem = SelfSignedCertificate.generate("127.0.0.1", "127.0.0.1").certificatePem();
		long before = NODE.node().totalRequests();
		BitcoinRpcClient client = client(url(mode), otherPem);
		assertThatThrownBy(() -> {
			client.connect();
			client.getBestBlockHash();
		}).isInstanceOf(RpcConnectionException.class)
			.satisfies((ex) -> assertThat(causes(ex)).anyMatch(javax.net.ssl.SSLHandshakeException.class::isInstance));
		assertThat(NODE.node().totalRequests()).isEqualTo(before);
	}

	private BitcoinRpcClient client(String url, TlsOptions tls) {
		this.client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(url)
			.credentials("user", "pass")
			.tlsOptions(tls)
			.build());
		return this.client;
	}

	private static TrustManagerFactory trusting(KeyStore trustStore) throws Exception {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trustStore);
		return factory;
	}

	@ParameterizedTest
	@ValueSource(strings = { "wss", "https" })
	void trustManagerFromTheNodesCertificateConnects(String mode) throws Exception {
		TlsOptions tls = TlsOptions.builder().trustManager(trusting(NODE.node().certificate().trustStore())).build();
		BitcoinRpcClient client = client(url(mode), tls);
		client.connect();
		assertThat(client.getBestBlockHash()).hasSize(64);
	}

	@ParameterizedTest
	@ValueSource(strings = { "wss", "https" })
	void trustManagerThatDoesNotTrustTheNodeFailsTheHandshake(String mode) throws Exception {
		KeyStore other = SelfSignedCertificate.generate("127.0.0.1", "127.0.0.1").trustStore();
		long before = NODE.node().totalRequests();
		BitcoinRpcClient client = client(url(mode), TlsOptions.builder().trustManager(trusting(other)).build());
		assertThatThrownBy(() -> {
			client.connect();
			client.getBestBlockHash();
		}).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("TLS handshake")
			.satisfies((ex) -> assertThat(causes(ex)).anyMatch(javax.net.ssl.SSLHandshakeException.class::isInstance));
		assertThat(NODE.node().totalRequests()).isEqualTo(before);
	}

	@Test
	void hostnameIsStillVerifiedWithATrustManager() throws Exception {
		// The certificate names 127.0.0.1 only; "localhost" reaches the same node but is not its name.
		String url = NODE.node().httpUrl().replace("127.0.0.1", "localhost");
		TlsOptions tls = TlsOptions.builder().trustManager(trusting(NODE.node().certificate().trustStore())).build();
		BitcoinRpcClient client = client(url, tls);
		assertThatThrownBy(() -> {
			client.connect();
			client.getBestBlockHash();
		}).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("TLS handshake")
			.satisfies((ex) -> assertThat(causes(ex)).anyMatch(javax.net.ssl.SSLHandshakeException.class::isInstance));
	}

	private static java.util.List<Throwable> causes(Throwable ex) {
		java.util.List<Throwable> causes = new java.util.ArrayList<>();
		for (Throwable cause = ex; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

}
