package org.bitcoinrpc.client.reliability;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.Delay;
import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.RpcConnectionException;
import org.bitcoinrpc.client.RpcTimeoutException;
import org.bitcoinrpc.test.ReceivedRequest;
import org.bitcoinrpc.test.SimnetTransactions;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chaos: callers keep issuing safe calls (reads) and unsafe ones ({@code sendrawtransaction}, each
 * with its own transaction) while the node is restarted, stopped and has its connections dropped
 * at random (seeded). Every future completes; safe calls get the right answer or a timeout; no
 * transaction reaches the node twice; {@code notifyblocks} is registered exactly once on every
 * session.
 */
class ChaosTests {

	private static final int INITIAL_HEIGHT = 10;

	private static final int CALLERS = 3;

	private static final int CALLS_PER_CALLER = 7_000;

	private static final int MAX_OUTSTANDING_PER_CALLER = 150;

	private static final int MAX_CHAOS_STEPS = 120;

	private static final Duration CHAOS_TIME_BUDGET = Duration.ofSeconds(40);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(8);

	private SimulatedNode node;

	private final List<BitcoinRpcClient> clients = new ArrayList<>();

	@AfterEach
	void tearDown() {
		this.clients.forEach(BitcoinRpcClient::close);
		if (this.node != null) {
			this.node.close();
		}
	}

	private BitcoinRpcClient client(Reliability.Events events, Duration requestTimeout) {
		BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(this.node.wsUrl())
			.credentials("user", "pass")
			.reconnectDelay(Delay.constant(Duration.ofMillis(40)))
			.connectTimeout(Duration.ofSeconds(2))
			.requestTimeout(requestTimeout)
			.build());
		this.clients.add(client);
		client.addListener(events);
		return client;
	}

	/** One call a caller made, and how to judge its outcome. */
	private record Call(String method, boolean safe, String argument, CompletableFuture<?> future) {
	}

	@Test
	@Timeout(value = 150, unit = TimeUnit.SECONDS)
	void mixedCallsSurviveRandomRestartsAndDrops() throws Exception {
		long seed = Reliability.seed("chaos", 0x5EED_C4A05L);
		Random chaos = new Random(seed);
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(INITIAL_HEIGHT).build().start();
		Reliability.Events events = new Reliability.Events();
		BitcoinRpcClient client = client(events, REQUEST_TIMEOUT);
		client.connect();
		client.notifyBlocks();

		Reliability.Tally tally = new Reliability.Tally();
		ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
		AtomicLong txCounter = new AtomicLong();
		AtomicBoolean stopCalling = new AtomicBoolean();
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS, (runnable) -> {
			Thread thread = new Thread(runnable, "chaos-caller");
			thread.setDaemon(true);
			return thread;
		});
		List<Future<?>> callerRuns = new ArrayList<>();
		for (int c = 0; c < CALLERS; c++) {
			Random random = new Random(seed * 31 + c);
			callerRuns.add(callers.submit(() -> {
				runCaller(client, random, calls, txCounter, stopCalling);
				return null;
			}));
		}

		long started = System.nanoTime();
		long deadline = started + CHAOS_TIME_BUDGET.toNanos();
		int steps = 0;
		try {
			while (steps < MAX_CHAOS_STEPS && System.nanoTime() < deadline && !callerRuns.stream().allMatch(Future::isDone)) {
				steps++;
				// Pace by progress, not by time: let a random number of calls complete first.
				long target = completed(calls) + 20 + chaos.nextInt(150);
				await("progress before chaos step " + steps).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
					.until(() -> completed(calls) >= target || callerRuns.stream().allMatch(Future::isDone));
				int action = chaos.nextInt(100);
				if (action < 35) {
					this.node.dropConnections();
					tally.add("chaos.drops");
				}
				else if (action < 55) {
					this.node.restart();
					tally.add("chaos.restarts");
				}
				else if (action < 65) {
					int failedBefore = events.count(ConnectionEvent.ReconnectFailed.class);
					this.node.stop();
					await("a reconnect attempt fails while the node is down").atMost(Duration.ofSeconds(10))
						.pollInterval(Duration.ofMillis(5))
						.until(() -> events.count(ConnectionEvent.ReconnectFailed.class) > failedBefore);
					this.node.start();
					tally.add("chaos.stopStart");
				}
				else if (action < 73) {
					this.node.dropConnections();
					this.node.restart();
					tally.add("chaos.dropThenRestart");
				}
				else if (action < 81) {
					this.node.generate(1);
					tally.add("chaos.blocksMined");
				}
				else if (action < 89) {
					Duration delay = Duration.ofMillis(chaos.nextInt(40));
					this.node.delay("sendrawtransaction", delay);
					this.node.delay("getblockhash", Duration.ofMillis(chaos.nextInt(40)));
					tally.add("chaos.delaysChanged");
				}
				else {
					awaitSettled(client);
					tally.add("chaos.settleChecks");
				}
			}
		}
		finally {
			stopCalling.set(true);
			callers.shutdown();
		}
		assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).as("callers finished").isTrue();
		for (Future<?> run : callerRuns) {
			run.get(1, TimeUnit.SECONDS);
		}
		this.node.resetControls();
		long chaosMillis = (System.nanoTime() - started) / 1_000_000;

		// Every future completes, bounded by the request timeout.
		List<Call> all = new ArrayList<>(calls);
		await("every future completes").atMost(REQUEST_TIMEOUT.plusSeconds(15)).pollInterval(Duration.ofMillis(20))
			.until(() -> all.stream().allMatch((call) -> call.future().isDone()));
		awaitSettled(client);
		assertThat(client.pendingRequests()).as("pending requests after all futures completed").isZero();

		List<String> violations = new ArrayList<>();
		int finalHeight = this.node.blockCount();
		Set<String> chainHashes = new HashSet<>();
		for (int h = 0; h <= finalHeight; h++) {
			chainHashes.add(this.node.blockHash(h));
		}
		for (Call call : all) {
			judge(call, tally, violations, finalHeight, chainHashes);
		}

		// No unsafe call executed twice; each one that succeeded executed exactly once.
		assertThat(this.node.totalRequests()).as("requests, all kept in the node's log").isLessThan(100_000);
		List<ReceivedRequest> received = this.node.receivedRequests();
		Map<String, Long> executions = received.stream().filter((r) -> r.method().equals("sendrawtransaction"))
			.collect(Collectors.groupingBy(ReceivedRequest::paramsJson, Collectors.counting()));
		executions.forEach((params, count) -> {
			if (count > 1) {
				violations.add("sendrawtransaction " + abbreviate(params) + " executed " + count + " times");
			}
		});
		for (Call call : all) {
			if (!call.safe() && Reliability.failure(call.future()) == null
					&& executions.getOrDefault("[\"" + call.argument() + "\"]", 0L) != 1) {
				violations.add("sendrawtransaction succeeded but the node executed it "
						+ executions.getOrDefault("[\"" + call.argument() + "\"]", 0L) + " times");
			}
		}
		tally.add("node.sendrawtransaction.executions", executions.values().stream().mapToLong(Long::longValue).sum());
		tally.add("node.sendrawtransaction.distinctExecuted", executions.size());

		// notifyblocks registered exactly once on every session that got it.
		Map<Long, Long> registrationsPerSession = received.stream().filter((r) -> r.method().equals("notifyblocks"))
			.collect(Collectors.groupingBy(ReceivedRequest::sessionOrConnectionId, Collectors.counting()));
		registrationsPerSession.forEach((session, count) -> {
			if (count != 1) {
				violations.add("session " + session + " received notifyblocks " + count + " times");
			}
		});
		tally.add("node.sessionsWithNotifyblocks", registrationsPerSession.size());
		assertThat(this.node.subscriptionCounts().get("notifyblocks")).as("notifyblocks subscriptions at the end").isEqualTo(1);
		assertThat(this.node.openWebSocketSessions()).isEqualTo(1);

		// And the subscription works on the last connection.
		String hash = this.node.generate(1).get(0);
		await("blockconnected after the last reconnect").atMost(Duration.ofSeconds(10))
			.until(() -> events.of(Notification.BlockConnected.class).stream().anyMatch((b) -> b.hash().equals(hash)));

		tally.add("chaos.steps", steps);
		tally.add("chaos.millis", chaosMillis);
		tally.add("calls.total", all.size());
		tally.add("client.resentRequests", client.resentRequests());
		tally.add("client.malformedMessages", client.malformedMessages());
		tally.add("events.Disconnected", events.count(ConnectionEvent.Disconnected.class));
		tally.add("events.Reconnected", events.count(ConnectionEvent.Reconnected.class));
		tally.add("events.ReconnectFailed", events.count(ConnectionEvent.ReconnectFailed.class));
		tally.print("chaos tallies (seed " + seed + ")");
		assertThat(violations).as("chaos violations (seed " + seed + ")").isEmpty();
		assertThat(tally.get("chaos.drops") + tally.get("chaos.restarts") + tally.get("chaos.stopStart")
				+ tally.get("chaos.dropThenRestart")).as("faults injected").isGreaterThanOrEqualTo(10);
		assertThat(tally.sumStartingWith("unsafe.failed.")).as("unsafe calls caught in flight").isPositive();
	}

	private void runCaller(BitcoinRpcClient client, Random random, ConcurrentLinkedQueue<Call> calls, AtomicLong txCounter,
			AtomicBoolean stop) throws Exception {
		ArrayDeque<CompletableFuture<?>> outstanding = new ArrayDeque<>();
		for (int i = 0; i < CALLS_PER_CALLER && !stop.get(); i++) {
			while (outstanding.size() >= MAX_OUTSTANDING_PER_CALLER) {
				CompletableFuture<?> oldest = outstanding.poll();
				// Waits on the call itself, bounded by its own timeout.
				oldest.handle((value, failure) -> null).get(REQUEST_TIMEOUT.toMillis() + 10_000, TimeUnit.MILLISECONDS);
			}
			int kind = random.nextInt(100);
			Call call;
			if (kind < 30) {
				call = new Call("getblockcount", true, "", client.getBlockCountAsync());
			}
			else if (kind < 55) {
				int height = random.nextInt(INITIAL_HEIGHT + 1);
				call = new Call("getblockhash", true, Integer.toString(height), client.getBlockHashAsync(height));
			}
			else if (kind < 70) {
				call = new Call("getbestblockhash", true, "", client.getBestBlockHashAsync());
			}
			else {
				long n = txCounter.incrementAndGet();
				String hex = SimnetTransactions.spend(String.format("%064x", n), n % 4,
						SimnetTransactions.address((int) (n % 7)), 1_000 + n);
				call = new Call("sendrawtransaction", false, hex, client.sendRawTransactionAsync(hex));
			}
			calls.add(call);
			outstanding.add(call.future());
		}
	}

	private static long completed(ConcurrentLinkedQueue<Call> calls) {
		return calls.stream().filter((call) -> call.future().isDone()).count();
	}

	/** Waits until the client is connected on one session holding exactly one notifyblocks. */
	private void awaitSettled(BitcoinRpcClient client) {
		await("client reconnected and re-registered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
			.until(() -> client.isConnected() && this.node.openWebSocketSessions() == 1
					&& this.node.subscriptionCounts().get("notifyblocks") == 1);
	}

	private void judge(Call call, Reliability.Tally tally, List<String> violations, int finalHeight, Set<String> chainHashes) {
		Throwable failure = Reliability.failure(call.future());
		String kind = call.safe() ? "safe" : "unsafe";
		if (failure == null) {
			tally.add(kind + ".succeeded." + call.method());
			Object value = call.future().join();
			boolean right = switch (call.method()) {
				case "getblockcount" -> value instanceof Long height && height >= INITIAL_HEIGHT && height <= finalHeight;
				case "getblockhash" -> this.node.blockHash(Integer.parseInt(call.argument())).equals(value);
				case "getbestblockhash" -> chainHashes.contains(value);
				case "sendrawtransaction" -> SimnetTransactions.txid(call.argument()).equals(value);
				default -> false;
			};
			if (!right) {
				violations.add(call.method() + "(" + abbreviate(call.argument()) + ") returned a wrong value: " + value);
			}
			return;
		}
		String message = String.valueOf(failure.getMessage());
		String reason = message.contains("was not sent") ? "notSent" : message.contains("may or may not") ? "maybeRan" : "other";
		tally.add(kind + ".failed." + failure.getClass().getSimpleName() + "." + reason);
		boolean clear = message.contains(call.method());
		// Safe calls are resent until they succeed or time out. An unsafe one may fail when it may
		// have run, but never because the connection was briefly down (the client waits for it).
		boolean allowed = call.safe() ? failure instanceof RpcTimeoutException
				: (failure instanceof RpcTimeoutException
						|| (failure instanceof RpcConnectionException && reason.equals("maybeRan")));
		if (!allowed || !clear) {
			violations.add(kind + " call " + call.method() + "(" + abbreviate(call.argument()) + ") failed with "
					+ failure.getClass().getName() + ": " + failure.getMessage());
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 24) ? text : text.substring(0, 24) + "...";
	}

	/**
	 * A connection lost while the client is registering its subscriptions again must not stall the
	 * reconnect until the registration times out, and the next session still gets exactly one
	 * {@code notifyblocks}.
	 */
	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aConnectionLostDuringReRegistrationIsRetriedPromptlyAndRegistersOnce() {
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(INITIAL_HEIGHT).build().start();
		Reliability.Events events = new Reliability.Events();
		Duration requestTimeout = Duration.ofSeconds(10);
		BitcoinRpcClient client = client(events, requestTimeout);
		client.connect();
		client.notifyBlocks();

		this.node.neverAnswer("notifyblocks");
		this.node.dropConnections();
		// The reconnect attempt opened a session and sent notifyblocks, which hangs.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.node.requestCount("notifyblocks") == 2);
		this.node.resetControls();
		long lostAt = System.nanoTime();
		this.node.dropConnections();

		await("reconnected after a loss during re-registration").atMost(Duration.ofSeconds(30))
			.until(() -> events.count(ConnectionEvent.Reconnected.class) >= 1 && client.isConnected());
		long reconnectMillis = (System.nanoTime() - lostAt) / 1_000_000;
		Map<Long, Long> perSession = this.node.receivedRequests().stream()
			.filter((r) -> r.method().equals("notifyblocks"))
			.collect(Collectors.groupingBy(ReceivedRequest::sessionOrConnectionId, Collectors.counting()));
		System.out.printf("[reliability] re-registration interrupted: reconnected %d ms after the loss (request timeout %d ms);"
				+ " notifyblocks per session %s%n", reconnectMillis, requestTimeout.toMillis(), perSession.values());
		assertThat(perSession.values()).as("notifyblocks per session").allMatch((count) -> count == 1);
		assertThat(this.node.subscriptionCounts().get("notifyblocks")).isEqualTo(1);
		assertThat(reconnectMillis).as("reconnect delay after a loss during re-registration (ms); the request timeout is "
				+ requestTimeout.toMillis() + " ms").isLessThan(3_000);
	}

}
