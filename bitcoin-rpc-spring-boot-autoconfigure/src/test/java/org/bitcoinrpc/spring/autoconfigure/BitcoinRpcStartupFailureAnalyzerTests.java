package org.bitcoinrpc.spring.autoconfigure;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcEndpointException;
import org.bitcoinrpc.client.RpcHttpStatusException;
import org.bitcoinrpc.client.RpcProtocolException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link BitcoinRpcStartupFailureAnalyzer} says for each kind of cause: the node's URL and
 * the error in the description, the property to fix in the action.
 */
class BitcoinRpcStartupFailureAnalyzerTests {

	private static final String URL = "ws://127.0.0.1:18334/ws";

	private final BitcoinRpcStartupFailureAnalyzer analyzer = new BitcoinRpcStartupFailureAnalyzer();

	@Test
	void refusedCredentialsPointAtTheUserPasswordAndCookieFile() {
		FailureAnalysis analysis = analyze(
				new RpcAuthenticationException("The node at " + URL + " refused the credentials (HTTP 401)"));
		assertThat(analysis.getDescription()).contains(URL).contains("log in").contains("refused the credentials (HTTP 401)");
		assertThat(analysis.getAction()).contains("bitcoin.rpc.user")
			.contains("bitcoin.rpc.password")
			.contains("bitcoin.rpc.cookie-file")
			.doesNotContain("bitcoin.rpc.fail-fast");
	}

	@Test
	void endpointErrorsPointAtTheUrl() {
		for (Throwable cause : new Throwable[] {
				new RpcEndpointException(URL + " answered 200 without upgrading to a websocket"),
				new RpcHttpStatusException("HTTP 404 from " + URL, 404, "Not Found"),
				new RpcProtocolException("The reply from " + URL + " is not JSON-RPC") }) {
			FailureAnalysis analysis = analyze(cause);
			assertThat(analysis.getDescription()).as(cause.toString()).contains(URL).contains(cause.getMessage());
			assertThat(analysis.getAction()).as(cause.toString())
				.contains("bitcoin.rpc.url")
				.doesNotContain("bitcoin.rpc.password");
		}
	}

	@Test
	void tlsFailuresPointAtTheCertificates() {
		FailureAnalysis analysis = analyze(new RpcConnectionException("TLS handshake with " + URL + " failed",
				new SSLHandshakeException("PKIX path building failed")));
		assertThat(analysis.getDescription()).contains(URL).contains("TLS");
		assertThat(analysis.getAction()).contains("bitcoin.rpc.tls.certificates");
	}

	@Test
	void anUnreachableNodeSaysToCheckItOrToStartWithoutFailFast() {
		for (Throwable cause : new Throwable[] {
				new RpcConnectionException("Could not connect to " + URL + ": Connection refused",
						new ConnectException("Connection refused")),
				new TimeoutException("no answer in time") }) {
			FailureAnalysis analysis = analyze(cause);
			assertThat(analysis.getDescription()).as(cause.toString())
				.contains(URL)
				.contains("could not be reached")
				.contains(cause.getMessage());
			assertThat(analysis.getAction()).as(cause.toString())
				.contains("node is running")
				.contains("bitcoin.rpc.url")
				.contains("bitcoin.rpc.fail-fast=false");
		}
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(this.analyzer.analyze(new IllegalStateException("something else"))).isNull();
	}

	/** As Spring reports it: a lifecycle bean that failed to start. */
	private FailureAnalysis analyze(Throwable cause) {
		FailureAnalysis analysis = this.analyzer.analyze(new ApplicationContextException(
				"Failed to start bean 'bitcoinRpcClientLifecycle'", new BitcoinRpcStartupException(URL, cause)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isInstanceOf(BitcoinRpcStartupException.class);
		return analysis;
	}

}
