package org.bitcoinrpc.sample;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.bitcoinrpc.sample.ChainTipController.ChainTip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// tag::fixtures[]
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
// end::fixtures[]
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
// tag::fixtures[]
import static org.assertj.core.api.Assertions.assertThat;

// end::fixtures[]
/**
 * README "Testing your application", recorded fixtures: the sample's {@code /chain/tip} against
 * the replies Bitcoin Core 31.0 really gave, replayed by WireMock from bitcoin-rpc-test's
 * {@link Fixtures}. Set up as {@link ChainTipWireMockTests}.
 */
@SpringBootTest(properties = { "bitcoin.rpc.notifications.blocks=false", "bitcoin.rpc.notifications.transactions=none",
		"bitcoin.rpc.follow.enabled=false" })
class ChainTipFixtureTests {

	@RegisterExtension
	static WireMockExtension node = WireMockExtension.newInstance()
		.options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().globalTemplating(true))
		.build();

	@DynamicPropertySource
	static void nodeProperties(DynamicPropertyRegistry registry) {
		registry.add("bitcoin.rpc.url", () -> "http://127.0.0.1:" + node.getPort() + "/");
		registry.add("bitcoin.rpc.user", () -> "user");
		registry.add("bitcoin.rpc.password", () -> "pass");
	}

	@BeforeAll
	static void nodeIsUp() {
		node.stubFor(recorded("core/http-getblockcount.json"));
	}

	@Autowired
	ChainTipController controller;

	// tag::fixtures[]
	@Test
	void answersWithTheRecordedTip() {
		node.stubFor(recorded("core/http-getblockcount.json"));
		node.stubFor(recorded("core/http-getbestblockhash.json"));
		ChainTip tip = this.controller.tip().join();
		assertThat(tip.height()).isEqualTo(result("core/http-getblockcount.json").asLong());
		assertThat(tip.bestBlockHash()).isEqualTo(result("core/http-getbestblockhash.json").asString());
	}

	/**
	 * The recorded reply to the fixture's method, with the request's own id instead of the recorded
	 * one (a response template; the space keeps Handlebars from reading "}}}" as one token).
	 */
	static MappingBuilder recorded(String fixture) {
		String method = Fixtures.fixture(fixture).get("request").get("method").asString();
		ObjectNode reply = (ObjectNode) Fixtures.fixture(fixture).get("response");
		reply.put("id", "ID");
		return post("/").withRequestBody(matchingJsonPath("$.method", equalTo(method)))
			.willReturn(okJson(reply.toString().replace("\"ID\"", "{{jsonPath request.body '$.id'}} ")));
	}

	/** The recorded result. */
	static JsonNode result(String fixture) {
		return Fixtures.fixture(fixture).get("response").get("result");
	}
	// end::fixtures[]

}
