package org.bitcoinrpc.client.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.RpcShutdownException;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutdown with 10,000 calls in flight, over the websocket and over HTTP: every future completes
 * at once with {@link RpcShutdownException}, and every thread the client started ends.
 */
class ShutdownUnderLoadTests {

	private static final int CALLS = 10_000;

	private SimulatedNode node;

	private BitcoinRpcClient client;

	@AfterEach
	void tearDown() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.node != null) {
			this.node.close();
		}
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void websocketShutdownWithTenThousandCallsInFlight() throws Exception {
		shutdownUnderLoad(true);
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void httpShutdownWithTenThousandCallsInFlight() throws Exception {
		shutdownUnderLoad(false);
	}

	private void shutdownUnderLoad(boolean websocket) throws Exception {
		String mode = websocket ? "websocket" : "http";
		// Keep-alive HTTP replies, so held requests keep their connections (the pool is the bound over HTTP).
		this.node = SimulatedNode.builder().user("user").password("pass").initialHeight(5).connectionClose(false).build().start();
		Set<Thread> baseline = Reliability.clientThreads();
		this.client = BitcoinRpcClient.create(ClientOptions.builder()
			.url(websocket ? this.node.wsUrl() : this.node.httpUrl())
			.credentials("user", "pass")
			.maxPendingRequests(CALLS + 100)
			.requestTimeout(Duration.ofMinutes(5))
			.build());
		this.client.connect();
		// Only now: over HTTP, connect itself asks getblockcount.
		this.node.neverAnswer("getblockcount");
		this.node.resetCounts();
		int clientThreadsWhileRunning = Reliability.newClientThreads(baseline).size();

		List<CompletableFuture<Long>> calls = new ArrayList<>(CALLS);
		for (int i = 0; i < CALLS; i++) {
			calls.add(this.client.getBlockCountAsync());
		}
		if (websocket) {
			// Every call really is in flight: the node has them all.
			await("all calls reached the node").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
				.until(() -> this.node.requestCount("getblockcount") == CALLS);
		}
		else {
			// Over HTTP the connection pool (maxConnections) holds some; the rest queue in Jetty.
			await("the connection pool is busy").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
				.until(() -> this.node.requestCount("getblockcount") >= ClientOptions.DEFAULT_MAX_CONNECTIONS);
		}
		assertThat(calls).noneMatch(CompletableFuture::isDone);
		assertThat(this.client.pendingRequests()).isEqualTo(CALLS);
		int threadsAtPeak = Reliability.newClientThreads(baseline).size();

		long start = System.nanoTime();
		this.client.shutdown();
		long shutdownReturnedMicros = (System.nanoTime() - start) / 1_000;
		await("every future completes").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
			.until(() -> calls.stream().allMatch(CompletableFuture::isDone));
		long allDoneMillis = (System.nanoTime() - start) / 1_000_000;
		long shutdownFailures = calls.stream().filter((call) -> Reliability.failure(call) instanceof RpcShutdownException).count();
		List<String> otherOutcomes = calls.stream().map(Reliability::failure)
			.filter((failure) -> !(failure instanceof RpcShutdownException))
			.map(String::valueOf).distinct().limit(5).toList();
		assertThat(this.client.awaitShutdown(Duration.ofSeconds(15))).as("awaitShutdown").isTrue();
		long terminatedMillis = (System.nanoTime() - start) / 1_000_000;
		Reliability.awaitNoNewClientThreads(baseline, Duration.ofSeconds(10));
		long threadsGoneMillis = (System.nanoTime() - start) / 1_000_000;
		await("node sees the client gone").atMost(Duration.ofSeconds(10)).until(() -> this.node.openWebSocketSessions() == 0);

		System.out.printf("[reliability] shutdown under load (%s): %d calls in flight, node received %d; shutdown() returned"
				+ " in %d us; all futures done after %d ms (%d RpcShutdownException); awaitShutdown after %d ms; client threads"
				+ " %d while connected, %d at peak, 0 after %d ms%n", mode, CALLS, this.node.requestCount("getblockcount"),
				shutdownReturnedMicros, allDoneMillis, shutdownFailures, terminatedMillis, clientThreadsWhileRunning,
				threadsAtPeak, threadsGoneMillis);
		assertThat(otherOutcomes).as("outcomes other than RpcShutdownException").isEmpty();
		assertThat(shutdownFailures).isEqualTo(CALLS);
		assertThat(this.client.pendingRequests()).isZero();
		assertThat(Reliability.failure(this.client.getBlockCountAsync())).isInstanceOf(RpcShutdownException.class);
		this.client = null;
	}

}
