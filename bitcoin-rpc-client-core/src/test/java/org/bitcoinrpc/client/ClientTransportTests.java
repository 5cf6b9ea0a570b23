package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bitcoinrpc.client.model.Block;
import org.bitcoinrpc.client.model.BlockHeader;
import org.bitcoinrpc.test.SimulatedNode;
import org.bitcoinrpc.test.SimulatedNodeExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What both transports must do the same way, against the simulated btcd node: typed calls,
 * many concurrent calls, timeouts, the pending bound, shutdown with calls in flight, and large
 * replies.
 */
class ClientTransportTests {

	@RegisterExtension
	static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(
			SimulatedNode.builder().user("user").password("pass").initialHeight(20));

	private final List<BitcoinRpcClient> clients = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		this.clients.forEach(BitcoinRpcClient::close);
		NODE.node().resetControls();
	}

	private BitcoinRpcClient connect(String mode) {
		return connect(mode, ClientOptions.builder());
	}

	private BitcoinRpcClient connect(String mode, ClientOptions.Builder builder) {
		String url = mode.equals("ws") ? NODE.node().wsUrl() : NODE.node().httpUrl();
		BitcoinRpcClient client = BitcoinRpcClient.create(builder.url(url).credentials("user", "pass").build());
		this.clients.add(client);
		client.connect();
		assertThat(client.isConnected()).isTrue();
		return client;
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void typedCallsReturnTheChainAsTheNodeHasIt(String mode) {
		BitcoinRpcClient client = connect(mode);
		List<String> mined = NODE.node().generate(2);
		long height = client.getBlockCount();
		String tip = client.getBestBlockHash();
		assertThat(tip).isEqualTo(mined.get(1));
		assertThat(client.getBlockHash(height)).isEqualTo(tip);

		BlockHeader header = client.getBlockHeader(tip);
		assertThat(header.hash()).isEqualTo(tip);
		assertThat(header.height()).isEqualTo(height);
		assertThat(header.previousBlockHash()).isEqualTo(mined.get(0));
		assertThat(header.nextBlockHash()).isNull();
		assertThat(client.getBlockHeader(mined.get(0)).nextBlockHash()).isEqualTo(tip);

		Block block = client.getBlock(tip);
		assertThat(block.height()).isEqualTo(height);
		assertThat(block.txIds()).isNotEmpty();
		assertThat(block.merkleRoot()).isEqualTo(header.merkleRoot());
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void rpcErrorsReachTheCaller(String mode) {
		BitcoinRpcClient client = connect(mode);
		assertThatThrownBy(() -> client.getBlockHash(1_000_000)).isInstanceOfSatisfying(RpcErrorException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(-1));
		assertThatThrownBy(() -> client.call("nosuchmethod", List.of(), Object.class))
			.isInstanceOfSatisfying(RpcErrorException.class, (ex) -> assertThat(ex.code()).isEqualTo(RpcErrorCode.METHOD_NOT_FOUND));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void thousandConcurrentCallsAllCompleteWithTheirOwnResult(String mode) throws Exception {
		BitcoinRpcClient client = connect(mode);
		long height = client.getBlockCount();
		List<String> expected = new ArrayList<>();
		for (int h = 0; h <= height; h++) {
			expected.add(client.getBlockHash(h));
		}
		List<CompletableFuture<String>> futures = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			futures.add(client.getBlockHashAsync(i % (height + 1)));
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		for (int i = 0; i < 1000; i++) {
			assertThat(futures.get(i).get()).as("call %d", i).isEqualTo(expected.get((int) (i % (height + 1))));
		}
		assertThat(client.pendingRequests()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void unansweredCallTimesOutAndTheClientStaysUsable(String mode) {
		BitcoinRpcClient client = connect(mode, ClientOptions.builder().requestTimeout(Duration.ofMillis(300)));
		NODE.node().neverAnswer("getbestblockhash");
		assertThatThrownBy(client::getBestBlockHash).isInstanceOf(RpcTimeoutException.class)
			.hasMessageContaining("getbestblockhash").hasMessageContaining("300 ms");
		assertThatThrownBy(() -> client.call("getbestblockhash", List.of(), String.class, Duration.ofMillis(50)))
			.isInstanceOf(RpcTimeoutException.class).hasMessageContaining("50 ms");
		assertThat(client.getBlockCount()).isPositive();
		assertThat(client.pendingRequests()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void pendingBoundFailsFastSayingSo(String mode) {
		BitcoinRpcClient client = connect(mode, ClientOptions.builder().maxPendingRequests(10));
		NODE.node().neverAnswer("getbestblockhash");
		List<CompletableFuture<String>> held = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			held.add(client.getBestBlockHashAsync());
		}
		assertThat(client.pendingRequests()).isEqualTo(10);
		CompletableFuture<Long> rejected = client.getBlockCountAsync();
		assertThat(rejected).isCompletedExceptionally();
		assertThatThrownBy(rejected::join).hasCauseInstanceOf(RpcRequestRejectedException.class)
			.hasMessageContaining("10 pending");
		assertThat(held).noneMatch(CompletableFuture::isDone);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void shutdownFailsEveryCallInFlightAndReleasesThreads(String mode) throws Exception {
		BitcoinRpcClient client = connect(mode);
		NODE.node().neverAnswer("getbestblockhash");
		List<CompletableFuture<String>> inFlight = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			inFlight.add(client.getBestBlockHashAsync());
		}
		client.shutdown();
		for (CompletableFuture<String> future : inFlight) {
			assertThat(future).isCompletedExceptionally();
			assertThatThrownBy(future::join).hasCauseInstanceOf(RpcShutdownException.class);
		}
		assertThat(client.awaitShutdown(Duration.ofSeconds(10))).isTrue();
		assertThat(client.state()).isEqualTo(ConnectionState.SHUT_DOWN);
		assertThatThrownBy(client::getBlockCount).isInstanceOf(RpcShutdownException.class);
		client.shutdown();
		assertThatThrownBy(client::connect).isInstanceOf(RpcShutdownException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void sixteenMegabyteReplyArrivesWhole(String mode) {
		BitcoinRpcClient client = connect(mode);
		NODE.node().stubResult("getblock", bigBlockJson(16 * 1024 * 1024));
		JsonNode block = client.call("getblock", List.of("00".repeat(32), 2), JsonNode.class, Duration.ofSeconds(60));
		assertThat(block.get("rawtx").size()).isGreaterThan(1000);
		assertThat(block.get("rawtx").get(0).get("hex").asString()).hasSize(1000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ws", "http" })
	void replyOverTheLimitFailsThatCallAndTheConnectionStaysUsable(String mode) {
		BitcoinRpcClient client = connect(mode, ClientOptions.builder().maxResponseSize(1024 * 1024));
		NODE.node().stubResult("getblock", bigBlockJson(3 * 1024 * 1024));
		assertThatThrownBy(() -> client.call("getblock", List.of("00".repeat(32), 2), JsonNode.class))
			.isInstanceOf(RpcResponseTooLargeException.class).hasMessageContaining("maxResponseSize");
		assertThat(client.getBlockCount()).isPositive();
		if (mode.equals("ws")) {
			assertThat(client.isConnected()).isTrue();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> client.pendingRequests() == 0);
	}

	/** A getblock-verbosity-2-shaped object of about {@code size} characters. */
	static String bigBlockJson(int size) {
		StringBuilder json = new StringBuilder(size + 1024).append("{\"hash\":\"").append("ab".repeat(32)).append("\",\"rawtx\":[");
		String hex = "0".repeat(1000);
		int i = 0;
		while (json.length() < size) {
			if (i > 0) {
				json.append(',');
			}
			json.append("{\"txid\":\"").append(String.format("%064x", i++)).append("\",\"hex\":\"").append(hex)
				.append("\",\"vout\":[{\"value\":0.00001,\"n\":0}]}");
		}
		return json.append("]}").toString();
	}

}
