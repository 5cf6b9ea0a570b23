package org.bitcoinrpc.spring.autoconfigure;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.SimulatedNodeExtension;
import org.bitcoinrpc.test.tls.SelfSignedCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bitcoin.rpc.ssl.bundle}: the client trusts what a Spring Boot SSL bundle trusts, PEM or
 * key store, over a real TLS handshake with the simulated node; the connection details carry the
 * bundle; a missing bundle and a second source of trust fail the start-up naming the properties.
 */
class BitcoinRpcSslBundleTests {

	@RegisterExtension
	static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(
			SimulatedNode.builder().user("u").password("p").tls(true));

	@TempDir
	static Path dir;

	private static Path certificate;

	private static Path trustStore;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("bitcoin.rpc.user=u", "bitcoin.rpc.password=p");

	@BeforeAll
	static void writeTrustMaterial() throws Exception {
		certificate = dir.resolve("node.pem");
		Files.writeString(certificate, NODE.node().certificatePem(), StandardCharsets.US_ASCII);
		trustStore = dir.resolve("node-trust.p12");
		try (OutputStream out = Files.newOutputStream(trustStore)) {
			NODE.node().certificate().trustStore().store(out, "changeit".toCharArray());
		}
	}

	private static String url(String mode) {
		return mode.equals("wss") ? NODE.node().wsUrl() : NODE.node().httpUrl();
	}

	@ParameterizedTest
	@ValueSource(strings = { "wss", "https" })
	void pemBundleTrustsTheNode(String mode) {
		this.runner
			.withPropertyValues("spring.ssl.bundle.pem.node.truststore.certificate=file:" + certificate,
					"bitcoin.rpc.ssl.bundle=node", "bitcoin.rpc.url=" + url(mode))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SslBundle bundle = context.getBean(SslBundles.class).getBundle("node");
				assertThat(context.getBean(BitcoinRpcConnectionDetails.class).getSslBundle()).isSameAs(bundle);
				BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
				ClientOptions options = client.options();
				assertThat(options.trustedCertificates()).isNull();
				assertThat(options.tlsOptions()).isNotNull();
				assertThat(options.tlsOptions().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
				await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
				assertThat(client.getBlockCount()).isEqualTo(NODE.node().blockCount());
			});
	}

	@Test
	void keyStoreBundleTrustsTheNodeAndCarriesTheClientKey() {
		// Any key pair will do as the client's: the simulated node does not ask for one.
		SelfSignedCertificate key = NODE.node().certificate();
		this.runner
			.withPropertyValues("spring.ssl.bundle.jks.node.truststore.location=file:" + trustStore,
					"spring.ssl.bundle.jks.node.truststore.password=changeit",
					"spring.ssl.bundle.jks.node.truststore.type=PKCS12",
					"spring.ssl.bundle.jks.node.keystore.location=file:" + key.keyStorePath(),
					"spring.ssl.bundle.jks.node.keystore.password=" + key.keyStorePassword(),
					"spring.ssl.bundle.jks.node.keystore.type=PKCS12", "bitcoin.rpc.ssl.bundle=node",
					"bitcoin.rpc.url=" + NODE.node().httpUrl())
			.run((context) -> {
				BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
				KeyManagerFactory keyManager = client.options().tlsOptions().keyManager();
				assertThat(keyManager).isNotNull();
				X509KeyManager manager = (X509KeyManager) keyManager.getKeyManagers()[0];
				assertThat(manager.getClientAliases("EC", null)).contains(SelfSignedCertificate.ALIAS);
				assertThat(manager.getCertificateChain(SelfSignedCertificate.ALIAS)[0]).isEqualTo(key.certificate());
				await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
				assertThat(client.getBestBlockHash()).hasSize(64);
			});
	}

	@Test
	void bundleOptionsNarrowTheProtocols() {
		this.runner
			.withPropertyValues("spring.ssl.bundle.pem.node.truststore.certificate=file:" + certificate,
					"spring.ssl.bundle.pem.node.options.enabled-protocols=TLSv1.3",
					"spring.ssl.bundle.pem.node.options.ciphers=TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384",
					"bitcoin.rpc.ssl.bundle=node", "bitcoin.rpc.url=" + NODE.node().httpUrl())
			.run((context) -> {
				BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
				assertThat(client.options().tlsOptions().protocols()).containsExactly("TLSv1.3");
				assertThat(client.options().tlsOptions().cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256",
						"TLS_AES_256_GCM_SHA384");
				await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
				assertThat(client.getBlockCount()).isEqualTo(NODE.node().blockCount());
			});
	}

	@Test
	void aBundleWithOlderProtocolsIsRefused() {
		this.runner
			.withPropertyValues("spring.ssl.bundle.pem.node.truststore.certificate=file:" + certificate,
					"spring.ssl.bundle.pem.node.options.enabled-protocols=TLSv1.1",
					"bitcoin.rpc.ssl.bundle=node", "bitcoin.rpc.url=" + NODE.node().httpUrl())
			.run((context) -> {
				assertThat(context).hasFailed();
				InvalidConfigurationPropertyValueException invalid = invalid(context.getStartupFailure());
				assertThat(invalid.getName()).isEqualTo("bitcoin.rpc.ssl.bundle");
				assertThat(invalid.getReason()).contains("TLSv1.1").contains("TLSv1.3 and TLSv1.2");
			});
	}

	@Test
	void anUnknownBundleFailsTheStartUpNamingTheProperty() {
		List<String> properties = List.of("spring.ssl.bundle.pem.node.truststore.certificate=file:" + certificate,
				"bitcoin.rpc.ssl.bundle=nodee", "bitcoin.rpc.url=" + NODE.node().httpUrl());
		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			InvalidConfigurationPropertyValueException invalid = invalid(context.getStartupFailure());
			assertThat(invalid.getName()).isEqualTo("bitcoin.rpc.ssl.bundle");
			assertThat(invalid.getValue()).isEqualTo("nodee");
			assertThat(invalid.getReason()).contains("spring.ssl.bundle.pem.nodee").contains("[node]");
			FailureAnalysis analysis = StartupFailureMessagesTests.analyze(context.getStartupFailure(), properties);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("bitcoin.rpc.ssl.bundle").contains("nodee");
		});
	}

	@Test
	void aBundleWithoutSslBundlesFailsTheStartUp() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class))
			.withPropertyValues("bitcoin.rpc.ssl.bundle=node", "bitcoin.rpc.url=" + NODE.node().httpUrl())
			.run((context) -> {
				assertThat(context).hasFailed();
				InvalidConfigurationPropertyValueException invalid = invalid(context.getStartupFailure());
				assertThat(invalid.getName()).isEqualTo("bitcoin.rpc.ssl.bundle");
				assertThat(invalid.getReason()).contains("SslBundles");
			});
	}

	@Test
	void aBundleAndPemCertificatesAreNotBothTaken() {
		this.runner
			.withPropertyValues("bitcoin.rpc.ssl.bundle=no-such-bundle", "bitcoin.rpc.tls.certificates=file:" + certificate,
					"bitcoin.rpc.url=" + NODE.node().httpUrl())
			.run((context) -> {
				assertThat(context).hasFailed();
				// The conflict is reported, not the missing bundle: it is the first thing to fix.
				InvalidConfigurationPropertyValueException invalid = invalid(context.getStartupFailure());
				assertThat(invalid.getName()).isEqualTo("bitcoin.rpc.ssl.bundle");
				assertThat(invalid.getReason()).contains("bitcoin.rpc.ssl.bundle").contains("bitcoin.rpc.tls.certificates");
			});
	}

	@Test
	void connectionDetailsOfTheApplicationCarryTheirBundle() {
		this.runner.withPropertyValues("spring.ssl.bundle.pem.node.truststore.certificate=file:" + certificate)
			.withUserConfiguration(NodeDetailsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
				await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
				assertThat(client.getBlockCount()).isEqualTo(NODE.node().blockCount());
			});
		// With the details' bundle, bitcoin.rpc.tls.certificates would be a second source of trust.
		this.runner
			.withPropertyValues("spring.ssl.bundle.pem.node.truststore.certificate=file:" + certificate,
					"bitcoin.rpc.tls.certificates=file:" + certificate)
			.withUserConfiguration(NodeDetailsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				InvalidConfigurationPropertyValueException invalid = invalid(context.getStartupFailure());
				assertThat(invalid.getName()).isEqualTo("bitcoin.rpc.tls.certificates");
				assertThat(invalid.getReason()).contains(NodeDetails.class.getName()).contains("SSL bundle");
			});
	}

	private static InvalidConfigurationPropertyValueException invalid(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes.stream()
			.filter(InvalidConfigurationPropertyValueException.class::isInstance)
			.map(InvalidConfigurationPropertyValueException.class::cast)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No InvalidConfigurationPropertyValueException in " + causes));
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class NodeDetailsConfiguration {

		@org.springframework.context.annotation.Bean
		NodeDetails nodeDetails(SslBundles sslBundles) {
			return new NodeDetails(sslBundles.getBundle("node"));
		}

	}

	/** Details an application (or a test kit) provides, with a bundle of its own. */
	static class NodeDetails implements BitcoinRpcConnectionDetails {

		private final SslBundle bundle;

		NodeDetails(SslBundle bundle) {
			this.bundle = bundle;
		}

		@Override
		public String getUrl() {
			return NODE.node().wsUrl();
		}

		@Override
		public String getUser() {
			return "u";
		}

		@Override
		public String getPassword() {
			return "p";
		}

		@Override
		public SslBundle getSslBundle() {
			return this.bundle;
		}

	}

}
