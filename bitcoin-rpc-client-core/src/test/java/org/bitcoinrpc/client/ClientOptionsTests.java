package org.bitcoinrpc.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.bitcoinrpc.client.zmq.ZmqOptions;
import org.bitcoinrpc.client.zmq.ZmqTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOptionsTests {

	private static ClientOptions everyFieldSet() {
		return ClientOptions.builder()
			.url("wss://node.example:8334/ws")
			.credentials("user", "pass")
			.trustedCertificates("-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII))
			.proxy(ProxyOptions.socks5("127.0.0.1", 9050).withCredentials("tor-user", "tor-pass"))
			.requestTimeout(Duration.ofSeconds(7))
			.connectTimeout(Duration.ofSeconds(3))
			.maxPendingRequests(123)
			.maxResponseSize(4096)
			.maxConnections(5)
			.sendBufferLimit(777)
			.notificationQueueSize(55)
			.reconnect(false)
			.reconnectDelay(Delay.constant(Duration.ofMillis(5)))
			.keepAliveInterval(Duration.ofSeconds(4))
			.keepAliveTimeout(Duration.ofSeconds(2))
			.disconnectedBehavior(DisconnectedBehavior.REJECT)
			.queueTimeout(Duration.ofMillis(1500))
			.resendPolicy(ResendPolicy.never())
			.callTracer(CALL_TRACER)
			.tlsOptions(TlsOptions.builder().keyManager(TlsOptionsTests.keyManager()).protocols("TLSv1.3").build())
			.build();
	}

	private static final CallTracer CALL_TRACER = (call) -> (outcome, failure) -> {
	};

	@Test
	void everyFieldSurvivesMutate() {
		ClientOptions options = everyFieldSet();
		ClientOptions copy = options.mutate().build();
		assertThat(copy).isEqualTo(options);
		assertThat(copy).usingRecursiveComparison().isEqualTo(options);
		assertThat(copy.callTracer()).isSameAs(CALL_TRACER);
		ClientOptions cookie = ClientOptions.builder().url("http://127.0.0.1:8332/").cookieFile(Path.of("/data/.cookie")).build();
		assertThat(cookie.mutate().build().cookieFile()).isEqualTo(Path.of("/data/.cookie"));
	}

	@Test
	void pemCertificatesAndATrustManagerAreNotBothTaken() {
		TlsOptions tls = TlsOptions.builder().trustManager(TlsOptionsTests.trustManager()).build();
		ClientOptions.Builder builder = ClientOptions.builder()
			.url("wss://127.0.0.1:8334/ws")
			.trustedCertificates("-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII))
			.tlsOptions(tls);
		assertThatIllegalArgumentException().isThrownBy(builder::build)
			.withMessage("set either trustedCertificates or the trustManager of tlsOptions, not both");
		// A client key with PEM trust is fine: that is one source of trust.
		TlsOptions keyOnly = TlsOptions.builder().keyManager(TlsOptionsTests.keyManager()).build();
		assertThat(builder.tlsOptions(keyOnly).build().tlsOptions()).isSameAs(keyOnly);
		assertThat(builder.trustedCertificates((byte[]) null).tlsOptions(tls).build().tlsOptions()).isSameAs(tls);
	}

	@Test
	void defaultsAreTheDocumentedConstants() {
		ClientOptions options = ClientOptions.builder().url("http://127.0.0.1:8332/").build();
		assertThat(options.requestTimeout()).isEqualTo(ClientOptions.DEFAULT_REQUEST_TIMEOUT);
		assertThat(options.connectTimeout()).isEqualTo(ClientOptions.DEFAULT_CONNECT_TIMEOUT);
		assertThat(options.maxPendingRequests()).isEqualTo(ClientOptions.DEFAULT_MAX_PENDING_REQUESTS);
		assertThat(options.maxResponseSize()).isEqualTo(ClientOptions.DEFAULT_MAX_RESPONSE_SIZE).isGreaterThan(10 * 1024 * 1024);
		assertThat(options.maxConnections()).isEqualTo(ClientOptions.DEFAULT_MAX_CONNECTIONS);
		assertThat(options.sendBufferLimit()).isEqualTo(ClientOptions.DEFAULT_SEND_BUFFER_LIMIT);
		assertThat(options.notificationQueueSize()).isEqualTo(ClientOptions.DEFAULT_NOTIFICATION_QUEUE_SIZE);
		assertThat(options.reconnect()).isTrue();
		assertThat(options.reconnectDelay().delay(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.reconnectDelay().delay(20)).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.keepAliveInterval()).isEqualTo(ClientOptions.DEFAULT_KEEP_ALIVE_INTERVAL);
		assertThat(options.queueTimeout()).isEqualTo(ClientOptions.DEFAULT_QUEUE_TIMEOUT);
		assertThat(options.keepAliveTimeout()).isEqualTo(ClientOptions.DEFAULT_KEEP_ALIVE_TIMEOUT);
		assertThat(options.disconnectedBehavior()).isEqualTo(DisconnectedBehavior.WAIT_FOR_RECONNECT);
		assertThat(options.resendPolicy()).isSameAs(ResendPolicy.readOnlyCalls());
	}

	@Test
	void schemeSelectsModeAndTls() {
		assertThat(opts("ws://h/ws").mode()).isEqualTo(TransportMode.WEBSOCKET);
		assertThat(opts("ws://h/ws").tls()).isFalse();
		assertThat(opts("WSS://h/ws").tls()).isTrue();
		assertThat(opts("http://h/").mode()).isEqualTo(TransportMode.HTTP_POST);
		assertThat(opts("https://h/").tls()).isTrue();
	}

	@Test
	void badArgumentsAreRejectedNamingTheArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> opts("ftp://h/")).withMessageContaining("scheme")
			.withMessageContaining("ftp");
		assertThatIllegalArgumentException().isThrownBy(() -> opts("127.0.0.1:8332")).withMessageContaining("url");
		assertThatIllegalArgumentException().isThrownBy(() -> opts("http:// bad")).withMessageContaining("url");
		assertThatIllegalArgumentException().isThrownBy(() -> opts("http://user:secret@h/"))
			.withMessageContaining("credentials").withMessageNotContaining("secret");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.builder().build()).withMessage("url must be set");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.builder().requestTimeout(Duration.ZERO))
			.withMessageContaining("requestTimeout");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.builder().maxPendingRequests(0))
			.withMessageContaining("maxPendingRequests");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.builder().maxResponseSize(10))
			.withMessageContaining("maxResponseSize");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClientOptions.builder().url("http://h/").credentials("u", "p").cookieFile(Path.of("c")).build())
			.withMessageContaining("cookieFile");
		assertThatIllegalArgumentException().isThrownBy(() -> ProxyOptions.socks5("h", 70000)).withMessageContaining("proxy port");
		assertThatThrownBy(() -> ClientOptions.builder().trustedCertificates(Path.of("/no/such/rpc.cert")))
			.hasMessageContaining("/no/such/rpc.cert");
	}

	/**
	 * A password typed into the URL must not come back in the error, whatever it holds: characters
	 * that end the authority ({@code # / ?}), an {@code @}, or ones the URI parser rejects (whose
	 * exception quotes the whole input).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "http://alice:Sup3rS3cret@127.0.0.1:1/", "http://alice:Sup3r S3cret@host/",
			"http://alice:Sup3r#S3cret@host/", "http://alice:Sup3r@S3cret@host/", "http://alice:Sup3r/S3cret@host/",
			"http://alice:Sup3r?S3cret@host/", "http://alice:Sup3r%zzS3cret@host/", "http://alice:Sup3rS3cret@my_host/",
			"http://alice:Sup3rS3cret@host:abc/", "http://alice:Sup3rS3cret@[::1/", "//alice:Sup3rS3cret@host/",
			"ws://alice:Sup3rS3cret@/ws" })
	void urlErrorsNeverShowThePassword(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> opts(url))
			.withMessageContaining("url")
			.withMessageNotContaining("Sup3r")
			.withMessageNotContaining("S3cret");
	}

	@Test
	void urlErrorsShowTheUrlWithItsPasswordMasked() {
		assertThatIllegalArgumentException().isThrownBy(() -> opts("http://alice:Sup3r@S3cret@host:8332/"))
			.withMessageContaining("http://alice:****@host:8332/");
	}

	@Test
	void proxyAndZmqAddressesWithUserInfoAreRejectedWithoutThePassword() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProxyOptions.socks5("tor:Sup3rS3cret@127.0.0.1", 9050))
			.withMessageContaining("proxy host")
			.withMessageNotContaining("Sup3rS3cret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZmqOptions.builder().endpoint(ZmqTopic.HASHBLOCK, "tcp://alice:Sup3rS3cret@127.0.0.1:28332"))
			.withMessageContaining("endpoint")
			.withMessageNotContaining("Sup3rS3cret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZmqOptions.builder().endpoint(ZmqTopic.HASHBLOCK, "tcp://alice:Sup3r S3cret@127.0.0.1:28332"))
			.withMessageNotContaining("Sup3r")
			.withMessageNotContaining("S3cret");
	}

	@Test
	void toStringNeverShowsSecrets() {
		String text = everyFieldSet().toString();
		assertThat(text).contains("user=user", "wss://node.example:8334/ws").doesNotContain("pass]", "=pass", "tor-pass");
	}

	private static ClientOptions opts(String url) {
		return ClientOptions.builder().url(url).build();
	}

}
