package org.bitcoinrpc.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTP POST mode against WireMock answering with the statuses, headers and bodies the real nodes
 * sent (from the recorded fixtures): every status maps to the documented error type.
 */
class HttpStatusMappingTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true))
		.build();

	private BitcoinRpcClient client;

	@AfterEach
	void closeClient() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private BitcoinRpcClient connect(ClientOptions.Builder builder) {
		this.client = BitcoinRpcClient.create(builder.url("http://127.0.0.1:" + server.getPort() + "/")
			.reconnectDelay(Delay.constant(Duration.ofMillis(20))).build());
		NodeProbe.answer(server);
		this.client.connect();
		return this.client;
	}

	private BitcoinRpcClient connect() {
		return connect(ClientOptions.builder().credentials("alice", "secret"));
	}

	/** Stubs the method with the exact status, content type and body the fixture recorded. */
	private static void stubFixture(String method, String fixture) {
		JsonNode recorded = Fixtures.fixture(fixture);
		JsonNode http = recorded.get("http");
		ResponseDefinitionBuilder response = aResponse().withStatus(http.get("status").asInt());
		// Content-Length is left to WireMock: the body echoes the request's id, so its length changes.
		http.get("headers").properties().stream().filter((header) -> !header.getKey().equalsIgnoreCase("Content-Length"))
			.forEach((header) -> response.withHeader(header.getKey(), header.getValue().asString()));
		JsonNode body = recorded.get("response");
		response.withBody(body.isString() ? body.asString() : echoingId(body));
		server.stubFor(post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo(method))).willReturn(response));
	}

	/** The recorded reply with its id replaced by the id of the request being answered, as a node does. */
	private static String echoingId(JsonNode recordedReply) {
		tools.jackson.databind.node.ObjectNode reply = (tools.jackson.databind.node.ObjectNode) recordedReply.deepCopy();
		reply.put("id", "__ID__");
		return reply.toString().replace("\"__ID__\"", "{{jsonPath request.body '$.id'}} ") + "\n";
	}

	@Test
	void sendsJsonRpc10WithBasicAuthAndDecodesTheResult() {
		stubFixture("getblockcount", "btcd/http-getblockcount.json");
		assertThat(connect().getBlockCount()).isEqualTo(121);
		server.verify(NodeProbe.callsTo("/")
			.withHeader("Authorization", equalTo("Basic YWxpY2U6c2VjcmV0"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Host", equalTo("127.0.0.1:" + server.getPort()))
			.withRequestBody(equalToJson("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"getblockcount\",\"params\":[]}")));
		com.github.tomakehurst.wiremock.http.HttpHeaders headers = server.getAllServeEvents().get(0).getRequest().getHeaders();
		assertThat(headers.getHeader("Host").values()).hasSize(1);
		assertThat(headers.getHeader("Content-Type").values()).hasSize(1);
		assertThat(headers.getHeader("Authorization").values()).hasSize(1);
	}

	@Test
	void coreRpcErrorOn500IsTheRpcError() {
		stubFixture("getblockcount", "core/http-warmup-28-v1-loading-block-index.json");
		assertThatThrownBy(() -> connect().getBlockCount()).isInstanceOfSatisfying(RpcErrorException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(RpcErrorCode.IN_WARMUP);
			assertThat(ex.rpcMessage()).isEqualTo("Loading block index\u2026");
		});
	}

	@Test
	void coreMethodNotFoundOn404IsTheRpcError() {
		stubFixture("nosuchmethod", "core/http-unknown-method-v1.json");
		assertThatThrownBy(() -> connect().call("nosuchmethod", List.of(), Object.class))
			.isInstanceOfSatisfying(RpcErrorException.class, (ex) -> assertThat(ex.code()).isEqualTo(-32601));
	}

	@Test
	void btcdRpcErrorOn200IsTheRpcError() {
		stubFixture("getblockhash", "btcd/http-getblockhash-out-of-range.json");
		assertThatThrownBy(() -> connect().getBlockHash(1000))
			.isInstanceOfSatisfying(RpcErrorException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(-1);
				assertThat(ex.method()).isEqualTo("getblockhash");
			});
	}

	@Test
	void unauthorizedIsAnAuthenticationErrorForBothNodes() {
		stubFixture("getblockcount", "btcd/http-401-wrong-password.json");
		assertThatThrownBy(() -> connect().getBlockCount()).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining("HTTP 401")
			.hasMessageNotContaining("secret");
		server.resetAll();
		stubFixture("getblockcount", "core/http-401-wrong-password.json");
		assertThatThrownBy(() -> this.client.getBlockCount()).isInstanceOf(RpcAuthenticationException.class);
		server.resetAll();
		server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403)));
		assertThatThrownBy(() -> this.client.getBlockCount()).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining("HTTP 403");
	}

	@Test
	void workQueueFullIsAnHttpStatusErrorWithTheBody() {
		server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "text/html; charset=ISO-8859-1").withBody("Work queue depth exceeded")));
		assertThatThrownBy(() -> connect().getBlockCount()).isInstanceOfSatisfying(RpcHttpStatusException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(503);
			assertThat(ex.body()).isEqualTo("Work queue depth exceeded");
		});
	}

	@Test
	void workQueueFullAndWarmUpAreRetriedForSafeCalls() {
		server.stubFor(post(urlEqualTo("/")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("Work queue depth exceeded")).willSetStateTo("warming"));
		JsonNode warmup = Fixtures.fixture("core/http-warmup-28-v1-verifying-blocks.json");
		server.stubFor(post(urlEqualTo("/")).inScenario("busy").whenScenarioStateIs("warming")
			.willReturn(aResponse().withStatus(500).withBody(echoingId(warmup.get("response")))).willSetStateTo("ready"));
		server.stubFor(post(urlEqualTo("/")).inScenario("busy").whenScenarioStateIs("ready")
			.willReturn(aResponse().withStatus(200).withBody(echoingId(Fixtures.fixture("btcd/http-getblockcount.json").get("response")))));
		BitcoinRpcClient client = connect();
		assertThat(client.getBlockCount()).isEqualTo(121);
		assertThat(client.resentRequests()).isEqualTo(2);
		server.verify(3, NodeProbe.callsTo("/"));
	}

	@Test
	void unsafeCallsAreNeverRetried() {
		server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503).withBody("Work queue depth exceeded")));
		BitcoinRpcClient client = connect();
		assertThatThrownBy(() -> client.call("sendrawtransaction", List.of("00"), String.class))
			.isInstanceOf(RpcHttpStatusException.class);
		server.verify(1, NodeProbe.callsTo("/"));
		assertThat(client.resentRequests()).isZero();
	}

	@Test
	void retriesStopAfterTheCap() {
		server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503).withBody("Work queue depth exceeded")));
		BitcoinRpcClient client = connect();
		assertThatThrownBy(client::getBlockCount).isInstanceOf(RpcHttpStatusException.class);
		server.verify(1 + org.bitcoinrpc.client.internal.Retries.MAX_RETRIES, NodeProbe.callsTo("/"));
	}

	@Test
	void unknownPathIsAnEndpointError() {
		server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html")));
		assertThatThrownBy(() -> connect().getBlockCount()).isInstanceOf(RpcEndpointException.class)
			.hasMessageContaining("HTTP 404");
	}

	@Test
	void btcdEmptyBodyIsAProtocolError() {
		stubFixture("getblockcount", "btcd/http-getblockcount-no-jsonrpc-field.json");
		assertThatThrownBy(() -> connect().getBlockCount()).isInstanceOf(RpcProtocolException.class)
			.hasMessageContaining("Empty reply");
	}

	@Test
	void unparseableBodyIsAProtocolError() {
		server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("<html>hello</html>")));
		assertThatThrownBy(() -> connect().getBlockCount()).isInstanceOf(RpcProtocolException.class)
			.hasMessageContaining("not valid JSON");
	}

	@Test
	void replyWithAnotherIdNeverCompletesTheCall() {
		server.stubFor(post(urlEqualTo("/"))
			.willReturn(aResponse().withStatus(200).withBody("{\"result\":5,\"error\":null,\"id\":424242}")));
		assertThatThrownBy(() -> connect().getBlockCount()).isInstanceOf(RpcProtocolException.class)
			.hasMessageContaining("carries id 424242");
	}

	@Test
	void resultOfTheWrongShapeIsAProtocolError() {
		server.stubFor(post(urlEqualTo("/"))
			.willReturn(aResponse().withStatus(200).withBody("{\"result\":\"abc\",\"error\":null,\"id\":1}")));
		assertThatThrownBy(() -> connect().getBlockCount()).isInstanceOf(RpcProtocolException.class)
			.hasMessageContaining("Cannot decode the result of getblockcount");
	}

	@Test
	void replyOverTheSizeLimitFailsThatCallOnly() {
		String big = "{\"result\":\"" + "a".repeat(200_000) + "\",\"error\":null,\"id\":{{jsonPath request.body '$.id'}} }";
		server.stubFor(post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo("getblock")))
			.willReturn(aResponse().withStatus(200).withBody(big)));
		stubFixture("getblockcount", "btcd/http-getblockcount.json");
		BitcoinRpcClient client = connect(ClientOptions.builder().credentials("a", "b").maxResponseSize(100_000));
		assertThatThrownBy(() -> client.call("getblock", List.of("00"), String.class))
			.isInstanceOf(RpcResponseTooLargeException.class)
			.hasMessageContaining("maxResponseSize (100000 bytes)");
		assertThat(client.getBlockCount()).isEqualTo(121);
	}

	@Test
	void cookieFileIsReadAtConnectAndAgainAfter401(@TempDir Path dir) throws Exception {
		Path cookie = dir.resolve(".cookie");
		Files.writeString(cookie, "__cookie__:old\n", StandardCharsets.UTF_8);
		String newAuth = "Basic " + java.util.Base64.getEncoder().encodeToString("__cookie__:new".getBytes(StandardCharsets.UTF_8));
		server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "Basic realm=\"jsonrpc\"")));
		server.stubFor(post(urlEqualTo("/")).withHeader("Authorization", equalTo(newAuth))
			.willReturn(aResponse().withStatus(200)
				.withBody(echoingId(Fixtures.fixture("core/http-cookie-auth-getblockcount.json").get("response")))));
		BitcoinRpcClient client = connect(ClientOptions.builder().cookieFile(cookie));
		// The node restarted and rewrote its cookie after the client read it.
		Files.writeString(cookie, "__cookie__:new\n", StandardCharsets.UTF_8);
		long expected = Fixtures.fixture("core/http-cookie-auth-getblockcount.json").get("response").get("result").asLong();
		assertThat(client.getBlockCount()).isEqualTo(expected);
	}

	@Test
	void missingCookieFileFailsConnectNamingTheFile(@TempDir Path dir) {
		Path cookie = dir.resolve("missing.cookie");
		this.client = BitcoinRpcClient.create(ClientOptions.builder()
			.url("http://127.0.0.1:" + server.getPort() + "/").cookieFile(cookie).build());
		assertThatThrownBy(this.client::connect).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining(cookie.toString());
	}

	@Test
	void callThatOutlivesItsTimeoutFailsWithTimeout() {
		server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
			.withBody(echoingId(Fixtures.fixture("btcd/http-getblockcount.json").get("response")))));
		BitcoinRpcClient client = connect();
		assertThatThrownBy(() -> client.call("getblockcount", List.of(), Long.class, Duration.ofMillis(200)))
			.isInstanceOf(RpcTimeoutException.class)
			.hasMessageContaining("timed out after 200 ms");
		assertThat(client.pendingRequests()).isZero();
	}

	@Test
	void unreachableNodeIsAConnectionError() throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		this.client = BitcoinRpcClient.create(ClientOptions.builder().url("http://127.0.0.1:" + port + "/")
			.reconnectDelay(Delay.constant(Duration.ofMillis(20))).queueTimeout(Duration.ofMillis(200)).build());
		// Connect asks the node, which is not there: said at once, not at the first call.
		assertThatThrownBy(this.client::connect).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("Connection refused");
		assertThat(this.client.isConnected()).isFalse();
		// A call waits for the connection, then fails saying it was never sent: nothing was retried.
		assertThatThrownBy(this.client::getBlockCount).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("was not sent").hasMessageContaining("127.0.0.1:" + port);
		assertThat(this.client.resentRequests()).isZero();
	}

}
