package org.bitcoinrpc.client.follow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.ClientOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over HTTP against a Bitcoin Core-like node, {@code waitfornewblock} wakes the follower as soon
 * as a block arrives: with polling pushed out to an hour, the block is still handled at once. The
 * node is WireMock with two states, before and after block 11.
 */
class LongPollTests {

	private static final String H9 = "09".repeat(32);

	private static final String H10 = "0a".repeat(32);

	private static final String H11 = "0b".repeat(32);

	@RegisterExtension
	static final WireMockExtension node = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true))
		.build();

	private static ScenarioMappingBuilder call(String method) {
		return post(urlEqualTo("/")).inScenario("chain").withRequestBody(matchingJsonPath("$.method", equalTo(method)));
	}

	private static String reply(String result) {
		// The space keeps "}}}" from reading as the end of a Handlebars triple-stash.
		return "{\"result\":" + result + ",\"error\":null,\"id\":{{jsonPath request.body '$.id'}} }";
	}

	private static String header(String hash, long height, String previous, String next) {
		return "{\"hash\":\"" + hash + "\",\"confirmations\":1,\"height\":" + height + ",\"version\":536870912,"
				+ "\"versionHex\":\"20000000\",\"merkleroot\":\"" + "00".repeat(32) + "\",\"time\":" + (1_700_000_000L + height)
				+ ",\"mediantime\":1700000000,\"nonce\":0,\"bits\":\"207fffff\",\"difficulty\":4.656542373906925e-10,"
				+ "\"chainwork\":\"00\",\"nTx\":1,\"previousblockhash\":\"" + previous + "\""
				+ ((next != null) ? ",\"nextblockhash\":\"" + next + "\"" : "") + "}";
	}

	@Test
	void aBlockIsHandledAsSoonAsWaitForNewBlockAnswersEvenWithPollingAnHourApart() throws Exception {
		node.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(matchingJsonPath("$.method", equalTo("getblockcount")))
			.willReturn(aResponse().withBody(reply("10"))));
		// Before block 11: the tip is 10, and the long-poll answers after a while with the new block.
		node.stubFor(call("getbestblockhash").whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withBody(reply("\"" + H10 + "\""))));
		node.stubFor(call("getblockheader").whenScenarioStateIs(Scenario.STARTED)
			.withRequestBody(matchingJsonPath("$.params[0]", equalTo(H10))).willReturn(aResponse().withBody(reply(header(H10, 10, H9, null)))));
		node.stubFor(call("waitfornewblock").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("mined")
			.willReturn(aResponse().withFixedDelay(700).withBody(reply("{\"hash\":\"" + H11 + "\",\"height\":11}"))));
		// After it: the tip is 11, and the next long-poll waits.
		node.stubFor(call("getbestblockhash").whenScenarioStateIs("mined").willReturn(aResponse().withBody(reply("\"" + H11 + "\""))));
		node.stubFor(call("getblockheader").whenScenarioStateIs("mined")
			.withRequestBody(matchingJsonPath("$.params[0]", equalTo(H10))).willReturn(aResponse().withBody(reply(header(H10, 10, H9, H11)))));
		node.stubFor(call("getblockheader").whenScenarioStateIs("mined")
			.withRequestBody(matchingJsonPath("$.params[0]", equalTo(H11))).willReturn(aResponse().withBody(reply(header(H11, 11, H10, null)))));
		node.stubFor(call("getblockhash").whenScenarioStateIs("mined").withRequestBody(matchingJsonPath("$.params[0]", equalTo("10")))
			.willReturn(aResponse().withBody(reply("\"" + H10 + "\""))));
		node.stubFor(call("getblockhash").whenScenarioStateIs("mined").withRequestBody(matchingJsonPath("$.params[0]", equalTo("11")))
			.willReturn(aResponse().withBody(reply("\"" + H11 + "\""))));
		node.stubFor(call("waitfornewblock").whenScenarioStateIs("mined")
			.willReturn(aResponse().withFixedDelay(20_000).withBody(reply("{\"hash\":\"" + H11 + "\",\"height\":11}"))));

		List<String> handled = new CopyOnWriteArrayList<>();
		try (BitcoinRpcClient client = BitcoinRpcClient.create(ClientOptions.builder()
			.url("http://127.0.0.1:" + node.getPort() + "/").credentials("user", "pass").build());
				ChainFollower follower = connectAndFollow(client, handled)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
			assertThat(handled).containsExactly("+11 " + H11);
			assertThat(follower.cursor().hash()).isEqualTo(H11);
		}
		node.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo("waitfornewblock")))
			.withRequestBody(matchingJsonPath("$.params[0]", equalTo("30000")))
			.withRequestBody(matchingJsonPath("$.params[1]", equalTo(H10))));
	}

	private static ChainFollower connectAndFollow(BitcoinRpcClient client, List<String> handled) {
		client.connect();
		return ChainFollower.builder(client).pollInterval(Duration.ofHours(1))
			.handler((change) -> handled.add("+" + change.height() + " " + change.hash())).start();
	}

}
