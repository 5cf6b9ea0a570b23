package org.bitcoinrpc.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.bitcoinrpc.client.internal.ConnectionWatchdog;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The application and Bitcoin Core start together (systemd, compose): the cookie file is not
 * there yet, or empty, when the client connects. The client says so once, keeps trying, and is
 * ready by itself once the node has written the file and answers.
 */
class CookieAtStartTests {

	private static final String COOKIE = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	@TempDir
	Path dir;

	private final List<AutoCloseable> closing = new ArrayList<>();

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger watchdogLogger = (Logger) LoggerFactory.getLogger(ConnectionWatchdog.class);

	@BeforeEach
	void captureLog() {
		this.log.start();
		this.watchdogLogger.addAppender(this.log);
	}

	@AfterEach
	void close() throws Exception {
		this.watchdogLogger.detachAppender(this.log);
		for (int i = this.closing.size() - 1; i >= 0; i--) {
			this.closing.get(i).close();
		}
	}

	private <T extends AutoCloseable> T closing(T resource) {
		this.closing.add(resource);
		return resource;
	}

	private BitcoinRpcClient client(String url, Path cookie) {
		return closing(BitcoinRpcClient.create(ClientOptions.builder().url(url).cookieFile(cookie)
			.reconnectDelay(Delay.constant(Duration.ofMillis(50))).build()));
	}

	private List<String> warnings() {
		return this.log.list.stream().filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage).toList();
	}

	@Test
	void aMissingCookieFileIsReportedAndTheClientBecomesReadyOnceTheNodeWritesIt() throws Exception {
		SimulatedNode node = closing(SimulatedNode.builder().user("__cookie__").password(COOKIE).initialHeight(6).build().start());
		Path cookie = this.dir.resolve(".cookie");
		BitcoinRpcClient client = client(node.httpUrl(), cookie);

		assertThatThrownBy(client::connect).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining(cookie.toString());
		assertThat(client.state()).isEqualTo(ConnectionState.RECONNECTING);
		assertThat(warnings()).anySatisfy((warning) -> assertThat(warning).contains(cookie.toString())
			.contains("retrying in the background"));
		await().atMost(Duration.ofSeconds(10)).until(() -> client.reconnectAttempts() >= 2);

		Files.writeString(cookie, "__cookie__:" + COOKIE + "\n", StandardCharsets.UTF_8);
		await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
		assertThat(client.getBlockCount()).isEqualTo(6);
		assertThat(client.reconnectAttempts()).isZero();
		assertThat(this.log.list).noneSatisfy((event) -> assertThat(event.getFormattedMessage()).contains(COOKIE));
	}

	@Test
	void anEmptyCookieFileIsRetriedLikeAMissingOne() throws Exception {
		SimulatedNode node = closing(SimulatedNode.builder().user("__cookie__").password(COOKIE).initialHeight(2).build().start());
		Path cookie = Files.writeString(this.dir.resolve(".cookie"), "", StandardCharsets.UTF_8);
		BitcoinRpcClient client = client(node.httpUrl(), cookie);

		assertThatThrownBy(client::connect).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining(cookie.toString());
		assertThat(client.state()).isEqualTo(ConnectionState.RECONNECTING);

		Files.writeString(cookie, "__cookie__:" + COOKIE, StandardCharsets.UTF_8);
		await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
		assertThat(client.getBlockCount()).isEqualTo(2);
	}

	@Test
	void nodeAndCookieBothLateTheClientWaitsForBoth() throws Exception {
		SimulatedNode node = SimulatedNode.builder().user("__cookie__").password(COOKIE).initialHeight(4).build().start();
		int port = node.port();
		node.close();
		Path cookie = this.dir.resolve(".cookie");
		BitcoinRpcClient client = client("http://127.0.0.1:" + port + "/", cookie);
		client.connectAsync();
		// A call made now waits for the connection (the default queue timeout is longer than this test needs).
		var call = client.getBlockCountAsync();

		closing(SimulatedNode.builder().user("__cookie__").password(COOKIE).port(port).initialHeight(4).build().start());
		Files.writeString(cookie, "__cookie__:" + COOKIE + "\n", StandardCharsets.UTF_8);

		assertThat(call.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4);
		assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
	}

}
