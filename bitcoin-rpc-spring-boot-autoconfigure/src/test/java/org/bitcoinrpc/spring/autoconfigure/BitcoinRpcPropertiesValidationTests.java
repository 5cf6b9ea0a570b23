package org.bitcoinrpc.spring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every invalid property fails the start-up with an error that names it, and never quotes a
 * password.
 */
class BitcoinRpcPropertiesValidationTests {

	private static final String SECRET = "Sup3r-S3cret-Value";

	private static final String WS = "bitcoin.rpc.url=ws://127.0.0.1:1/ws";

	private static final String TXID = "ab".repeat(32);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BitcoinRpcAutoConfiguration.class));

	static Stream<Arguments> invalidProperties() {
		return Stream.of(
				invalid("bitcoin.rpc.url", "must be set", "bitcoin.rpc.user=u"),
				invalid("bitcoin.rpc.url", "url scheme must be ws, wss, http or https", "bitcoin.rpc.url=ftp://127.0.0.1/"),
				invalid("bitcoin.rpc.url", "must name a host", "bitcoin.rpc.url=ws:///ws"),
				invalid("bitcoin.rpc.url", "must not contain credentials", "bitcoin.rpc.url=ws://u:" + SECRET + "@127.0.0.1:1/ws"),
				invalid("bitcoin.rpc.url", "not a valid URI", "bitcoin.rpc.url=ws://u:" + SECRET + " x@127.0.0.1:1/ws"),
				invalid("bitcoin.rpc.password", "Must be set when bitcoin.rpc.user is set", WS, "bitcoin.rpc.user=u"),
				invalid("bitcoin.rpc.user", "Must be set when bitcoin.rpc.password is set", WS, "bitcoin.rpc.password=" + SECRET),
				invalid("bitcoin.rpc.cookie-file", "not both", WS, "bitcoin.rpc.user=u", "bitcoin.rpc.password=" + SECRET,
						"bitcoin.rpc.cookie-file=/tmp/.cookie"),
				invalid("bitcoin.rpc.tls.certificates", "does not exist", WS,
						"bitcoin.rpc.tls.certificates=classpath:no-such-cert.pem"),
				invalid("bitcoin.rpc.tls.certificates", "does not exist", WS,
						"bitcoin.rpc.tls.certificates=file:/no/such/dir/rpc.cert"),
				invalid("bitcoin.rpc.tls.certificates", "Not a PEM certificate", WS,
						"bitcoin.rpc.tls.certificates=classpath:logback-test.xml"),
				invalid("bitcoin.rpc.proxy.port", "between 1 and 65535", WS, "bitcoin.rpc.proxy.host=127.0.0.1",
						"bitcoin.rpc.proxy.port=70000"),
				invalid("bitcoin.rpc.proxy.port", "between 1 and 65535", WS, "bitcoin.rpc.proxy.host=127.0.0.1",
						"bitcoin.rpc.proxy.port=0"),
				invalid("bitcoin.rpc.proxy.port", "Must be set when bitcoin.rpc.proxy.host is set", WS,
						"bitcoin.rpc.proxy.host=127.0.0.1"),
				invalid("bitcoin.rpc.proxy.host", "Must be set when other", WS, "bitcoin.rpc.proxy.port=9050"),
				invalid("bitcoin.rpc.proxy.password", "Must be set when bitcoin.rpc.proxy.user is set", WS,
						"bitcoin.rpc.proxy.host=127.0.0.1", "bitcoin.rpc.proxy.port=9050", "bitcoin.rpc.proxy.user=tor"),
				invalid("bitcoin.rpc.proxy.user", "Must be set when bitcoin.rpc.proxy.password is set", WS,
						"bitcoin.rpc.proxy.host=127.0.0.1", "bitcoin.rpc.proxy.port=9050",
						"bitcoin.rpc.proxy.password=" + SECRET),
				invalid("bitcoin.rpc.request-timeout", "positive", WS, "bitcoin.rpc.request-timeout=0s"),
				invalid("bitcoin.rpc.connect-timeout", "positive", WS, "bitcoin.rpc.connect-timeout=-1s"),
				invalid("bitcoin.rpc.max-pending-requests", "at least 1", WS, "bitcoin.rpc.max-pending-requests=0"),
				invalid("bitcoin.rpc.io-threads", "at least 1", WS, "bitcoin.rpc.io-threads=0"),
				invalid("bitcoin.rpc.max-response-size", "between 1KB", WS, "bitcoin.rpc.max-response-size=10B"),
				invalid("bitcoin.rpc.max-response-size", "between 1KB", WS, "bitcoin.rpc.max-response-size=3GB"),
				invalid("bitcoin.rpc.max-connections", "at least 1", WS, "bitcoin.rpc.max-connections=0"),
				invalid("bitcoin.rpc.notification-queue-size", "at least 1", WS, "bitcoin.rpc.notification-queue-size=-5"),
				invalid("bitcoin.rpc.send-buffer-limit", "between 1B", WS, "bitcoin.rpc.send-buffer-limit=0B"),
				invalid("bitcoin.rpc.send-buffer-limit", "between 1B", WS, "bitcoin.rpc.send-buffer-limit=3GB"),
				invalid("bitcoin.rpc.json-rpc-version", "Must be '1.0' or '2.0'", WS, "bitcoin.rpc.json-rpc-version=3.0"),
				invalid("bitcoin.rpc.wallet", "Needs an http:// or https://", WS, "bitcoin.rpc.wallet=w1"),
				invalid("bitcoin.rpc.wallet", "Needs an http:// or https://", "bitcoin.rpc.url=wss://127.0.0.1:1/ws",
						"bitcoin.rpc.wallet=w1"),
				invalid("bitcoin.rpc.resend-safe-methods", "Must be empty when bitcoin.rpc.resend-policy is 'never'", WS,
						"bitcoin.rpc.resend-policy=never", "bitcoin.rpc.resend-safe-methods=importmulti"),
				invalid("bitcoin.rpc.reconnect.initial-delay", "positive", WS, "bitcoin.rpc.reconnect.initial-delay=0ms"),
				invalid("bitcoin.rpc.reconnect.queue-timeout", "positive", WS, "bitcoin.rpc.reconnect.queue-timeout=0s"),
				invalid("bitcoin.rpc.reconnect.max-delay", "Must not be shorter", WS,
						"bitcoin.rpc.reconnect.initial-delay=10s", "bitcoin.rpc.reconnect.max-delay=5s"),
				invalid("bitcoin.rpc.keepalive.interval", "negative", WS, "bitcoin.rpc.keepalive.interval=-1s"),
				invalid("bitcoin.rpc.keepalive.timeout", "positive", WS, "bitcoin.rpc.keepalive.timeout=0s"),
				invalid("bitcoin.rpc.shutdown-timeout", "positive", WS, "bitcoin.rpc.shutdown-timeout=0s"),
				// Blocks work over HTTP (the chain follower polls), the others do not.
				invalid("bitcoin.rpc.notifications.transactions", "need a websocket URL", "bitcoin.rpc.url=http://127.0.0.1:1/",
						"bitcoin.rpc.notifications.blocks=true", "bitcoin.rpc.notifications.transactions=verbose"),
				invalid("bitcoin.rpc.notifications.transactions", "need a websocket URL",
						"bitcoin.rpc.url=https://127.0.0.1:1/", "bitcoin.rpc.notifications.transactions=txid"),
				invalid("bitcoin.rpc.notifications.addresses", "need a websocket URL", "bitcoin.rpc.url=http://127.0.0.1:1/",
						"bitcoin.rpc.notifications.addresses=addr1"),
				invalid("bitcoin.rpc.notifications.outpoints", "need a websocket URL", "bitcoin.rpc.url=http://127.0.0.1:1/",
						"bitcoin.rpc.notifications.outpoints=" + TXID + ":0"),
				invalid("bitcoin.rpc.notifications.outpoints[0]", "txid:index", WS,
						"bitcoin.rpc.notifications.outpoints=nonsense"),
				invalid("bitcoin.rpc.notifications.outpoints[1]", "txid:index", WS,
						"bitcoin.rpc.notifications.outpoints=" + TXID + ":0," + TXID + ":-1"),
				invalid("bitcoin.rpc.notifications.outpoints[0]", "txid:index", WS,
						"bitcoin.rpc.notifications.outpoints=abc:1"));
	}

	private static Arguments invalid(String name, String reason, String... properties) {
		return Arguments.of(name, reason, properties);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("invalidProperties")
	void failsNamingTheProperty(String name, String reason, String[] properties) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
					assertThat(ex.getName()).isEqualTo(name);
					assertThat(ex.getReason()).contains(reason);
				});
			assertThat(context).getFailure().satisfies((failure) -> {
				for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
					assertThat(String.valueOf(cause.getMessage())).doesNotContain(SECRET);
				}
			});
		});
	}

	@Test
	void validOutpointsAndAddressesStart(@TempDir Path dir) throws Exception {
		Path cookie = Files.writeString(dir.resolve(".cookie"), "__cookie__:00");
		this.runner
			.withPropertyValues(WS, "bitcoin.rpc.notifications.outpoints=" + TXID + ":0," + TXID.toUpperCase() + ":7",
					"bitcoin.rpc.notifications.addresses=addr1", "bitcoin.rpc.cookie-file=" + cookie)
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
