package org.bitcoinrpc.readme;

// tag::quick-start[]
import java.nio.file.Path;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;

// end::quick-start[]
import java.io.IOException;
import java.nio.file.Files;

import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README "Quick start", run as shown: against a simulated btcd with TLS on btcd's own port, 8334 of
 * 127.0.0.1, its certificate where btcd writes it, under a home directory of the test's own. The
 * port is fixed because the snippet names it: a btcd (or anything else) listening on 127.0.0.1:8334
 * makes this test fail with "Could not start the simulated node on 127.0.0.1:8334", never reach it.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuickStartTests {

	@TempDir
	Path home;

	static void quickStart() {
		// tag::quick-start[]
		try (BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder()
				.url("wss://127.0.0.1:8334/ws").credentials("user", "pass")
				.trustedCertificates(Path.of(System.getProperty("user.home"), ".btcd", "rpc.cert")).build())) {
			client.connect();
			System.out.println(client.getBlockCount() + " " + client.getBestBlockHash());
		}
		// end::quick-start[]
	}

	@Test
	void printsTheHeightAndBestBlockOfTheNode(CapturedOutput output) throws IOException {
		try (SimulatedNode node = SimulatedNode.builder().port(8334).tls(true).user("user").password("pass")
			.initialHeight(7).build().start()) {
			Path certificate = this.home.resolve(".btcd").resolve("rpc.cert");
			Files.createDirectories(certificate.getParent());
			Files.writeString(certificate, node.certificatePem());
			// The snippet finds the certificate under user.home; tests in this JVM run one at a time.
			String userHome = System.getProperty("user.home");
			System.setProperty("user.home", this.home.toString());
			try {
				quickStart();
			}
			finally {
				System.setProperty("user.home", userHome);
			}
			assertThat(output.getOut()).contains("7 " + node.bestBlockHash());
			assertThat(node.requestCount("getblockcount")).isEqualTo(1);
		}
	}

}
