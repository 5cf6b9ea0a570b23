package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bitcoin Core's conventions against WireMock answering with the recorded replies: JSON-RPC 2.0
 * and 1.0 on the same endpoints, the named errors for each code, wallet paths, batches and
 * node detection.
 */
class CoreConventionsTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true))
		.build();

	private BitcoinRpcClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private BitcoinRpcClient connect(ClientOptions.Builder builder) {
		this.client = BitcoinRpcClient.create(builder.url("http://127.0.0.1:" + server.getPort() + "/")
			.credentials("alice", "secret").reconnectDelay(Delay.constant(Duration.ofMillis(10))).build());
		NodeProbe.answer(server);
		this.client.connect();
		return this.client;
	}

	/** The recorded reply (status and body) with the id replaced by the request's, as a node does. */
	private static ResponseDefinitionBuilder recorded(String fixture) {
		JsonNode recorded = Fixtures.fixture(fixture);
		ObjectNode reply = (ObjectNode) recorded.get("response").deepCopy();
		if (reply.has("id") && !reply.get("id").isNull()) {
			reply.put("id", "__ID__");
		}
		return aResponse().withStatus(recorded.get("http").get("status").asInt())
			.withHeader("Content-Type", "application/json")
			.withBody(reply.toString().replace("\"__ID__\"", "{{jsonPath request.body '$.id'}} ") + "\n");
	}

	private static void stub(String method, String fixture) {
		server.stubFor(post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo(method)))
			.willReturn(recorded(fixture)));
	}

	@Test
	void jsonRpc20RequestsAndReplies() {
		stub("getblockcount", "core/http-getblockcount-jsonrpc2.json");
		stub("nosuchmethod", "core/http-unknown-method-v2.json");
		BitcoinRpcClient client = connect(ClientOptions.builder().jsonRpcVersion(JsonRpcVersion.V2_0));
		assertThat(client.getBlockCount()).isEqualTo(102);
		server.verify(NodeProbe.callsTo("/").withRequestBody(matchingJsonPath("$.jsonrpc", equalTo("2.0"))));
		assertThatThrownBy(() -> client.call("nosuchmethod", List.of(), Object.class))
			.isInstanceOf(RpcMethodNotFoundException.class);
	}

	@Test
	void jsonRpc10AgainstTheSameEndpointGetsTheSameAnswers() {
		stub("getblockcount", "core/http-getblockcount.json");
		stub("nosuchmethod", "core/http-unknown-method-v1.json");
		BitcoinRpcClient client = connect(ClientOptions.builder());
		assertThat(client.getBlockCount()).isEqualTo(102);
		server.verify(NodeProbe.callsTo("/").withRequestBody(matchingJsonPath("$.jsonrpc", equalTo("1.0"))));
		assertThatThrownBy(() -> client.call("nosuchmethod", List.of(), Object.class))
			.isInstanceOf(RpcMethodNotFoundException.class);
	}

	@ParameterizedTest
	@CsvSource({ "core/http-warmup-28-v1-loading-block-index.json, RpcWarmingUpException, -28",
			"core/http-warmup-28-v2-verifying-blocks.json, RpcWarmingUpException, -28",
			"core/http-getblock-notfound.json, RpcInvalidAddressOrKeyException, -5",
			"btcd/http-getrawtransaction-notfound.json, RpcInvalidAddressOrKeyException, -5",
			"core/http-getblockhash-out-of-range-v1.json, RpcInvalidParameterException, -8",
			"core/http-wallet-not-found-v1.json, RpcWalletNotFoundException, -18",
			"core/http-no-wallet-loaded.json, RpcWalletNotFoundException, -18",
			"core/http-wallet-rpc-on-root-multiwallet-v1.json, RpcWalletNotSpecifiedException, -19",
			"btcd/http-sendrawtransaction-duplicate.json, RpcTransactionRejectedException, -26",
			"core/http-sendrawtransaction-already-in-chain-v1.json, RpcTransactionAlreadyInChainException, -27",
			"core/http-unknown-method-v1.json, RpcMethodNotFoundException, -32601",
			"btcd/http-estimatesmartfee.json, RpcMethodNotFoundException, -32601",
			"core/http-sendrawtransaction-bad-hex-v1.json, RpcErrorException, -22" })
	void eachErrorCodeMapsToItsNamedException(String fixture, String type, int code) throws Exception {
		server.stubFor(post(urlEqualTo("/")).willReturn(recorded(fixture)));
		BitcoinRpcClient client = connect(ClientOptions.builder());
		String method = Fixtures.fixture(fixture).get("request").get("method").asString();
		Class<?> expected = Class.forName("org.bitcoinrpc.client." + type);
		assertThatThrownBy(() -> client.call(method, List.of(), Object.class))
			.isExactlyInstanceOf(expected)
			.isInstanceOfSatisfying(RpcErrorException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(code);
				assertThat(ex.rpcMessage()).isEqualTo(Fixtures.fixture(fixture).get("response").get("error").get("message").asString());
			});
	}

	@Test
	void walletNamesAreUrlEncodedInThePath() {
		server.stubFor(post(urlEqualTo("/wallet/my%20wallet%2F1")).willReturn(recorded("core/http-getbalance.json")));
		server.stubFor(post(urlEqualTo("/wallet/w1")).willReturn(recorded("core/http-getbalance.json")));
		BitcoinRpcClient client = connect(ClientOptions.builder());
		assertThat(client.wallet("my wallet/1").call("getbalance", List.of(), java.math.BigDecimal.class))
			.isEqualByComparingTo(Fixtures.fixture("core/http-getbalance.json").get("response").get("result").decimalValue());
		server.verify(NodeProbe.callsTo("/wallet/my%20wallet%2F1"));

		BitcoinRpcClient bound = BitcoinRpcClient.create(ClientOptions.builder().url("http://127.0.0.1:" + server.getPort())
			.credentials("alice", "secret").wallet("w1").build());
		try {
			bound.connect();
			bound.call("getbalance", List.of(), java.math.BigDecimal.class);
			server.verify(NodeProbe.callsTo("/wallet/w1"));
		}
		finally {
			bound.close();
		}
	}

	@Test
	void walletsNeedHttp() {
		assertThatThrownBy(() -> ClientOptions.builder().url("ws://127.0.0.1:1/ws").wallet("w1").build())
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wallet");
	}

	@Test
	void batchCompletesEachCallOnItsOwn() throws Exception {
		JsonNode recorded = Fixtures.fixture("btcd/http-batch.json");
		ArrayNode reply = (ArrayNode) recorded.get("response").deepCopy();
		StringBuilder body = new StringBuilder("[");
		for (int i = 0; i < 3; i++) {
			ObjectNode element = (ObjectNode) reply.get(i);
			element.put("id", "__ID__");
			body.append(i > 0 ? "," : "").append(element.toString()
				.replace("\"__ID__\"", "{{jsonPath request.body '$.[" + i + "].id'}} "));
		}
		server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(body.append("]").toString())));
		BitcoinRpcClient client = connect(ClientOptions.builder());
		RpcBatch batch = client.batch();
		CompletableFuture<Long> count = batch.add("getblockcount", List.of(), Long.class);
		CompletableFuture<String> tip = batch.add("getbestblockhash", List.of(), String.class);
		CompletableFuture<Object> unknown = batch.add("nosuchmethod", List.of(), Object.class);
		batch.send().get(10, TimeUnit.SECONDS);
		assertThat(count.get()).isEqualTo(121L);
		assertThat(tip.get()).isEqualTo("4d2af2dca5ffa4b59662a568f8b67020f959fde5ec991bdc6d7c78894b1bf61b");
		assertThatThrownBy(unknown::join).hasCauseInstanceOf(RpcMethodNotFoundException.class);
		server.verify(1, NodeProbe.callsTo("/").withRequestBody(matchingJsonPath("$.[2].method", equalTo("nosuchmethod"))));
		assertThat(client.pendingRequests()).isZero();
	}

	@Test
	void batchElementTheNodeLeavesOutFailsInsteadOfHanging() throws Exception {
		server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
			.withBody("[{\"result\":5,\"error\":null,\"id\":{{jsonPath request.body '$.[0].id'}} }]")));
		BitcoinRpcClient client = connect(ClientOptions.builder());
		RpcBatch batch = client.batch();
		CompletableFuture<Long> first = batch.add("getblockcount", List.of(), Long.class);
		CompletableFuture<Long> second = batch.add("getconnectioncount", List.of(), Long.class);
		batch.send().get(10, TimeUnit.SECONDS);
		assertThat(first.get()).isEqualTo(5L);
		assertThatThrownBy(second::join).hasCauseInstanceOf(RpcProtocolException.class).hasMessageContaining("no element");
	}

	@Test
	void btcdWholeBatchErrorFailsEveryCall() throws Exception {
		server.stubFor(post(urlEqualTo("/")).willReturn(recorded("btcd/http-malformed-batch.json")));
		BitcoinRpcClient client = connect(ClientOptions.builder());
		RpcBatch batch = client.batch();
		CompletableFuture<Long> first = batch.add("getblockcount", List.of(), Long.class);
		CompletableFuture<Long> second = batch.add("getblockcount", List.of(), Long.class);
		batch.send().get(10, TimeUnit.SECONDS);
		assertThatThrownBy(first::join).hasCauseInstanceOf(RpcErrorException.class);
		assertThatThrownBy(second::join).hasCauseInstanceOf(RpcErrorException.class);
		assertThatThrownBy(() -> client.batch().send()).isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
	}

	@Test
	void detectsBitcoinCore() {
		stub("getnetworkinfo", "core/http-getnetworkinfo.json");
		NodeInfo info = connect(ClientOptions.builder()).nodeInfo();
		assertThat(info.kind()).isEqualTo(NodeInfo.Kind.BITCOIN_CORE);
		assertThat(info.version()).isEqualTo("31.0.0");
		assertThat(info.userAgent()).isEqualTo("/Satoshi:31.0.0/");
		assertThat(info.isCoreAtLeast(28, 0)).isTrue();
		this.client.nodeInfo();
		server.verify(1, NodeProbe.callsTo("/"));
	}

	@Test
	void feeRateComesFromWhicheverCallTheNodeHas() {
		stub("getnetworkinfo", "core/http-getnetworkinfo.json");
		stub("estimatesmartfee", "core/http-estimatesmartfee.json");
		BitcoinRpcClient core = connect(ClientOptions.builder());
		JsonNode coreEstimate = Fixtures.fixture("core/http-estimatesmartfee.json").get("response").get("result");
		assertThat(core.estimateFeeRate(6)).isEqualTo(java.util.Optional.ofNullable(
				coreEstimate.has("feerate") ? coreEstimate.get("feerate").decimalValue() : null));
		core.close();
		server.resetAll();

		stub("getnetworkinfo", "btcd/http-getnetworkinfo.json");
		stub("getinfo", "btcd/http-getinfo.json");
		stub("estimatefee", "btcd/http-estimatefee.json");
		BitcoinRpcClient btcd = connect(ClientOptions.builder());
		assertThat(btcd.estimateFeeRate(6)).contains(new java.math.BigDecimal("0.0004424778761061947"));
		server.verify(0, NodeProbe.callsTo("/").withRequestBody(matchingJsonPath("$.method", equalTo("estimatesmartfee"))));
	}

	@Test
	void detectsBtcd() {
		stub("getnetworkinfo", "btcd/http-getnetworkinfo.json");
		stub("getinfo", "btcd/http-getinfo.json");
		NodeInfo info = connect(ClientOptions.builder()).nodeInfo();
		assertThat(info.kind()).isEqualTo(NodeInfo.Kind.BTCD);
		assertThat(info.version()).isEqualTo("0.24.2");
		assertThat(info.numericVersion()).isEqualTo(240200);
	}

	@Test
	void onceTheNodeIsKnownAMethodOnlyTheOtherNodeHasFailsWithoutBeingSent() {
		stub("getnetworkinfo", "btcd/http-getnetworkinfo.json");
		stub("getinfo", "btcd/http-getinfo.json");
		BitcoinRpcClient client = connect(ClientOptions.builder());
		assertThat(client.nodeInfo().kind()).isEqualTo(NodeInfo.Kind.BTCD);
		// getblockfilter is Bitcoin Core's (btcd has getcfilter); btcd 0.24.2 does not list it.
		assertThatThrownBy(() -> client.call("getblockfilter", List.of("00"), Object.class))
			.isExactlyInstanceOf(RpcMethodNotFoundException.class)
			.hasMessageContaining("btcd 0.24.2 does not have getblockfilter, a Bitcoin Core method (not sent)")
			.isInstanceOfSatisfying(RpcErrorException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(RpcErrorCode.METHOD_NOT_FOUND));
		server.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method",
				equalTo("getblockfilter"))));
		// A method neither node lists (hidden, websocket-only, or the application's own) is sent.
		server.stubFor(post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo("mymethod")))
			.willReturn(aResponse().withStatus(200).withBody("{\"result\":1,\"error\":null,\"id\":{{jsonPath request.body '$.id'}} }")));
		assertThat(client.call("mymethod", List.of(), Long.class)).isEqualTo(1L);
	}

	@Test
	void aNodeNewerThanTheRecordedOneIsAskedAnyway() {
		server.stubFor(post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo("getnetworkinfo")))
			.willReturn(aResponse().withStatus(200).withBody("{\"result\":{\"version\":320000,\"subversion\":\"/Satoshi:32.0.0/\"},"
					+ "\"error\":null,\"id\":{{jsonPath request.body '$.id'}} }")));
		stub("getcfilter", "btcd/http-getcfilter.json");
		BitcoinRpcClient client = connect(ClientOptions.builder());
		assertThat(client.nodeInfo().version()).isEqualTo("32.0.0");
		// getcfilter is btcd's; a Core newer than the lists (31.0) may have gained it, so it is asked.
		client.call("getcfilter", List.of("00"), String.class);
		server.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method",
				equalTo("getcfilter"))));
	}

}
