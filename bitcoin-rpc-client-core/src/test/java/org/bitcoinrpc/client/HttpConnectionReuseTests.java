package org.bitcoinrpc.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * HTTP POST mode over keep-alive connections, against a node written on plain sockets so that
 * each test says exactly what the node does with each request on each connection: a kept-alive
 * connection the node closed unseen gets its POST once more on a fresh connection (and only
 * then), the connection bound holds with POSTs going out oldest first, and a POST the transport
 * itself gives up on closes its connection without counting as a lost node.
 */
class HttpConnectionReuseTests {

	private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	private static final Pattern METHOD = Pattern.compile("\"method\":\"([a-z]+)\"");

	private final List<AutoCloseable> closing = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.closing.size() - 1; i >= 0; i--) {
			this.closing.get(i).close();
		}
	}

	private BitcoinRpcClient connect(RawNode node, ClientOptions.Builder builder) {
		BitcoinRpcClient client = BitcoinRpcClient.create(builder.url("http://127.0.0.1:" + node.port() + "/")
			.credentials("user", "pass").reconnectDelay(Delay.constant(Duration.ofMillis(50))).build());
		this.closing.add(client);
		client.connect();
		return client;
	}

	private RawNode node(Behaviour behaviour) throws IOException {
		RawNode node = new RawNode(behaviour);
		this.closing.add(node);
		return node;
	}

	@Test
	void aPostToAKeptAliveConnectionTheNodeClosedGoesOnceMoreOnAFreshOne() throws Exception {
		// Every connection serves one request and is kept alive, then the node drops it when the
		// next request comes, as if it had closed it while idle just before that request was written.
		RawNode node = node((connection, request, method) -> (request == 1) ? Action.REPLY : Action.CLOSE);
		BitcoinRpcClient client = connect(node, ClientOptions.builder().maxConnections(1));
		assertThat(client.getBlockCount()).isEqualTo(5);
		// Not a call safe to send twice: only the transport's own resend can make it succeed.
		assertThat(client.call("sendrawtransaction", List.of("00"), Long.class)).isEqualTo(5);

		assertThat(node.requests("sendrawtransaction")).as("written to the stale connection, then to a fresh one").isEqualTo(2);
		// The probe's, kept; getblockcount met it dropped and went to a second; sendrawtransaction met
		// that one dropped and went to a third.
		assertThat(node.connections()).isEqualTo(3);
		assertThat(client.resentRequests()).as("the client itself resent nothing").isZero();
		assertThat(client.isConnected()).isTrue();
	}

	@Test
	void aPostToAKeptAliveConnectionIsSentAgainOnlyOnce() throws Exception {
		// As above, but sendrawtransaction is dropped on the fresh connection too.
		RawNode node = node((connection, request, method) -> (request == 1 && !method.equals("sendrawtransaction"))
				? Action.REPLY : Action.CLOSE);
		BitcoinRpcClient client = connect(node, ClientOptions.builder().maxConnections(1));
		assertThat(client.getBlockCount()).isEqualTo(5);

		assertThatThrownBy(() -> client.call("sendrawtransaction", List.of("00"), Long.class))
			.isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("POST of sendrawtransaction").hasMessageContaining("closed without a reply")
			.hasMessageContaining("it may or may not have run on the node");
		assertThat(node.requests("sendrawtransaction")).as("once on the reused connection, once on a fresh one").isEqualTo(2);
	}

	@Test
	void aFreshConnectionClosedWithoutAReplyIsAFailureNotStaleness() throws Exception {
		// btcd closes the connection without a word on a request it cannot parse; it closes every
		// other one after its reply.
		RawNode node = node((connection, request, method) -> method.equals("sendrawtransaction") ? Action.CLOSE : Action.REPLY_AND_CLOSE);
		BitcoinRpcClient client = connect(node, ClientOptions.builder());

		assertThatThrownBy(() -> client.call("sendrawtransaction", List.of("00"), Long.class))
			.isInstanceOf(RpcConnectionException.class).hasMessageContaining("it may or may not have run on the node");
		assertThat(node.requests("sendrawtransaction")).isEqualTo(1);
	}

	@Test
	void aReplyCutShortOnAKeptAliveConnectionIsNeverSentAgain() throws Exception {
		RawNode node = node((connection, request, method) -> method.equals("sendrawtransaction") ? Action.PARTIAL_THEN_CLOSE
				: Action.REPLY);
		BitcoinRpcClient client = connect(node, ClientOptions.builder().maxConnections(1));
		assertThat(client.getBlockCount()).isEqualTo(5);

		assertThatThrownBy(() -> client.call("sendrawtransaction", List.of("00"), Long.class))
			.isInstanceOf(RpcConnectionException.class).hasMessageContaining("it may or may not have run on the node");
		assertThat(node.requests("sendrawtransaction")).as("part of a reply came: the node had it").isEqualTo(1);
		assertThat(client.getBlockCount()).isEqualTo(5);
	}

	@Test
	void postsBeyondTheConnectionsWaitAndGoOutOldestFirst() throws Exception {
		RawNode node = node((connection, request, method) -> Action.REPLY);
		BitcoinRpcClient client = connect(node, ClientOptions.builder().maxConnections(1));
		node.resetIds();

		List<CompletableFuture<Long>> calls = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			calls.add(client.getBlockCountAsync());
		}
		CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

		assertThat(node.connections()).as("one kept-alive connection for the probe and every call").isEqualTo(1);
		List<Long> ids = node.ids();
		assertThat(ids).hasSize(200).isSorted();
	}

	@Test
	void theConnectionBoundHoldsUnderLoad() throws Exception {
		RawNode node = node((connection, request, method) -> Action.REPLY);
		BitcoinRpcClient client = connect(node, ClientOptions.builder().maxConnections(3));

		List<CompletableFuture<Long>> calls = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			calls.add(client.getBlockCountAsync());
		}
		CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

		assertThat(node.maxOpen()).isBetween(1, 3);
	}

	@Test
	void aPostTheTransportGivesUpOnClosesItsConnectionWithoutLosingTheNode() throws Exception {
		RawNode node = node((connection, request, method) -> method.equals("getbestblockhash") ? Action.HOLD : Action.REPLY);
		RecordingListener events = new RecordingListener();
		BitcoinRpcClient client = connect(node, ClientOptions.builder().maxConnections(1));
		client.addListener(events);

		long start = System.nanoTime();
		assertThatThrownBy(() -> client.call("getbestblockhash", List.of(), String.class, Duration.ofMillis(200)))
			.isInstanceOf(RpcTimeoutException.class);
		// The client's own timer fires first; the transport's, a second later, closes the connection.
		await().atMost(Duration.ofSeconds(10)).until(() -> node.closedByClient() == 1);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1_100);

		assertThat(client.getBlockCount()).isEqualTo(5);
		assertThat(node.connections()).as("a new connection after the one given up").isEqualTo(2);
		assertThat(events.events(ConnectionEvent.Disconnected.class)).isEmpty();
		assertThat(client.isConnected()).isTrue();
	}

	/** What the node does with one request. */
	enum Action {
		/** Answers and keeps the connection. */
		REPLY,
		/** Answers with {@code Connection: close} and closes, as btcd does. */
		REPLY_AND_CLOSE,
		/** Closes without a byte. */
		CLOSE,
		/** Writes the start of the status line, then closes. */
		PARTIAL_THEN_CLOSE,
		/** Never answers; keeps reading. */
		HOLD
	}

	@FunctionalInterface
	interface Behaviour {

		/** What to do with the {@code request}-th request (from 1) on the {@code connection}-th connection (from 1). */
		Action decide(int connection, int request, String method);

	}

	/**
	 * A JSON-RPC node on plain sockets: HTTP/1.1 requests with a {@code Content-Length}, answered
	 * {@code {"result":5,...}} with the request's id, a thread per connection. The connect probe
	 * meets the behaviour too (as {@code getblockcount}).
	 */
	static final class RawNode implements AutoCloseable {

		private final ServerSocket server;

		private final Behaviour behaviour;

		private final AtomicInteger connections = new AtomicInteger();

		private final AtomicInteger open = new AtomicInteger();

		private final AtomicInteger maxOpen = new AtomicInteger();

		private final AtomicInteger closedByClient = new AtomicInteger();

		private final List<String> methods = new CopyOnWriteArrayList<>();

		private final List<Long> ids = new CopyOnWriteArrayList<>();

		private final List<Socket> sockets = new CopyOnWriteArrayList<>();

		RawNode(Behaviour behaviour) throws IOException {
			this.behaviour = behaviour;
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(this::accept, "raw-node-acceptor");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		int connections() {
			return this.connections.get();
		}

		int maxOpen() {
			return this.maxOpen.get();
		}

		int closedByClient() {
			return this.closedByClient.get();
		}

		long requests(String method) {
			return this.methods.stream().filter(method::equals).count();
		}

		/** The ids of the calls received since {@link #resetIds()}, in the order they came. */
		List<Long> ids() {
			return List.copyOf(this.ids);
		}

		void resetIds() {
			this.ids.clear();
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					Socket socket = this.server.accept();
					socket.setTcpNoDelay(true);
					this.sockets.add(socket);
					int number = this.connections.incrementAndGet();
					this.maxOpen.accumulateAndGet(this.open.incrementAndGet(), Math::max);
					Thread serving = new Thread(() -> serve(socket, number), "raw-node-" + number);
					serving.setDaemon(true);
					serving.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void serve(Socket socket, int connection) {
			try (socket) {
				InputStream in = socket.getInputStream();
				OutputStream out = socket.getOutputStream();
				for (int request = 1;; request++) {
					String body = readRequest(in);
					if (body == null) {
						this.closedByClient.incrementAndGet();
						return;
					}
					Matcher method = METHOD.matcher(body);
					String name = method.find() ? method.group(1) : "";
					Matcher id = ID.matcher(body);
					long number = id.find() ? Long.parseLong(id.group(1)) : -1;
					this.methods.add(name);
					if (number != 0) {
						this.ids.add(number);
					}
					Action action = this.behaviour.decide(connection, request, name);
					switch (action) {
						case REPLY, REPLY_AND_CLOSE -> {
							boolean close = action == Action.REPLY_AND_CLOSE;
							byte[] reply = ("{\"result\":5,\"error\":null,\"id\":" + number + "}").getBytes(StandardCharsets.UTF_8);
							ByteArrayOutputStream response = new ByteArrayOutputStream();
							response.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + reply.length
									+ (close ? "\r\nConnection: close" : "") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
							response.write(reply);
							// One write: head and body in two would wait on Nagle and the client's delayed ACK.
							out.write(response.toByteArray());
							out.flush();
							if (close) {
								return;
							}
						}
						case CLOSE -> {
							return;
						}
						case PARTIAL_THEN_CLOSE -> {
							out.write("HTTP/1.1 20".getBytes(StandardCharsets.US_ASCII));
							out.flush();
							return;
						}
						case HOLD -> {
							// Reads on: the next request (or the close) ends the hold.
						}
					}
				}
			}
			catch (IOException ex) {
				// The client went away.
			}
			finally {
				this.open.decrementAndGet();
			}
		}

		/** Reads one request and returns its body, or null at the end of the connection. */
		private static String readRequest(InputStream in) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int matched = 0;
			while (matched < 4) {
				int b = in.read();
				if (b < 0) {
					return null;
				}
				head.write(b);
				matched = ((b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)))
						? matched + 1 : ((b == '\r') ? 1 : 0);
			}
			int length = 0;
			for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
					length = Integer.parseInt(line.substring("content-length:".length()).trim());
				}
			}
			byte[] body = in.readNBytes(length);
			return (body.length < length) ? null : new String(body, StandardCharsets.UTF_8);
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket socket : this.sockets) {
				socket.close();
			}
		}

	}

}
