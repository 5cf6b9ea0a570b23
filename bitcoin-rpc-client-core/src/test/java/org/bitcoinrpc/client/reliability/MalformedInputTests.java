package org.bitcoinrpc.client.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcProtocolException;
import org.bitcoinrpc.client.RpcResponseTooLargeException;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of mutated server messages, made from the recorded btcd fixtures with a seeded
 * {@link Random}, reach a connected websocket client while it has calls pending. Nothing escapes
 * the reader, no call completes with a value the node never sent it (or of the wrong shape), the
 * connection stays up, and the client keeps serving calls.
 */
class MalformedInputTests {

	private static final int HEIGHT = 20;

	private static final int BATCHES = 40;

	private static final int MESSAGES_PER_BATCH = 100;

	private static final int MAX_RESPONSE_SIZE = 256 * 1024;

	private static final Duration ANSWER_DELAY = Duration.ofMillis(150);

	private SimulatedNode node;

	private final List<BitcoinRpcClient> clients = new ArrayList<>();

	private Thread.UncaughtExceptionHandler savedHandler;

	private final ConcurrentLinkedQueue<String> uncaught = new ConcurrentLinkedQueue<>();

	@AfterEach
	void tearDown() {
		this.clients.forEach(BitcoinRpcClient::close);
		if (this.node != null) {
			this.node.close();
		}
		if (this.savedHandler != null) {
			Thread.setDefaultUncaughtExceptionHandler(this.savedHandler);
		}
	}

	private BitcoinRpcClient client(String url, Reliability.Events events) {
		BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(url)
			.credentials("user", "pass")
			.maxResponseSize(MAX_RESPONSE_SIZE)
			.requestTimeout(Duration.ofSeconds(15))
			.reconnectDelay(Delay.constant(Duration.ofMillis(50)))
			.build());
		this.clients.add(client);
		client.addListener(events);
		return client;
	}

	private void catchUncaught() {
		this.savedHandler = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> this.uncaught.add(thread.getName() + ": " + ex));
	}

	/** A pending call whose real answer the node gives after {@link #ANSWER_DELAY}. */
	private record Pending(long id, String method, Object realAnswer, boolean stringResult, CompletableFuture<?> future,
			List<JsonNode> sentResults, boolean[] sentError) {
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void mutatedMessagesNeverCompleteACallWronglyAndTheClientKeepsServing() throws Exception {
		long seed = Reliability.seed("malformed", 0x3A1F_0B5EL);
		Random random = new Random(seed);
		catchUncaught();
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(HEIGHT).build().start();
		Reliability.Events events = new Reliability.Events();
		BitcoinRpcClient client = client(this.node.wsUrl(), events);
		client.connect();
		client.notifyBlocks();
		List<String> corpus = ServerMessages.btcdServerMessages();
		MessageMutator mutator = new MessageMutator(random, corpus);
		Reliability.Tally tally = new Reliability.Tally();
		tally.add("corpus.fixtureMessages", corpus.size());
		List<String> violations = new ArrayList<>();
		List<String> clientErrors = new ArrayList<>();

		long started = System.nanoTime();
		try (LogCapture capture = new LogCapture(Level.INFO, false, (line) -> {
			if (line.logger().startsWith("org.bitcoinrpc.client") && line.level().isGreaterOrEqual(Level.ERROR)) {
				synchronized (clientErrors) {
					clientErrors.add(line.text());
				}
			}
		})) {
			// Each malformed message is logged at WARN; the console need not show thousands of them.
			capture.level("org.bitcoinrpc.client.internal.ReplyRouter", Level.ERROR);
			capture.level("org.bitcoinrpc.client.internal.NotificationDecoder", Level.ERROR);
			capture.level("org.bitcoinrpc.client.transport.WebSocketTransport", Level.ERROR);
			capture.level("org.bitcoinrpc.client.internal.Inbound", Level.ERROR);
			for (int batch = 0; batch < BATCHES; batch++) {
				runBatch(batch, client, mutator, random, tally, violations);
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;

		tally.add("millis", millis);
		tally.add("client.malformedMessages", client.malformedMessages());
		tally.add("events.Disconnected", events.count(ConnectionEvent.Disconnected.class));
		tally.add("events.notifications", events.all().stream().filter((e) -> e instanceof org.bitcoinrpc.client.Notification).count());
		tally.add("events.Notification.Unknown", events.of(org.bitcoinrpc.client.Notification.Unknown.class).size());
		tally.print("malformed-input tallies (seed " + seed + ")");
		List<String> shown = new ArrayList<>(violations.stream().filter((v) -> !v.contains("[coerced]")).toList());
		violations.stream().filter((v) -> v.contains("[coerced]")).limit(8).forEach(shown::add);
		System.out.println("[reliability] malformed-input violations: " + violations.size() + (shown.isEmpty() ? ""
				: System.lineSeparator() + "    " + String.join(System.lineSeparator() + "    ", shown)));
		assertThat(this.uncaught).as("uncaught exceptions").isEmpty();
		assertThat(clientErrors).as("errors the client logged (a message escaped the router?)").isEmpty();
		assertThat(violations).as("calls completed wrongly (seed " + seed + ")").isEmpty();
		assertThat(events.of(ConnectionEvent.Disconnected.class)).as("connection losses").isEmpty();
		assertThat(client.isConnected()).isTrue();
		assertThat(tally.get("sent.total")).isGreaterThanOrEqualTo(BATCHES * MESSAGES_PER_BATCH);
		assertThat(tally.get("pending.failed.RpcResponseTooLargeException")).as("oversized replies that failed their call").isPositive();
	}

	private void runBatch(int batch, BitcoinRpcClient client, MessageMutator mutator, Random random,
			Reliability.Tally tally, List<String> violations) throws Exception {
		this.node.delay("getblockcount", ANSWER_DELAY);
		this.node.delay("getblockhash", ANSWER_DELAY);
		this.node.delay("getbestblockhash", ANSWER_DELAY);
		List<Pending> pending = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			CompletableFuture<Long> count = client.callAsync("getblockcount", List.of(), Long.class);
			pending.add(new Pending(client.nextId() - 1, "getblockcount", (long) HEIGHT, false, count, new ArrayList<>(), new boolean[1]));
			int height = random.nextInt(HEIGHT + 1);
			CompletableFuture<String> hash = client.getBlockHashAsync(height);
			pending.add(new Pending(client.nextId() - 1, "getblockhash", this.node.blockHash(height), true, hash, new ArrayList<>(), new boolean[1]));
		}
		CompletableFuture<String> best = client.getBestBlockHashAsync();
		pending.add(new Pending(client.nextId() - 1, "getbestblockhash", this.node.bestBlockHash(), true, best, new ArrayList<>(), new boolean[1]));
		List<Long> ids = pending.stream().map(Pending::id).toList();
		Map<Long, Pending> byId = new HashMap<>();
		pending.forEach((p) -> byId.put(p.id(), p));

		List<String> messages = new ArrayList<>();
		// The special ones first, while their target is surely still pending.
		long target = ids.get(random.nextInt(ids.size()));
		String nested = MessageMutator.nestedArrays(100_000);
		switch (batch % 8) {
			case 0 -> {
				messages.add(nested);
				tally.add("sent.deepNesting");
			}
			case 1 -> {
				messages.add("{\"jsonrpc\":\"1.0\",\"result\":" + nested + ",\"error\":null,\"id\":" + target + "}");
				tally.add("sent.deepNestingResult");
			}
			case 2 -> {
				messages.add("{\"jsonrpc\":\"1.0\",\"method\":\"blockconnected\",\"params\":" + nested + ",\"id\":null}");
				tally.add("sent.deepNestingParams");
			}
			case 3 -> {
				messages.add("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000));
				messages.add("[".repeat(100_000));
				tally.add("sent.deepNestingObjectsAndUnclosed", 2);
			}
			case 4 -> {
				messages.add(oversized(MAX_RESPONSE_SIZE + 1 + random.nextInt(100_000), target));
				tally.add("sent.oversizedForPendingId");
			}
			case 5 -> {
				messages.add(oversized(MAX_RESPONSE_SIZE * 2, 1_000_000_000_000L + batch));
				messages.add("{\"jsonrpc\":\"1.0\",\"id\":" + target + ",\"result\":\"" + "b".repeat(MAX_RESPONSE_SIZE) + "\",\"error\":null}");
				tally.add("sent.oversizedUnknownIdAndIdFirst", 2);
			}
			case 6 -> {
				// Exactly at the limit: allowed, and it names a pending call.
				messages.add(sized(MAX_RESPONSE_SIZE, target));
				tally.add("sent.exactlyAtLimit");
			}
			default -> {
				messages.add("{\"jsonrpc\":\"1.0\",\"method\":\"blockconnected\",\"params\":[\"" + "c".repeat(MAX_RESPONSE_SIZE) + "\",1,2],\"id\":null}");
				messages.add(sized(MAX_RESPONSE_SIZE + 1, target));
				tally.add("sent.oversizedNotificationAndOneOver", 2);
			}
		}
		String[] kind = new String[1];
		for (int m = 0; m < MESSAGES_PER_BATCH; m++) {
			String message = mutator.next(ids, kind);
			tally.add("sent." + kind[0]);
			messages.add(message);
		}
		for (String message : messages) {
			for (Pending p : pending) {
				if (message.length() <= MAX_RESPONSE_SIZE && message.contains(Long.toString(p.id()))) {
					p.sentResults().addAll(mutator.resultsFor(message, p.id()));
					if (message.contains("\"error\"")) {
						p.sentError()[0] = true;
					}
				}
			}
			this.node.sendRawText(message);
			tally.add("sent.total");
		}
		this.node.resetControls();

		await("pending calls of batch " + batch).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
			.until(() -> pending.stream().allMatch((p) -> p.future().isDone()));
		for (Pending p : pending) {
			judge(p, tally, violations, batch);
		}
		Long count = client.getBlockCountAsync().get(10, TimeUnit.SECONDS);
		if (count == null || count != HEIGHT) {
			violations.add("batch " + batch + ": getblockcount after the batch returned " + count);
		}
		tally.add("healthChecks.ok");
	}

	private static void judge(Pending p, Reliability.Tally tally, List<String> violations, int batch) {
		Throwable failure = Reliability.failure(p.future());
		if (failure == null) {
			Object value = p.future().join();
			if (p.realAnswer().equals(value)) {
				tally.add("pending.realAnswer");
				return;
			}
			for (JsonNode sent : p.sentResults()) {
				if (sent.isNull() ? value == null
						: p.stringResult() ? (sent.isString() && sent.asString().equals(value))
								: (sent.isIntegralNumber() && sent.canConvertToLong() && Long.valueOf(sent.asLong()).equals(value))) {
					tally.add("pending.mutatedValueOfTheRightShape");
					return;
				}
			}
			// Is it a lax coercion of something sent for this id (a string or float read as a number,
			// a number or boolean read as a string), or did the value come from nowhere (misrouting)?
			boolean coerced = p.sentResults().stream().anyMatch((sent) -> sent.isValueNode() && !sent.isNull()
					&& (p.stringResult() ? (sent.asString().equals(value) || sameNumber(sent.asString(), value))
							: (value == null) ? (sent.isString() && sent.asString().isBlank())
									: (value instanceof Long number && (sent.isNumber() || sent.isString())
											&& coercesTo(sent, number))));
			tally.add(coerced ? "pending.WRONG.coercedFromAnotherJsonType" : "pending.WRONG.unexplained");
			violations.add("batch " + batch + ": " + (coerced ? "[coerced] " : "[UNEXPLAINED] ") + p.method() + " (id " + p.id() + ") completed with "
					+ describe(value) + ", which is neither the real answer " + p.realAnswer()
					+ " nor a result of that JSON type sent for its id; results sent for it: " + abbreviate(p.sentResults().toString()));
			return;
		}
		tally.add("pending.failed." + failure.getClass().getSimpleName());
		boolean clear = failure.getMessage() != null && failure.getMessage().contains(p.method());
		boolean allowed = failure instanceof RpcProtocolException || failure instanceof RpcResponseTooLargeException
				|| (failure instanceof RpcErrorException && p.sentError()[0]);
		if (!allowed || !clear) {
			violations.add("batch " + batch + ": " + p.method() + " (id " + p.id() + ") failed with " + failure);
		}
	}

	private static boolean sameNumber(String sent, Object value) {
		try {
			return value instanceof String text && new java.math.BigDecimal(sent).compareTo(new java.math.BigDecimal(text)) == 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static boolean coercesTo(JsonNode sent, long number) {
		try {
			java.math.BigDecimal decimal = new java.math.BigDecimal(sent.asString().trim());
			return decimal.toBigInteger().equals(java.math.BigInteger.valueOf(number));
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String describe(Object value) {
		return (value == null) ? "null" : value.getClass().getSimpleName() + " " + abbreviate(String.valueOf(value));
	}

	private static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "...(" + text.length() + " chars)";
	}

	/** A reply of more than {@code size} characters whose id comes last, as btcd writes it. */
	private static String oversized(int size, long id) {
		return "{\"jsonrpc\":\"1.0\",\"result\":\"" + "a".repeat(size) + "\",\"error\":null,\"id\":" + id + "}";
	}

	/** A valid reply of exactly {@code size} characters for {@code id}. */
	private static String sized(int size, long id) {
		return SIZED_HEAD + sizedResult(size, id) + sizedTail(id);
	}

	private static final String SIZED_HEAD = "{\"jsonrpc\":\"1.0\",\"result\":\"";

	private static String sizedTail(long id) {
		return "\",\"error\":null,\"id\":" + id + "}";
	}

	/** The result string of {@link #sized}. */
	private static String sizedResult(int size, long id) {
		return "d".repeat(size - SIZED_HEAD.length() - sizedTail(id).length());
	}

	/**
	 * The fuzzing above, pinned down: a reply to a pending call whose {@code result} has another JSON
	 * type than the call's result must fail the call (a {@link RpcProtocolException}), not be
	 * coerced into a value the node never sent (a string into a number, a float into an integer,
	 * a number or boolean into a hash).
	 */
	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aResultOfTheWrongJsonTypeFailsTheCallInsteadOfBeingCoerced() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(HEIGHT).build().start();
		BitcoinRpcClient client = client(this.node.wsUrl(), new Reliability.Events());
		client.connect();
		// The node registers a session once Jetty opens it on its side, which may come after the
		// client saw the handshake: a raw message sent before that would reach no one.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.node.openWebSocketSessions() == 1);
		this.node.neverAnswer("getblockcount");
		this.node.neverAnswer("getblockhash");
		List<String> numberResults = List.of("\"577\"", "\" 12 \"", "\"\"", "12.5", "20.0", "1e2", "-1E-999999", "true", "false", "[20]", "{}");
		List<String> stringResults = List.of("19", "-9223372036854775809", "12.5", "1e2", "true", "false", "[\"ab\"]", "{}");
		List<String> coerced = new ArrayList<>();
		for (String result : numberResults) {
			CompletableFuture<Long> call = client.callAsync("getblockcount", List.of(), Long.class);
			long id = client.nextId() - 1;
			this.node.sendRawText("{\"jsonrpc\":\"1.0\",\"result\":" + result + ",\"error\":null,\"id\":" + id + "}");
			await().atMost(Duration.ofSeconds(10)).until(call::isDone);
			Throwable failure = Reliability.failure(call);
			if (!(failure instanceof RpcProtocolException)) {
				coerced.add("getblockcount <- " + result + ": " + ((failure == null) ? "completed with Long " + call.join() : failure.toString()));
			}
		}
		for (String result : stringResults) {
			CompletableFuture<String> call = client.getBlockHashAsync(1);
			long id = client.nextId() - 1;
			this.node.sendRawText("{\"jsonrpc\":\"1.0\",\"result\":" + result + ",\"error\":null,\"id\":" + id + "}");
			await().atMost(Duration.ofSeconds(10)).until(call::isDone);
			Throwable failure = Reliability.failure(call);
			if (!(failure instanceof RpcProtocolException)) {
				coerced.add("getblockhash <- " + result + ": " + ((failure == null) ? "completed with String \"" + call.join() + "\"" : failure.toString()));
			}
		}
		System.out.println("[reliability] wrong-type results accepted: " + coerced.size() + " of "
				+ (numberResults.size() + stringResults.size()) + System.lineSeparator() + "    " + String.join(System.lineSeparator() + "    ", coerced));
		assertThat(coerced).as("results of the wrong JSON type that completed a call").isEmpty();
		assertThat(client.isConnected()).isTrue();
	}

	/**
	 * Binary frames (which the simulated node cannot send) and hand-fragmented text, from a bare
	 * websocket server: binary frames are counted and ignored, an over-long fragmented reply fails
	 * only its own call, and the connection stays up.
	 */
	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void binaryFramesAndFragmentedOversizedMessagesAreContained() throws Exception {
		long seed = Reliability.seed("malformed-binary", 0xB1_7A21L);
		Random random = new Random(seed);
		catchUncaught();
		Reliability.Tally tally = new Reliability.Tally();
		try (RawWebSocketServer server = new RawWebSocketServer()) {
			Reliability.Events events = new Reliability.Events();
			BitcoinRpcClient client = client(server.url(), events);
			client.connect();
			assertThat(client.getBlockCount()).isEqualTo(RawWebSocketServer.BLOCK_COUNT);

			// 1. Small binary frames while calls are pending: counted, ignored, the calls get their answers.
			List<CompletableFuture<String>> held = new ArrayList<>();
			List<Long> heldIds = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				held.add(client.getBlockHashAsync(i));
				heldIds.add(client.nextId() - 1);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> server.heldRequests() == 5);
			long malformedBefore = client.malformedMessages();
			int binaryFrames = 300;
			for (int i = 0; i < binaryFrames; i++) {
				byte[] payload = new byte[random.nextInt(4096)];
				random.nextBytes(payload);
				if (i % 10 == 0) {
					// A binary frame holding a would-be reply for a pending call.
					payload = ("{\"jsonrpc\":\"1.0\",\"result\":\"" + "e".repeat(64) + "\",\"error\":null,\"id\":"
							+ heldIds.get(i % heldIds.size()) + "}").getBytes(StandardCharsets.UTF_8);
				}
				server.sendBinary(payload);
			}
			tally.add("sent.binaryFrames", binaryFrames);
			await().atMost(Duration.ofSeconds(10)).until(() -> client.malformedMessages() - malformedBefore >= binaryFrames);
			assertThat(held).as("binary frames complete no call").noneMatch(CompletableFuture::isDone);
			server.answerHeld();
			for (int i = 0; i < held.size(); i++) {
				assertThat(held.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(RawWebSocketServer.hashFor(heldIds.get(i)));
			}
			assertThat(client.getBlockCount()).isEqualTo(RawWebSocketServer.BLOCK_COUNT);

			// 2. An over-long reply in 64 KiB fragments fails only its own call.
			CompletableFuture<String> victim = client.getBlockHashAsync(1);
			long victimId = client.nextId() - 1;
			CompletableFuture<String> bystander = client.getBlockHashAsync(2);
			long bystanderId = client.nextId() - 1;
			await().atMost(Duration.ofSeconds(10)).until(() -> server.heldRequests() == 2);
			server.sendFragmentedText(oversized(MAX_RESPONSE_SIZE + 70_000, victimId), 64 * 1024);
			tally.add("sent.fragmentedOversized");
			await().atMost(Duration.ofSeconds(10)).until(victim::isDone);
			assertThat(Reliability.failure(victim)).isInstanceOf(RpcResponseTooLargeException.class)
				.hasMessageContaining("getblockhash");
			// A fragmented reply within the limit is reassembled.
			server.sendFragmentedText(sized(MAX_RESPONSE_SIZE, bystanderId), 10_000);
			tally.add("sent.fragmentedAtLimit");
			assertThat(bystander.get(10, TimeUnit.SECONDS)).isEqualTo(sizedResult(MAX_RESPONSE_SIZE, bystanderId));
			assertThat(client.getBlockCount()).isEqualTo(RawWebSocketServer.BLOCK_COUNT);
			assertThat(events.of(ConnectionEvent.Disconnected.class)).as("connection losses so far").isEmpty();
			// The server still holds both requests: its late answers match nothing any more.
			server.answerHeld();

			// 3. A binary message over the client's binary limit (64 KiB): what happens is printed;
			// if the connection goes, the client must come back and the pending call still completes.
			CompletableFuture<String> pendingDuringBigBinary = client.getBlockHashAsync(3);
			await().atMost(Duration.ofSeconds(10)).until(() -> server.heldRequests() == 1);
			long malformedBeforeBig = client.malformedMessages();
			int lostBeforeBig = events.count(ConnectionEvent.Disconnected.class);
			byte[] big = new byte[200 * 1024];
			random.nextBytes(big);
			server.sendBinary(big);
			tally.add("sent.binaryOver64KiB");
			await("the big binary frame is ignored or the connection is dropped").atMost(Duration.ofSeconds(10))
				.until(() -> client.malformedMessages() > malformedBeforeBig
						|| events.count(ConnectionEvent.Disconnected.class) > lostBeforeBig);
			await().atMost(Duration.ofSeconds(10)).until(() -> client.isConnected() && server.heldRequests() == 1);
			assertThat(client.getBlockCountAsync().get(15, TimeUnit.SECONDS)).isEqualTo(RawWebSocketServer.BLOCK_COUNT);
			server.answerHeld();
			assertThat(pendingDuringBigBinary.get(15, TimeUnit.SECONDS)).hasSize(64);
			tally.add("bigBinary.ignoredAsMalformed", client.malformedMessages() - malformedBeforeBig);
			tally.add("bigBinary.disconnects", events.count(ConnectionEvent.Disconnected.class) - lostBeforeBig);

			// 4. Invalid UTF-8 in a text frame: the protocol requires closing (1007); the client must
			// reconnect and resend the pending (safe) call.
			CompletableFuture<String> pendingDuringBadUtf8 = client.getBlockHashAsync(4);
			await().atMost(Duration.ofSeconds(10)).until(() -> server.heldRequests() == 1);
			int acceptedBefore = server.acceptedConnections();
			int lostBeforeUtf8 = events.count(ConnectionEvent.Disconnected.class);
			long malformedBeforeUtf8 = client.malformedMessages();
			server.sendFrame(true, 0x1, new byte[] { '{', (byte) 0xC3, (byte) 0x28, '}' });
			tally.add("sent.invalidUtf8");
			await("invalid UTF-8 closes the connection or is ignored").atMost(Duration.ofSeconds(10))
				.until(() -> events.count(ConnectionEvent.Disconnected.class) > lostBeforeUtf8
						|| client.malformedMessages() > malformedBeforeUtf8);
			await().atMost(Duration.ofSeconds(10)).until(() -> client.isConnected() && server.heldRequests() == 1);
			assertThat(client.getBlockCountAsync().get(15, TimeUnit.SECONDS)).isEqualTo(RawWebSocketServer.BLOCK_COUNT);
			server.answerHeld();
			assertThat(pendingDuringBadUtf8.get(15, TimeUnit.SECONDS)).hasSize(64);
			tally.add("invalidUtf8.disconnects", events.count(ConnectionEvent.Disconnected.class) - lostBeforeUtf8);
			tally.add("invalidUtf8.newConnections", server.acceptedConnections() - acceptedBefore);
			tally.add("client.malformedMessages", client.malformedMessages());
			tally.add("events.Disconnected", events.count(ConnectionEvent.Disconnected.class));
			events.of(ConnectionEvent.Disconnected.class).forEach((d) -> System.out.println("[reliability] binary/UTF-8 test disconnect: " + d.cause()));
			tally.print("binary-frame tallies (seed " + seed + ")");
		}
		assertThat(this.uncaught).as("uncaught exceptions").isEmpty();
	}

}
