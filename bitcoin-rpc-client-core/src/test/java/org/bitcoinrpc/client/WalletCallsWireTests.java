package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
// tag::follow-wallet[]
import org.bitcoinrpc.client.ListSinceBlockOptions;
import org.bitcoinrpc.client.WalletClient;
// end::follow-wallet[]
import org.bitcoinrpc.client.model.AddressInfo;
import org.bitcoinrpc.client.model.OutputRef;
import org.bitcoinrpc.client.model.ReceivedByAddress;
// tag::follow-wallet[]
import org.bitcoinrpc.client.model.TransactionsSinceBlock;
// end::follow-wallet[]
import org.bitcoinrpc.client.model.WalletDescriptors;
import org.bitcoinrpc.client.model.WalletDirectory;
import org.bitcoinrpc.client.model.WalletTransactionCategory;
// tag::follow-wallet[]
import org.bitcoinrpc.client.model.WalletTransactionEntry;

// end::follow-wallet[]
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.test.Fixtures;
import org.jspecify.annotations.Nullable;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

/**
 * Typed wallet calls end to end over HTTP: made through {@code client.wallet(name)} with the
 * wallet the transcript was recorded on, each POSTs to exactly the recorded path ({@code /wallet/alice},
 * {@code /wallet/bob}; {@code /} for {@code listwalletdir}, which is about no wallet) with exactly
 * the recorded method and params, and decodes WireMock's replay of the recorded reply.
 */
class WalletCallsWireTests {

	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true))
		.build();

	private static final String PAY_BOB = "480708595448bcaf78253422a162ac5e1cbf5383b840d882b3ea563097e414e4";

	private static final String LOCKED = "5899a198ba7d9b0e9399ee78e605173a80f231750c105292fe98143e2a38f30b";

	private final JsonRpcCodec codec = new JsonRpcCodec();

	private @Nullable BitcoinRpcClient client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	/** One transcript: the typed call to make on the wallet's client, and what its result must be. */
	record Case(String fixture, Function<WalletCalls, Object> call, Consumer<Object> decoded) {

		@Override
		public String toString() {
			return this.fixture;
		}

	}

	static Stream<Arguments> transcripts() {
		return Stream.of(
				new Case("core/http-listtransactions.json", (w) -> w.listTransactions(8), (result) -> {
					List<?> entries = (List<?>) result;
					assertThat(entries).hasSize(8);
					WalletTransactionEntry coinbase = (WalletTransactionEntry) entries.get(0);
					assertThat(coinbase.category()).isEqualTo(WalletTransactionCategory.IMMATURE);
					assertThat(coinbase.amount()).isEqualTo(new BigDecimal("50.00000000"));
					assertThat(coinbase.blockHeight()).isEqualTo(110L);
				}),
				new Case("core/http-listsinceblock.json",
						(w) -> w.listSinceBlock("6d93094b914644de7bd2aa270c0e57da081a1f57c1147b4289c77bd920f93fab"),
						(result) -> {
							TransactionsSinceBlock since = (TransactionsSinceBlock) result;
							assertThat(since.lastBlock())
								.isEqualTo("38b89dc0364e78dbcacad29a4480bd8483466b9fc444e907d6ef3f3fc4669717");
							assertThat(since.transactions()).hasSize(7);
							assertThat(since.removed()).isEmpty();
						}),
				new Case("core/http-listsinceblock-reorg.json",
						(w) -> w.listSinceBlock("22b54bd1f7e0ca48b19ebf6fd8c6ec1b4ba6cf59a3993a68da075a6c3fdb2665",
								ListSinceBlockOptions.builder().targetConfirmations(1).includeRemoved(true).build()),
						(result) -> assertThat(((TransactionsSinceBlock) result).removed())
							.extracting(WalletTransactionEntry::category)
							.containsExactly(WalletTransactionCategory.ORPHAN, WalletTransactionCategory.SEND)),
				new Case("core/http-lockunspent.json", (w) -> w.lockUnspent(List.of(new OutputRef(LOCKED, 0))),
						(result) -> assertThat(result).isEqualTo(true)),
				new Case("core/http-listlockunspent.json", WalletCalls::listLockUnspent,
						(result) -> assertThat(result).isEqualTo(List.of(new OutputRef(LOCKED, 0)))),
				new Case("core/http-listdescriptors.json", WalletCalls::listDescriptors,
						(result) -> assertThat(((WalletDescriptors) result).walletName()).isEqualTo("alice")),
				new Case("core/http-getaddressinfo.json",
						(w) -> w.getAddressInfo("bcrt1qautf05ywsvzpy5rxcx8d6wpqryxxg9xkyrnx48"),
						(result) -> assertThat(((AddressInfo) result).hdKeyPath()).isEqualTo("m/84h/1h/0h/0/0")),
				new Case("core/http-listreceivedbyaddress.json", WalletCalls::listReceivedByAddress,
						(result) -> assertThat(result).asInstanceOf(LIST)
							.extracting((entry) -> ((ReceivedByAddress) entry).label())
							.containsExactly("bob-3", "bob-1", "bob-2")),
				new Case("core/http-setlabel.json", (w) -> {
					w.setLabel("2NAcBYZwq3FqqcxXxPRn43XgwAQcn3UgfF7", "bob-3");
					return "done";
				}, (result) -> assertThat(result).isEqualTo("done")))
			.map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transcripts")
	void typedWalletCallSendsTheRecordedRequestToTheRecordedPath(Case c) {
		JsonNode recorded = Fixtures.fixture(c.fixture());
		String path = recorded.get("path").asString();
		String wallet = path.substring("/wallet/".length());
		stub(path, c.fixture());
		BitcoinRpcClient client = connect();

		c.decoded().accept(c.call().apply(client.wallet(wallet)));

		assertSentAsRecorded(path, recorded);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("transcripts")
	void aWalletCallToAnotherWalletMissesTheRecordedPath(Case c) {
		// The control: the same call bound to another wallet goes elsewhere (and finds no stub),
		// so the test above would fail if the typed call ignored the wallet.
		JsonNode recorded = Fixtures.fixture(c.fixture());
		stub(recorded.get("path").asString(), c.fixture());
		BitcoinRpcClient client = connect();
		assertThatExceptionOfType(BitcoinRpcException.class)
			.isThrownBy(() -> c.call().apply(client.wallet("mallory")));
		assertThat(server.findAll(NodeProbe.callsTo(recorded.get("path").asString()))).isEmpty();
		assertThat(server.findAll(NodeProbe.callsTo("/wallet/mallory"))).hasSize(1);
	}

	@Test
	void errorTranscriptThroughTheWalletSurfacesTheNamedException() {
		String fixture = "core/http-abandontransaction-confirmed.json";
		JsonNode recorded = Fixtures.fixture(fixture);
		stub("/wallet/alice", fixture);
		BitcoinRpcClient client = connect();
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> client.wallet("alice").abandonTransaction(PAY_BOB))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Transaction not eligible for abandonment"));
		assertSentAsRecorded("/wallet/alice", recorded);
	}

	@Test
	void followingAWalletWithListSinceBlock() {
		stub("/wallet/alice", "core/http-listsinceblock-reorg.json");
		BitcoinRpcClient client = connect();
		List<String> credited = new java.util.ArrayList<>();
		List<String> undone = new java.util.ArrayList<>();
		String lastSeen = "22b54bd1f7e0ca48b19ebf6fd8c6ec1b4ba6cf59a3993a68da075a6c3fdb2665";
		// tag::follow-wallet[]
		WalletClient alice = client.wallet("alice");
		// lastSeen: the lastBlock of the previous call (null the first time: everything)
		TransactionsSinceBlock since = alice.listSinceBlock(lastSeen,
				ListSinceBlockOptions.builder().targetConfirmations(6).build());
		for (WalletTransactionEntry entry : since.transactions()) {
			switch (entry.category()) {
				case RECEIVE, GENERATE -> credited.add(entry.txid() + ":" + entry.vout());
				case SEND, IMMATURE, ORPHAN, UNKNOWN -> {
					// not (yet) income
				}
			}
		}
		// Transactions of blocks a reorganisation took away, in their current state
		// (listed unless includeRemoved(false))
		for (WalletTransactionEntry entry : since.removed()) {
			undone.add(entry.txid() + ":" + entry.vout());
		}
		lastSeen = since.lastBlock();
		// end::follow-wallet[]
		assertThat(credited).isEmpty();
		assertThat(undone).containsExactly("bcb5415b0fdbb1b60ef135065180c6cb2c5c6ac00ace604ab7839373b2b9d778:0",
				"29a5f92b96c2cf50b2d3555b3390700684531c673b8585c9e41cd6b2ea60dbc0:0");
		assertThat(lastSeen).isEqualTo("2358ba53b85f09736adda6fde73a1d4c3f0a905e3fac448e39de87f34245e596");
		List<LoggedRequest> sent = server.findAll(NodeProbe.callsTo("/wallet/alice"));
		assertThat(sent).hasSize(1);
		assertThat(this.codec.mapper().readTree(sent.get(0).getBodyAsString()).get("params").toString())
			.isEqualTo("[\"" + "22b54bd1f7e0ca48b19ebf6fd8c6ec1b4ba6cf59a3993a68da075a6c3fdb2665" + "\",6]");
	}

	@Test
	void listWalletDirIsAboutNoWalletAndGoesToTheRoot() {
		String fixture = "core/http-listwalletdir.json";
		JsonNode recorded = Fixtures.fixture(fixture);
		assertThat(recorded.has("path")).isFalse();
		stub("/", fixture);
		BitcoinRpcClient client = connect();
		WalletDirectory directory = client.listWalletDir();
		assertThat(directory.wallets()).extracting(WalletDirectory.Entry::name)
			.containsExactly("watch", "eve", "bob", "carol", "alice");
		assertSentAsRecorded("/", recorded);
	}

	private BitcoinRpcClient connect() {
		this.client = BitcoinRpcClient.create(ClientOptions.builder().url("http://127.0.0.1:" + server.getPort() + "/")
			.credentials("alice", "secret").reconnectDelay(Delay.constant(Duration.ofMillis(10))).build());
		NodeProbe.answer(server);
		this.client.connect();
		return this.client;
	}

	/** The one POST besides the probe went to {@code path} with the transcript's method and params. */
	private void assertSentAsRecorded(String path, JsonNode recorded) {
		List<LoggedRequest> all = server.findAll(postRequestedFor(anyUrl()).withRequestBody(notContaining("\"id\":0,")));
		assertThat(all).as("calls other than the probe").hasSize(1);
		assertThat(all.get(0).getUrl()).isEqualTo(path);
		JsonNode sent = this.codec.mapper().readTree(all.get(0).getBodyAsString());
		assertThat(sent.get("method")).isEqualTo(recorded.get("request").get("method"));
		assertThat(sent.get("params")).isEqualTo(recorded.get("request").get("params"));
	}

	private static void stub(String path, String fixture) {
		String method = Fixtures.fixture(fixture).get("request").get("method").asString();
		server.stubFor(post(urlEqualTo(path)).withRequestBody(matchingJsonPath("$.method", equalTo(method)))
			.willReturn(recorded(fixture)));
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

}
