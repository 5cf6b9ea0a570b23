package org.bitcoinrpc.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.ProxyOptions;
import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.socks.Socks5TestServer;
import org.bitcoinrpc.test.tls.SelfSignedCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A full run with every logger at TRACE: basic auth over the websocket and HTTP, reconnects, a
 * cookie file (wrong, then rewritten), a SOCKS5 proxy with credentials, refused credentials and
 * TLS failures. No password, cookie, {@code base64(user:password)} or proxy password appears in
 * any line the client side logged (message, arguments and stack traces), Netty's included at
 * every level, in any error it raised, or in any options' {@code toString}. And a TLS failure
 * never falls back to plain text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsTests {

	/** Threads of the test's servers, whose logs are theirs, not the client's. */
	private static final List<String> SERVER_THREADS = List.of("simnode-", "socks5-test-", "plain-listener");

	private Path temp;

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private final Reliability.Tally tally = new Reliability.Tally();

	/**
	 * Secrets in the client's own lines, in Netty's at any level (the engine of both transports; the
	 * websocket handshake and every POST carry the credentials), in its errors and toStrings.
	 */
	private final List<String> leaks = new CopyOnWriteArrayList<>();

	/** The first bytes of every connection the plain-text listener got, as hex. */
	private List<String> plainFirstBytes = List.of();

	private int plainConnectionsForOneHttpsCall;

	private long tlsNodeRequests;

	@AfterAll
	void tearDown() throws Exception {
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
		if (this.temp != null) {
			try (var files = Files.walk(this.temp)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	private <T extends AutoCloseable> T closing(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

	@Test
	void noSecretInTheClientsOwnLogLinesErrorsOrToStrings() {
		assertThat(this.tally.get("lines.client.bitcoinrpc")).as("client lines captured").isPositive();
		assertThat(this.tally.get("lines.client.netty")).as("Netty lines captured at DEBUG and TRACE").isPositive();
		assertThat(this.leaks).as("secrets in the client's own log lines, errors or toStrings").isEmpty();
	}

	@Test
	void aTlsFailureNeverFallsBackToPlainText() {
		assertThat(this.tlsNodeRequests).as("requests the TLS node served to clients that do not trust it").isZero();
		assertThat(this.plainConnectionsForOneHttpsCall).as("connections for one https call (a TLS failure is not retried)")
			.isEqualTo(1);
		assertThat(this.plainFirstBytes).as("what the plain-text listener received").hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy((first) -> assertThat(first).as("first bytes of a connection: a TLS handshake record").startsWith("16 03"));
	}

	/** Runs everything once with TRACE logging captured; the tests judge what it recorded. */
	@BeforeAll
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void runEverythingWithTraceLogging() throws Exception {
		this.temp = Files.createTempDirectory("reliability-secrets");
		long seed = Reliability.seed("secrets", 0x5EC2E75L);
		Random random = new Random(seed);
		HexFormat hex = HexFormat.of();
		String user = "rpc-user-" + hex.formatHex(bytes(random, 3));
		String password = "pw-" + hex.formatHex(bytes(random, 12));
		String wrongPassword = "wrongpw-" + hex.formatHex(bytes(random, 12));
		String cookie = hex.formatHex(bytes(random, 32));
		String staleCookie = hex.formatHex(bytes(random, 32));
		String proxyUser = "tor-" + hex.formatHex(bytes(random, 3));
		String proxyPassword = "proxypw-" + hex.formatHex(bytes(random, 12));
		String wrongProxyPassword = "wrongproxypw-" + hex.formatHex(bytes(random, 12));
		String tlsPassword = "tlspw-" + hex.formatHex(bytes(random, 12));
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("password", password);
		secrets.put("wrong password", wrongPassword);
		secrets.put("cookie", cookie);
		secrets.put("stale cookie", staleCookie);
		secrets.put("proxy password", proxyPassword);
		secrets.put("wrong proxy password", wrongProxyPassword);
		secrets.put("TLS node password", tlsPassword);
		secrets.put("base64(user:password)", base64(user + ":" + password));
		secrets.put("base64(user:wrong password)", base64(user + ":" + wrongPassword));
		secrets.put("base64(__cookie__:cookie)", base64("__cookie__:" + cookie));
		secrets.put("base64(__cookie__:stale cookie)", base64("__cookie__:" + staleCookie));
		secrets.put("base64(user:TLS node password)", base64(user + ":" + tlsPassword));
		secrets.put("base64(proxy user:proxy password)", base64(proxyUser + ":" + proxyPassword));

		Reliability.Tally tally = this.tally;
		List<String> leaks = this.leaks;
		List<Throwable> errorsSeen = new CopyOnWriteArrayList<>();
		List<String> toStrings = new ArrayList<>();
		PlainListener plain;

		try (LogCapture capture = new LogCapture(Level.TRACE, true, (line) -> {
			boolean server = line.logger().startsWith("org.bitcoinrpc.test")
					|| SERVER_THREADS.stream().anyMatch((prefix) -> line.thread().startsWith(prefix));
			tally.add(server ? "lines.server(excluded)" : "lines.client");
			if (server) {
				return;
			}
			tally.add("lines.client." + line.level());
			if (line.logger().startsWith("io.netty")) {
				// Netty's lines on client threads, at every level, are held to the strict rule (leaks).
				tally.add("lines.client.netty");
			}
			else if (line.logger().startsWith("org.bitcoinrpc.client")) {
				tally.add("lines.client.bitcoinrpc");
			}
			if (line.text().contains("Authorization") || line.text().contains("authorization")) {
				tally.add("lines.client.mentioningAuthorization");
			}
			secrets.forEach((name, secret) -> {
				if (line.text().contains(secret)) {
					leaks.add(name + " in " + line.level() + " " + line.logger() + " [" + line.thread() + "]: "
							+ excerpt(line.text(), secret, name));
					tally.add("leaks.client." + line.logger());
				}
			});
		})) {
			capture.level("org.bitcoinrpc", Level.TRACE);
			// 1. Basic auth over the websocket, with a restart and a dropped connection.
			SimulatedNode node = closing(SimulatedNode.builder().user(user).password(password).initialHeight(3).build().start());
			Reliability.Events events = new Reliability.Events();
			BitcoinRpcClient ws = closing(BitcoinRpcClient.create(fast(node.wsUrl()).credentials(user, password).build()));
			toStrings.add(ws.options().toString());
			toStrings.add(ws.toString());
			ws.addListener(events);
			ws.connect();
			ws.notifyBlocks();
			assertThat(ws.getBlockCount()).isEqualTo(3);
			node.restart();
			await().atMost(Duration.ofSeconds(15)).until(() -> events.count(ConnectionEvent.Reconnected.class) == 1);
			node.dropConnections();
			await().atMost(Duration.ofSeconds(15)).until(() -> events.count(ConnectionEvent.Reconnected.class) == 2);
			assertThat(ws.getBlockCount()).isEqualTo(3);
			events.of(ConnectionEvent.Disconnected.class).forEach((event) -> toStrings.add(event.toString()));

			// 2. Basic auth over HTTP, including a call the node refuses and one it fails.
			BitcoinRpcClient http = closing(BitcoinRpcClient.create(fast(node.httpUrl()).credentials(user, password).build()));
			http.connect();
			assertThat(http.getBlockCount()).isEqualTo(3);
			node.failWith("getbestblockhash", -1, "boom");
			errorsSeen.add(failureOf(http::getBestBlockHash));
			node.resetControls();

			// 3. Refused credentials, over both transports.
			BitcoinRpcClient wrongWs = closing(BitcoinRpcClient.create(fast(node.wsUrl()).credentials(user, wrongPassword)
				.reconnect(false).build()));
			toStrings.add(wrongWs.options().toString());
			errorsSeen.add(failureOf(() -> {
				wrongWs.connect();
				return null;
			}));
			BitcoinRpcClient wrongHttp = closing(BitcoinRpcClient.create(fast(node.httpUrl()).credentials(user, wrongPassword).build()));
			errorsSeen.add(failureOf(() -> {
				wrongHttp.connect();
				return null;
			}));
			assertThat(errorsSeen.get(errorsSeen.size() - 1)).isInstanceOf(RpcAuthenticationException.class);

			// 4. A cookie file: stale at first (401, re-read, still stale), then rewritten (401, re-read, retried).
			SimulatedNode cookieNode = closing(SimulatedNode.builder().user("__cookie__").password(cookie).initialHeight(4).build().start());
			Path cookieFile = this.temp.resolve(".cookie");
			Files.writeString(cookieFile, "__cookie__:" + staleCookie);
			BitcoinRpcClient cookieHttp = closing(BitcoinRpcClient.create(fast(cookieNode.httpUrl()).cookieFile(cookieFile).build()));
			toStrings.add(cookieHttp.options().toString());
			// Over HTTP connect probes the node: the stale cookie is refused there, and retried in the background.
			errorsSeen.add(failureOf(() -> {
				cookieHttp.connect();
				return null;
			}));
			Files.writeString(cookieFile, "__cookie__:" + cookie + "\n");
			assertThat(cookieHttp.getBlockCount()).isEqualTo(4);
			BitcoinRpcClient cookieWs = closing(BitcoinRpcClient.create(fast(cookieNode.wsUrl()).cookieFile(cookieFile).build()));
			cookieWs.connect();
			assertThat(cookieWs.getBlockCount()).isEqualTo(4);
			cookieNode.restart();
			assertThat(cookieWs.getBlockCountAsync().get(15, TimeUnit.SECONDS)).isEqualTo(4);

			// 5. A SOCKS5 proxy with credentials (and once with the wrong proxy password).
			String onion = "secretsxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxd.onion";
			Socks5TestServer proxy = closing(Socks5TestServer.builder().credentials(proxyUser, proxyPassword)
				.route(onion, 8334, new InetSocketAddress("127.0.0.1", node.port())).build().start());
			ProxyOptions proxyOptions = ProxyOptions.socks5("127.0.0.1", proxy.port()).withCredentials(proxyUser, proxyPassword);
			toStrings.add(proxyOptions.toString());
			BitcoinRpcClient proxiedWs = closing(BitcoinRpcClient.create(fast("ws://" + onion + ":8334/ws")
				.credentials(user, password).proxy(proxyOptions).build()));
			toStrings.add(proxiedWs.options().toString());
			proxiedWs.connect();
			assertThat(proxiedWs.getBlockCount()).isEqualTo(3);
			BitcoinRpcClient proxiedHttp = closing(BitcoinRpcClient.create(fast("http://" + onion + ":8334/")
				.credentials(user, password).proxy(proxyOptions).build()));
			proxiedHttp.connect();
			assertThat(proxiedHttp.getBlockCount()).isEqualTo(3);
			BitcoinRpcClient badProxy = closing(BitcoinRpcClient.create(fast("ws://" + onion + ":8334/ws").reconnect(false)
				.credentials(user, password).proxy(ProxyOptions.socks5("127.0.0.1", proxy.port())
					.withCredentials(proxyUser, wrongProxyPassword)).build()));
			errorsSeen.add(failureOf(() -> {
				badProxy.connect();
				return null;
			}));
			assertThat(proxy.authFailures()).isPositive();
			assertThat(proxy.connects()).isNotEmpty();

			// 6. TLS: an untrusted certificate, and a plain-text listener behind wss:// and https://.
			SimulatedNode tlsNode = closing(SimulatedNode.builder().tls(true).user(user).password(tlsPassword).build().start());
			byte[] otherPem = SelfSignedCertificate.generate("127.0.0.1", "127.0.0.1").certificatePem().getBytes(StandardCharsets.US_ASCII);
			BitcoinRpcClient untrustedWs = closing(BitcoinRpcClient.create(fast(tlsNode.wsUrl()).credentials(user, tlsPassword)
				.trustedCertificates(otherPem).reconnect(false).build()));
			errorsSeen.add(failureOf(() -> {
				untrustedWs.connect();
				return null;
			}));
			BitcoinRpcClient untrustedHttp = closing(BitcoinRpcClient.create(fast(tlsNode.httpUrl()).credentials(user, tlsPassword)
				.trustedCertificates(otherPem).reconnect(false).build()));
			errorsSeen.add(failureOf(() -> {
				untrustedHttp.connect();
				return null;
			}));
			this.tlsNodeRequests = tlsNode.totalRequests();

			plain = closing(new PlainListener());
			BitcoinRpcClient plainHttps = closing(BitcoinRpcClient.create(fast("https://127.0.0.1:" + plain.port() + "/")
				.credentials(user, tlsPassword).trustedCertificates(otherPem).reconnect(false).build()));
			// Over HTTP, connect is the first call (its probe).
			errorsSeen.add(failureOf(() -> {
				plainHttps.connect();
				return null;
			}));
			int afterHttps = plain.connections();
			Reliability.Events wssEvents = new Reliability.Events();
			BitcoinRpcClient plainWss = closing(BitcoinRpcClient.create(fast("wss://127.0.0.1:" + plain.port() + "/ws")
				.credentials(user, tlsPassword).trustedCertificates(otherPem).build()));
			plainWss.addListener(wssEvents);
			errorsSeen.add(failureOf(() -> {
				plainWss.connect();
				return null;
			}));
			// With reconnect on, it keeps trying: every attempt must be TLS again.
			await().atMost(Duration.ofSeconds(15)).until(() -> wssEvents.count(ConnectionEvent.ReconnectFailed.class) >= 3);
			plainWss.shutdown();
			tally.add("plainListener.connections.https", afterHttps);
			tally.add("plainListener.connections.total", plain.connections());
			this.plainConnectionsForOneHttpsCall = afterHttps;
			this.plainFirstBytes = plain.firstBytes();
			System.out.println("[reliability] secrets: the plain-text listener behind wss/https got " + this.plainFirstBytes);

			// Close everything while still capturing: shutdown logs too.
			for (int i = this.closeables.size() - 1; i >= 0; i--) {
				this.closeables.get(i).close();
			}
			this.closeables.clear();
		}

		for (Throwable error : errorsSeen) {
			assertThat(error).as("an expected failure").isNotNull();
			String text = stackTrace(error);
			tally.add("errors." + error.getClass().getSimpleName());
			secrets.forEach((name, secret) -> {
				if (text.contains(secret)) {
					leaks.add(name + " in a " + error.getClass().getSimpleName() + ": " + excerpt(text, secret, name));
				}
			});
		}
		for (String text : toStrings) {
			secrets.forEach((name, secret) -> {
				if (text.contains(secret)) {
					leaks.add(name + " in toString: " + excerpt(text, secret, name));
				}
			});
		}
		tally.print("secrets tallies (seed " + seed + ")");
		report("client lines, errors and toStrings", leaks);
		assertThat(errorsSeen).as("expected failures").hasSize(9);
	}

	private static ClientOptions.Builder fast(String url) {
		return ClientOptions.builder().url(url).requestTimeout(Duration.ofSeconds(10)).connectTimeout(Duration.ofSeconds(5))
			.reconnectDelay(Delay.constant(Duration.ofMillis(50)));
	}

	private static Throwable failureOf(Supplier<?> action) {
		try {
			action.get();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private static String stackTrace(Throwable error) {
		StringWriter text = new StringWriter();
		error.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	private static byte[] bytes(Random random, int n) {
		byte[] bytes = new byte[n];
		random.nextBytes(bytes);
		return bytes;
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The text around the secret, the secret itself replaced by its name so that reports do not repeat it. */
	private static String excerpt(String text, String secret, String name) {
		int at = text.indexOf(secret);
		int from = Math.max(0, at - 120);
		int to = Math.min(text.length(), at + secret.length() + 40);
		return text.substring(from, to).replace(secret, "<" + name + ">").replace('\n', ' ').replace('\r', ' ');
	}

	private static void report(String where, List<String> leaks) {
		System.out.println("[reliability] secrets in " + where + ": " + leaks.size() + (leaks.isEmpty() ? ""
				: System.lineSeparator() + "    " + String.join(System.lineSeparator() + "    ", leaks.stream().limit(12).toList())));
	}

	/**
	 * A plain TCP listener that answers everything with a plain-text JSON-RPC reply: a client that
	 * fell back to plain text would get an answer here. Records each connection's first bytes, as hex.
	 */
	private static final class PlainListener implements AutoCloseable {

		private final ServerSocket socket;

		private final List<String> firstBytes = new CopyOnWriteArrayList<>();

		PlainListener() throws IOException {
			this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
			Thread acceptor = new Thread(this::accept, "plain-listener");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		int connections() {
			return this.firstBytes.size();
		}

		List<String> firstBytes() {
			return List.copyOf(this.firstBytes);
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try (Socket connection = this.socket.accept()) {
					connection.setSoTimeout(2000);
					InputStream in = connection.getInputStream();
					ByteArrayOutputStream received = new ByteArrayOutputStream();
					byte[] buffer = new byte[4096];
					int n = in.read(buffer);
					if (n > 0) {
						received.write(buffer, 0, n);
					}
					byte[] bytes = received.toByteArray();
					StringBuilder hex = new StringBuilder();
					for (int i = 0; i < Math.min(bytes.length, 8); i++) {
						hex.append(i > 0 ? " " : "").append(String.format("%02x", bytes[i]));
					}
					this.firstBytes.add(hex + " (" + new String(bytes, 0, Math.min(bytes.length, 8), StandardCharsets.ISO_8859_1)
						.replaceAll("[^ -~]", ".") + ")");
					OutputStream out = connection.getOutputStream();
					String body = "{\"result\":1,\"error\":null,\"id\":1}";
					out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
							+ "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				catch (IOException ex) {
					if (this.socket.isClosed()) {
						return;
					}
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
