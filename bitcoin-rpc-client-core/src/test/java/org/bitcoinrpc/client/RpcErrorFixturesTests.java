package org.bitcoinrpc.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every recorded error reply of both nodes, decoded into a named code and the exception a caller
 * would catch. Replies to requests the client can send go through the client against WireMock
 * answering with the recording; replies to requests the client never sends (no method, a body
 * that is not JSON, JSON-RPC "1.1") and the elements of batch replies go through the codec and
 * {@link RpcErrorException#of}, the path the client takes for them.
 */
class RpcErrorFixturesTests {

	/** The exception type for each code that has its own; every other code is a plain {@link RpcErrorException}. */
	private static final Map<Integer, Class<? extends RpcErrorException>> SPECIFIC = Map.ofEntries(
			Map.entry(-4, RpcWalletException.class), Map.entry(-5, RpcInvalidAddressOrKeyException.class),
			Map.entry(-6, RpcInsufficientFundsException.class), Map.entry(-8, RpcInvalidParameterException.class),
			Map.entry(-9, RpcNodeNotReadyException.class), Map.entry(-10, RpcNodeNotReadyException.class),
			Map.entry(-11, RpcWalletException.class), Map.entry(-12, RpcWalletException.class),
			Map.entry(-13, RpcWalletUnlockNeededException.class),
			Map.entry(-14, RpcWalletPassphraseIncorrectException.class), Map.entry(-15, RpcWalletException.class),
			Map.entry(-16, RpcWalletException.class), Map.entry(-17, RpcWalletException.class),
			Map.entry(-18, RpcWalletNotFoundException.class), Map.entry(-19, RpcWalletNotSpecifiedException.class),
			Map.entry(-25, RpcTransactionRejectedException.class), Map.entry(-26, RpcTransactionRejectedException.class),
			Map.entry(-27, RpcTransactionAlreadyInChainException.class), Map.entry(-28, RpcWarmingUpException.class),
			Map.entry(-32, RpcMethodDeprecatedException.class), Map.entry(-35, RpcWalletAlreadyLoadedException.class),
			Map.entry(-36, RpcWalletAlreadyExistsException.class),
			Map.entry(-32601, RpcMethodNotFoundException.class));

	/** Core's {@code RPCErrorCode} (src/rpc/protocol.h, 31.0) and btcd's {@code btcjson/jsonrpcerr.go} (0.24.2). */
	private static final Set<Integer> CORE_CODES = Set.of(-32600, -32601, -32602, -32603, -32700, -1, -2, -3, -5, -7,
			-8, -20, -22, -25, -26, -27, -28, -32, -9, -10, -23, -24, -29, -30, -31, -34, -33, -4, -6, -11, -12, -13, -14,
			-15, -16, -17, -18, -19, -35, -36);

	private static final Set<Integer> BTCD_CODES = Set.of(-32600, -32601, -32602, -32603, -32700, -1, -2, -3, -5, -7,
			-8, -20, -22, -25, -26, -27, -28, -32, -9, -10, -23, -24, -29, -30, -31, -33, -4, -6, -11, -12, -13, -14,
			-15, -16, -17, -18, -19);

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true))
		.build();

	private final JsonRpcCodec codec = new JsonRpcCodec();

	private BitcoinRpcClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	/** Transcripts whose single reply is an error the client can provoke: a sendable request, a reply with its id. */
	static Stream<Arguments> sendableErrors() {
		return errorFixtures().filter(RpcErrorFixturesTests::sendable).map(Arguments::of);
	}

	/** Transcripts with an error the client cannot provoke by itself, or with errors inside a batch reply. */
	static Stream<Arguments> otherErrors() {
		return errorFixtures().filter((name) -> !sendable(name)).map(Arguments::of);
	}

	private static Stream<String> errorFixtures() {
		return Fixtures.names().stream().filter((name) -> !errors(name).isEmpty());
	}

	/** The error objects in a transcript's reply: none, one, or one per failed call of a batch. */
	private static List<JsonNode> errors(String name) {
		JsonNode response = Fixtures.fixture(name).get("response");
		List<JsonNode> replies = new ArrayList<>();
		if (response != null && response.isArray()) {
			response.forEach(replies::add);
		}
		else if (response != null && response.isObject()) {
			replies.add(response);
		}
		return replies.stream().map((reply) -> reply.get("error")).filter((error) -> error != null && !error.isNull())
			.toList();
	}

	private static boolean sendable(String name) {
		JsonNode fixture = Fixtures.fixture(name);
		JsonNode request = fixture.get("request");
		JsonNode response = fixture.get("response");
		return "http".equals(fixture.path("transport").asString()) && request.isObject() && request.path("method").isString()
				&& request.path("params").isArray() && Set.of("1.0", "2.0").contains(request.path("jsonrpc").asString())
				&& response.isObject() && !response.path("id").isNull() && !response.path("id").isMissingNode();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sendableErrors")
	void errorReplyBecomesItsNamedException(String fixture) {
		JsonNode recorded = Fixtures.fixture(fixture);
		JsonNode error = recorded.get("response").get("error");
		int code = error.get("code").asInt();
		server.stubFor(post(anyUrl()).willReturn(recorded(recorded)));
		this.client = BitcoinRpcClient.create(ClientOptions.builder().url("http://127.0.0.1:" + server.getPort() + "/")
			.credentials("alice", "secret").reconnectDelay(Delay.constant(Duration.ofMillis(10))).build());
		NodeProbe.answer(server);
		this.client.connect();
		String method = recorded.get("request").get("method").asString();
		assertThatThrownBy(() -> this.client.call(method, List.of(), Object.class))
			.isExactlyInstanceOf(SPECIFIC.getOrDefault(code, RpcErrorException.class))
			.isInstanceOfSatisfying(RpcErrorException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(code);
				assertThat(ex.rpcMessage()).isEqualTo(error.get("message").asString());
				assertThat(ex.method()).isEqualTo(method);
				assertNamed(ex);
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("otherErrors")
	void unsendableOrBatchedErrorBecomesItsNamedException(String fixture) {
		String body = Fixtures.responseBody(fixture);
		InboundMessage message = this.codec.decode(JsonText.of(body.getBytes(StandardCharsets.UTF_8)));
		List<InboundMessage> responses = (message instanceof InboundMessage.Batch batch) ? batch.messages()
				: List.of(message);
		List<JsonNode> errors = errors(fixture);
		List<InboundMessage.Response> failed = responses.stream()
			.map(InboundMessage.Response.class::cast)
			.filter((response) -> response.error() != null)
			.toList();
		assertThat(failed).hasSameSizeAs(errors);
		for (int i = 0; i < failed.size(); i++) {
			int code = errors.get(i).get("code").asInt();
			RpcErrorException ex = RpcErrorException.of("m", failed.get(i).error().code(), failed.get(i).error().message());
			assertThat(ex).as(fixture).isExactlyInstanceOf(SPECIFIC.getOrDefault(code, RpcErrorException.class));
			assertThat(ex.code()).isEqualTo(code);
			assertNamed(ex);
		}
	}

	@Test
	void theFixturesHaveErrorsOfBothNodesIncludingMethodNotFound() {
		List<String> names = errorFixtures().toList();
		assertThat(names).filteredOn((name) -> name.startsWith("core/")).hasSizeGreaterThan(80);
		assertThat(names).filteredOn((name) -> name.startsWith("btcd/")).hasSizeGreaterThan(30);
		assertThat(sendableErrors().map((arguments) -> (String) arguments.get()[0]))
			.contains("core/http-unknown-method-v1.json", "core/http-unknown-method-v2.json",
					"btcd/http-unknown-method.json", "btcd/http-estimatesmartfee.json");
	}

	@Test
	void everyCodeOfBothNodesHasAName() {
		Set<Integer> both = new TreeSet<>(CORE_CODES);
		both.addAll(BTCD_CODES);
		assertThat(RpcErrorCode.all().keySet()).containsExactlyInAnyOrderElementsOf(both);
		both.forEach((code) -> assertThat(RpcErrorCode.describe(code)).as("code %d", code).isNotEqualTo("rpc error"));
		assertThat(RpcErrorCode.nameOf(-13)).contains("WALLET_UNLOCK_NEEDED");
		assertThat(RpcErrorCode.nameOf(-99)).isEmpty();
		assertThat(RpcErrorCode.describe(-99)).isEqualTo("rpc error");
	}

	@Test
	void walletErrorsShareOneType() {
		for (int code : new int[] { -4, -6, -11, -12, -13, -14, -15, -16, -17, -18, -19, -35, -36 }) {
			assertThat(RpcErrorException.of("sendtoaddress", code, "x")).as("code %d", code)
				.isInstanceOf(RpcWalletException.class);
		}
		assertThat(RpcErrorException.of("getblock", -5, "x")).isNotInstanceOf(RpcWalletException.class);
	}

	private static void assertNamed(RpcErrorException ex) {
		assertThat(RpcErrorCode.nameOf(ex.code())).as("a named constant for %d", ex.code()).isPresent();
		assertThat(ex.getMessage()).doesNotContain("(rpc error)");
	}

	/** The recorded reply (status and body) with the id replaced by the request's, as a node does. */
	private static ResponseDefinitionBuilder recorded(JsonNode recorded) {
		ObjectNode reply = (ObjectNode) recorded.get("response").deepCopy();
		reply.put("id", "__ID__");
		return aResponse().withStatus(recorded.get("http").get("status").asInt())
			.withHeader("Content-Type", "application/json")
			.withBody(reply.toString().replace("\"__ID__\"", "{{jsonPath request.body '$.id'}} ") + "\n");
	}

}
