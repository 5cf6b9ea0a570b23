package org.bitcoinrpc.sample;

// tag::wiremock[]
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.bitcoinrpc.sample.ChainTipController.ChainTip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

// end::wiremock[]
/**
 * README "Testing your application", WireMock: the sample's {@code /chain/tip} against HTTP
 * replies written in the test, as a Bitcoin Core node would send them.
 */
// tag::wiremock[]
// HTTP POST, as to Bitcoin Core: no websocket notifications, and (here) no chain follower.
@SpringBootTest(properties = { "bitcoin.rpc.notifications.blocks=false", "bitcoin.rpc.notifications.transactions=none",
		"bitcoin.rpc.follow.enabled=false" })
class ChainTipWireMockTests {

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

	/** Before the context starts: the client's first call, when it connects, is a getblockcount. */
	@BeforeAll
	static void nodeIsUp() {
		node.stubFor(rpc("getblockcount", "850000"));
	}

	@Autowired
	ChainTipController controller;

	@Test
	void answersWithTheNodesTip() {
		String hash = "00000000000000000002a7c4c1e48d76c5a37902165a270156b7a8d72728a054";
		node.stubFor(rpc("getblockcount", "850000"));
		node.stubFor(rpc("getbestblockhash", "\"" + hash + "\""));
		ChainTip tip = this.controller.tip().join();
		assertThat(tip.height()).isEqualTo(850000);
		assertThat(tip.bestBlockHash()).isEqualTo(hash);
	}

	/**
	 * A JSON-RPC reply to {@code method}: the result, and the request's own id (a response template;
	 * the space keeps Handlebars from reading "}}}" as one token).
	 */
	static MappingBuilder rpc(String method, String result) {
		return post("/").withRequestBody(matchingJsonPath("$.method", equalTo(method)))
			.willReturn(okJson("{\"result\":" + result + ",\"error\":null,\"id\":{{jsonPath request.body '$.id'}} }"));
	}

}
// end::wiremock[]
