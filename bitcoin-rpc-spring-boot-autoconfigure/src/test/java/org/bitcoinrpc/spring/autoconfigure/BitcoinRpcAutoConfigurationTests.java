package org.bitcoinrpc.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ClientResources;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.DisconnectedBehavior;
import org.bitcoinrpc.client.JsonRpcVersion;
import org.bitcoinrpc.client.ProxyOptions;
import org.bitcoinrpc.client.ResendPolicy;
import org.bitcoinrpc.client.TransportMode;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.SimulatedNodeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client bean: built from the properties, backing off, customized, pointed elsewhere by
 * connection details, and off when disabled.
 */
class BitcoinRpcAutoConfigurationTests {

	@RegisterExtension
	static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(
			SimulatedNode.builder().user("rpc-user").password("rpc-pass"));

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class));

	@Test
	void defaultOptionsAreTheClientDefaults() {
		this.runner.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws").run((context) -> {
			assertThat(context).hasSingleBean(BitcoinRpcClient.class)
				.hasSingleBean(BitcoinRpcConnectionDetails.class)
				.hasSingleBean(BitcoinRpcClientLifecycle.class);
			ClientOptions options = context.getBean(BitcoinRpcClient.class).options();
			assertThat(options).isEqualTo(ClientOptions.builder().url("ws://127.0.0.1:1/ws").build());
			assertThat(options.reconnectDelay()).isSameAs(ClientOptions.DEFAULT_RECONNECT_DELAY);
		});
	}

	@Test
	void appliesEveryProperty(@TempDir Path dir) throws Exception {
		SimulatedNode tlsNode = SimulatedNode.builder().tls(true).build();
		Path certificate = dir.resolve("rpc.cert");
		Files.writeString(certificate, tlsNode.certificatePem(), StandardCharsets.US_ASCII);
		this.runner
			.withPropertyValues("bitcoin.rpc.url=wss://127.0.0.1:1/ws", "bitcoin.rpc.user=alice",
					"bitcoin.rpc.password=secret", "bitcoin.rpc.tls.certificates=file:" + certificate,
					"bitcoin.rpc.proxy.host=127.0.0.1", "bitcoin.rpc.proxy.port=9050", "bitcoin.rpc.proxy.user=tor",
					"bitcoin.rpc.proxy.password=tor-pass", "bitcoin.rpc.request-timeout=12s",
					"bitcoin.rpc.connect-timeout=3s", "bitcoin.rpc.max-pending-requests=42",
					"bitcoin.rpc.max-response-size=16MB", "bitcoin.rpc.reconnect.enabled=false",
					"bitcoin.rpc.reconnect.policy=linear", "bitcoin.rpc.reconnect.initial-delay=1s",
					"bitcoin.rpc.reconnect.max-delay=3s", "bitcoin.rpc.reconnect.queue-timeout=2500ms",
					"bitcoin.rpc.reconnect.disconnected-behavior=reject", "bitcoin.rpc.keepalive.interval=0s",
					"bitcoin.rpc.keepalive.timeout=4s", "bitcoin.rpc.json-rpc-version=2.0",
					"bitcoin.rpc.max-connections=3", "bitcoin.rpc.send-buffer-limit=2MB",
					"bitcoin.rpc.notification-queue-size=77", "bitcoin.rpc.resend-policy=read-only-calls",
					"bitcoin.rpc.resend-safe-methods=importdescriptors, ImportMulti")
			.run((context) -> {
				ClientOptions options = context.getBean(BitcoinRpcClient.class).options();
				assertThat(options.url()).hasToString("wss://127.0.0.1:1/ws");
				assertThat(options.jsonRpcVersion()).isEqualTo(JsonRpcVersion.V2_0);
				assertThat(options.maxConnections()).isEqualTo(3);
				assertThat(options.sendBufferLimit()).isEqualTo(2 * 1024 * 1024);
				assertThat(options.notificationQueueSize()).isEqualTo(77);
				assertThat(options.resendPolicy().isSafeToResend("importdescriptors")).isTrue();
				assertThat(options.resendPolicy().isSafeToResend("importmulti")).isTrue();
				assertThat(options.resendPolicy().isSafeToResend("getblock")).isTrue();
				assertThat(options.resendPolicy().isSafeToResend("sendrawtransaction")).isFalse();
				assertThat(options.mode()).isEqualTo(TransportMode.WEBSOCKET);
				assertThat(options.user()).isEqualTo("alice");
				assertThat(options.password()).isEqualTo("secret");
				assertThat(new String(options.trustedCertificates(), StandardCharsets.US_ASCII))
					.isEqualTo(tlsNode.certificatePem());
				assertThat(options.proxy()).isEqualTo(ProxyOptions.socks5("127.0.0.1", 9050).withCredentials("tor", "tor-pass"));
				assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(12));
				assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.maxPendingRequests()).isEqualTo(42);
				assertThat(options.maxResponseSize()).isEqualTo(16 * 1024 * 1024);
				assertThat(options.reconnect()).isFalse();
				assertThat(options.reconnectDelay().delay(1)).isEqualTo(Duration.ofSeconds(1));
				assertThat(options.reconnectDelay().delay(2)).isEqualTo(Duration.ofSeconds(2));
				assertThat(options.reconnectDelay().delay(9)).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.queueTimeout()).isEqualTo(Duration.ofMillis(2500));
				assertThat(options.disconnectedBehavior()).isEqualTo(DisconnectedBehavior.REJECT);
				assertThat(options.keepAliveInterval()).isZero();
				assertThat(options.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(4));
			});
		// The HTTP-only wallet, and the other resend policy.
		this.runner
			.withPropertyValues("bitcoin.rpc.url=http://127.0.0.1:1/", "bitcoin.rpc.wallet=my wallet",
					"bitcoin.rpc.json-rpc-version=V1_0", "bitcoin.rpc.resend-policy=never")
			.run((context) -> {
				ClientOptions options = context.getBean(BitcoinRpcClient.class).options();
				assertThat(options.wallet()).isEqualTo("my wallet");
				assertThat(options.jsonRpcVersion()).isEqualTo(JsonRpcVersion.V1_0);
				assertThat(options.resendPolicy().isSafeToResend("getblock")).isFalse();
			});
	}

	@Test
	void anEmptyWalletIsNoWallet() {
		this.runner.withPropertyValues("bitcoin.rpc.url=http://127.0.0.1:1/", "bitcoin.rpc.wallet=")
			.run((context) -> assertThat(context.getBean(BitcoinRpcClient.class).options())
				.isEqualTo(ClientOptions.builder().url("http://127.0.0.1:1/").build()));
	}

	@Test
	void exponentialPolicyStaysWithinItsBounds() {
		this.runner
			.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws", "bitcoin.rpc.reconnect.policy=exponential",
					"bitcoin.rpc.reconnect.initial-delay=1s", "bitcoin.rpc.reconnect.max-delay=8s")
			.run((context) -> {
				Delay delay = context.getBean(BitcoinRpcClient.class).options().reconnectDelay();
				assertThat(delay.delay(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
				assertThat(delay.delay(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
				assertThat(delay.delay(30)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
			});
	}

	@Test
	void aCookieFileUnderTildeIsInTheUsersHome() {
		this.runner.withPropertyValues("bitcoin.rpc.url=http://127.0.0.1:1/", "bitcoin.rpc.cookie-file=~/.bitcoin/regtest/.cookie")
			.run((context) -> assertThat(context.getBean(BitcoinRpcClient.class).options().cookieFile())
				.isEqualTo(Path.of(System.getProperty("user.home"), ".bitcoin", "regtest", ".cookie")));
		this.runner.withPropertyValues("bitcoin.rpc.url=http://127.0.0.1:1/", "bitcoin.rpc.cookie-file=data/~/.cookie")
			.run((context) -> assertThat(context.getBean(BitcoinRpcClient.class).options().cookieFile())
				.isEqualTo(Path.of("data", "~", ".cookie")));
	}

	@Test
	void cookieFileIsPassedOn(@TempDir Path dir) {
		Path cookie = dir.resolve(".cookie");
		this.runner.withPropertyValues("bitcoin.rpc.url=http://127.0.0.1:1/", "bitcoin.rpc.cookie-file=" + cookie)
			.run((context) -> {
				ClientOptions options = context.getBean(BitcoinRpcClient.class).options();
				assertThat(options.cookieFile()).isEqualTo(cookie);
				assertThat(options.user()).isNull();
				assertThat(options.mode()).isEqualTo(TransportMode.HTTP_POST);
			});
	}

	@Test
	void connectsToTheNodeWhenTheContextStarts() {
		SimulatedNode node = NODE.node();
		this.runner
			.withPropertyValues("bitcoin.rpc.url=" + node.wsUrl(), "bitcoin.rpc.user=rpc-user",
					"bitcoin.rpc.password=rpc-pass")
			.run((context) -> {
				BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
				await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
				assertThat(client.getBlockCount()).isEqualTo(node.blockCount());
			});
	}

	@Test
	void connectsOverTls(@TempDir Path dir) throws Exception {
		try (SimulatedNode tlsNode = SimulatedNode.builder().tls(true).user("u").password("p").build().start()) {
			Path certificate = dir.resolve("rpc.cert");
			Files.writeString(certificate, tlsNode.certificatePem(), StandardCharsets.US_ASCII);
			this.runner
				.withPropertyValues("bitcoin.rpc.url=" + tlsNode.wsUrl(), "bitcoin.rpc.user=u", "bitcoin.rpc.password=p",
						"bitcoin.rpc.tls.certificates=file:" + certificate)
				.run((context) -> {
					BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
					await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
					assertThat(client.getBlockCount()).isEqualTo(tlsNode.blockCount());
				});
		}
	}

	@Test
	void backsOffWhenTheApplicationDefinesAClient() {
		SimulatedNode node = NODE.node();
		this.runner.withBean("myClient", BitcoinRpcClient.class,
				() -> BitcoinRpcClient.create(node.wsUrl(), "rpc-user", "rpc-pass"))
			.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws")
			.run((context) -> {
				assertThat(context).hasSingleBean(BitcoinRpcClient.class).hasBean("myClient");
				BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
				assertThat(client.options().url()).hasToString(node.wsUrl());
				// Our lifecycle still connects and stops the application's client.
				assertThat(context).hasSingleBean(BitcoinRpcClientLifecycle.class);
				await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesALifecycle() {
		this.runner.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws")
			.withUserConfiguration(CustomLifecycleConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(BitcoinRpcClientLifecycle.class)
				.hasBean("customLifecycle"));
	}

	@Test
	void appliesCustomizersInOrder() {
		this.runner.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws", "bitcoin.rpc.request-timeout=1s")
			.withUserConfiguration(CustomizersConfiguration.class)
			.run((context) -> {
				ClientOptions options = context.getBean(BitcoinRpcClient.class).options();
				assertThat(context.getBean(CustomizersConfiguration.class).calls).containsExactly("first", "second");
				// The properties come first, then each customizer: the last one wins.
				assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(options.resendPolicy()).isSameAs(CustomizersConfiguration.NEVER);
			});
	}

	@Test
	void connectionDetailsBeanReplacesTheProperties() {
		SimulatedNode node = NODE.node();
		this.runner.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws", "bitcoin.rpc.user=wrong")
			.withBean(BitcoinRpcConnectionDetails.class, () -> new BitcoinRpcConnectionDetails() {

				@Override
				public String getUrl() {
					return node.wsUrl();
				}

				@Override
				public String getUser() {
					return "rpc-user";
				}

				@Override
				public String getPassword() {
					return "rpc-pass";
				}

			})
			.run((context) -> {
				assertThat(context).hasSingleBean(BitcoinRpcConnectionDetails.class);
				BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
				assertThat(client.options().url()).hasToString(node.wsUrl());
				assertThat(client.options().user()).isEqualTo("rpc-user");
				await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
			});
	}

	@Test
	void connectionDetailsNeedNoUrlProperty() {
		this.runner.withBean(BitcoinRpcConnectionDetails.class, () -> () -> "http://127.0.0.1:1/")
			.run((context) -> assertThat(context.getBean(BitcoinRpcClient.class).options().url())
				.hasToString("http://127.0.0.1:1/"));
	}

	@Test
	void invalidConnectionDetailsNameTheBean() {
		this.runner.withBean(BitcoinRpcConnectionDetails.class, () -> () -> "ftp://127.0.0.1:1/")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(BitcoinRpcConnectionDetails.class.getSimpleName())
				.hasMessageContaining("url scheme must be ws, wss, http or https"));
	}

	@Test
	void offWhenDisabled() {
		this.runner.withPropertyValues("bitcoin.rpc.enabled=false", "bitcoin.rpc.url=ws://127.0.0.1:1/ws")
			.run((context) -> assertThat(context).doesNotHaveBean(BitcoinRpcClient.class)
				.doesNotHaveBean(BitcoinRpcClientLifecycle.class)
				.doesNotHaveBean(BitcoinRpcProperties.class));
	}

	@Test
	void sanitizingFunctionMasksOurPasswordsInEveryForm() {
		assertThat(BitcoinRpcAutoConfiguration.isSecret("bitcoin.rpc.password")).isTrue();
		assertThat(BitcoinRpcAutoConfiguration.isSecret("bitcoin.rpc.proxy.password")).isTrue();
		assertThat(BitcoinRpcAutoConfiguration.isSecret("BITCOIN_RPC_PASSWORD")).isTrue();
		assertThat(BitcoinRpcAutoConfiguration.isSecret("BITCOIN_RPC_PROXY_PASSWORD")).isTrue();
		assertThat(BitcoinRpcAutoConfiguration.isSecret("bitcoin.rpc.user")).isFalse();
		assertThat(BitcoinRpcAutoConfiguration.isSecret("bitcoin.rpc.url")).isFalse();
		assertThat(BitcoinRpcAutoConfiguration.isSecret("other.password")).isFalse();
	}

	@Test
	void clientRunsOnTheClientResourcesBeanWhichClosesWithTheContext() {
		ClientResources[] seen = new ClientResources[1];
		this.runner.withPropertyValues("bitcoin.rpc.url=ws://127.0.0.1:1/ws", "bitcoin.rpc.io-threads=3")
			.run((context) -> {
				assertThat(context).hasSingleBean(ClientResources.class);
				seen[0] = context.getBean(ClientResources.class);
				assertThat(seen[0].ioThreads()).isEqualTo(3);
				assertThat(context.getBean(BitcoinRpcClient.class).resources()).isSameAs(seen[0]);
			});
		assertThat(seen[0].isClosed()).isTrue();
	}

	@Test
	void anApplicationsClientResourcesAreUsed() {
		this.runner.withPropertyValues("bitcoin.rpc.url=" + NODE.node().httpUrl(), "bitcoin.rpc.user=rpc-user",
				"bitcoin.rpc.password=rpc-pass")
			.withBean("sharedResources", ClientResources.class, () -> ClientResources.create(1))
			.run((context) -> {
				assertThat(context).hasSingleBean(ClientResources.class);
				BitcoinRpcClient client = context.getBean(BitcoinRpcClient.class);
				assertThat(client.resources()).isSameAs(context.getBean("sharedResources"));
				await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
				assertThat(client.getBlockCount()).isNotNegative();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		static final ResendPolicy NEVER = ResendPolicy.never();

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Bean
		@Order(2)
		BitcoinRpcClientCustomizer second() {
			return (builder) -> {
				this.calls.add("second");
				builder.requestTimeout(Duration.ofSeconds(2));
			};
		}

		@Bean
		@Order(1)
		BitcoinRpcClientCustomizer first() {
			return (builder) -> {
				this.calls.add("first");
				builder.requestTimeout(Duration.ofSeconds(7)).resendPolicy(NEVER);
			};
		}

	}

	@Test
	void theReadmesCustomizerSetsWhatNoPropertyCan() {
		this.runner.withUserConfiguration(ReadmeCustomizerConfiguration.class)
			.withPropertyValues("bitcoin.rpc.url=http://127.0.0.1:1/")
			.run((context) -> {
				ClientOptions options = context.getBean(BitcoinRpcClient.class).options();
				assertThat(options.reconnectDelay().delay(1)).isEqualTo(Duration.ofSeconds(1));
				assertThat(options.reconnectDelay().delay(3)).isEqualTo(Duration.ofSeconds(4));
				assertThat(options.reconnectDelay().delay(40)).isEqualTo(Duration.ofSeconds(32));
				assertThat(options.resendPolicy().isSafeToResend("importdescriptors")).isTrue();
				assertThat(options.resendPolicy().isSafeToResend("getblock")).isTrue();
				assertThat(options.resendPolicy().isSafeToResend("sendrawtransaction")).isFalse();
			});
	}

	/** The README's customizer example ("Spring Boot"), as written there. */
	@Configuration(proxyBeanMethods = false)
	static class ReadmeCustomizerConfiguration {

		@Bean
		BitcoinRpcClientCustomizer bitcoinRpcCustomizer() {
			return (ClientOptions.Builder builder) -> builder
				// 1 s, 2 s, 4 s ... at most 32 s, without jitter
				.reconnectDelay((attempt) -> Duration.ofSeconds(1L << Math.min(attempt - 1, 5)))
				// read-only calls, and every import* call
				.resendPolicy((method) -> method.startsWith("import")
						|| ResendPolicy.readOnlyCalls().isSafeToResend(method));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomLifecycleConfiguration {

		@Bean
		BitcoinRpcClientLifecycle customLifecycle(BitcoinRpcClient client) {
			return new BitcoinRpcClientLifecycle(client, new BitcoinRpcProperties(), List.of());
		}

	}

}
