package org.bitcoinrpc.client;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.trafficlistener.WiremockNetworkTrafficListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * HTTP POST mode: how a reply's body is collected, with and without {@code Content-Length}, under
 * and over {@code maxResponseSize}. The server's bytes are recorded, so each test also shows that
 * the reply was framed the way the test means (chunked or with a length).
 */
class HttpReplyBodyTests {

	private static final int LIMIT = 100_000;

	/** What the server wrote, as ISO-8859-1 text; appended from WireMock's threads. */
	private static final StringBuffer sent = new StringBuffer();

	/** Without gzip: WireMock would compress (Jetty's client asks for it) and drop the Content-Length. */
	@RegisterExtension
	static final WireMockExtension server = WireMockExtension.newInstance()
		.options(options().bindAddress("127.0.0.1").dynamicPort()
			.globalTemplating(true).gzipDisabled(true).networkTrafficListener(new Recorder()))
		.build();

	private BitcoinRpcClient client;

	@AfterEach
	void closeClient() {
		sent.setLength(0);
		if (this.client != null) {
			this.client.close();
		}
	}

	private BitcoinRpcClient connect() {
		this.client = BitcoinRpcClient.create(ClientOptions.builder().url("http://127.0.0.1:" + server.getPort() + "/")
			.credentials("alice", "secret").maxResponseSize(LIMIT).reconnectDelay(Delay.constant(Duration.ofMillis(20))).build());
		NodeProbe.answer(server);
		this.client.connect();
		// WireMock reports what it wrote after the client may have read it: wait for the probe's
		// reply to be recorded before forgetting it, so that it cannot land in a test's record.
		await().atMost(Duration.ofSeconds(10)).until(() -> sent.toString().contains("\"id\":0}"));
		sent.setLength(0);
		// A reply to getblockcount, framed as WireMock likes (it is small): the call after a failed one.
		server.stubFor(post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo("getblockcount")))
			.willReturn(aResponse().withStatus(200).withBody(reply("121"))));
		return this.client;
	}

	/** A reply carrying {@code result} (JSON) and the id of the request being answered. */
	private static String reply(String result) {
		return "{\"result\":" + result + ",\"error\":null,\"id\":{{jsonPath request.body '$.id'}} }\n";
	}

	/** The getblock reply: a string result of {@code size} characters, sent in several chunks without a length. */
	private static void stubChunkedGetBlock(int size) {
		ResponseDefinitionBuilder response = aResponse().withStatus(200)
			.withBody(reply("\"" + "a".repeat(size) + "\""))
			.withChunkedDribbleDelay(8, 40);
		server.stubFor(post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo("getblock"))).willReturn(response));
	}

	@Test
	void chunkedReplyLargerThanTheFirstBufferIsDecoded() {
		stubChunkedGetBlock(20_000);
		BitcoinRpcClient client = connect();
		assertThat(client.call("getblock", List.of("00"), String.class)).isEqualTo("a".repeat(20_000));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sent.toString())
			.containsIgnoringCase("Transfer-Encoding: chunked").doesNotContainIgnoringCase("Content-Length"));
	}

	@Test
	void chunkedReplyGrowingOverTheLimitFailsThatCallOnly() {
		stubChunkedGetBlock(2 * LIMIT);
		BitcoinRpcClient client = connect();
		assertThatThrownBy(() -> client.call("getblock", List.of("00"), String.class))
			.isInstanceOf(RpcResponseTooLargeException.class)
			.hasMessageContaining("maxResponseSize (100000 bytes)")
			.cause().hasMessageContaining("exceeds the limit of 100000 bytes");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sent.toString())
			.containsIgnoringCase("Transfer-Encoding: chunked"));
		assertThat(client.getBlockCount()).isEqualTo(121);
	}

	@Test
	void contentLengthOverTheLimitFailsBeforeTheBody() {
		String body = "{\"result\":\"" + "a".repeat(LIMIT) + "\",\"error\":null,\"id\":1}";
		server.stubFor(post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo("getblock")))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Length", String.valueOf(body.length())).withBody(body)));
		BitcoinRpcClient client = connect();
		assertThatThrownBy(() -> client.call("getblock", List.of("00"), String.class))
			.isInstanceOf(RpcResponseTooLargeException.class)
			.hasMessageContaining("maxResponseSize (100000 bytes)")
			.cause().hasMessageContaining("declares " + body.length() + " bytes (Content-Length)");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sent.toString())
			.containsIgnoringCase("Content-Length: " + body.length()));
		assertThat(client.getBlockCount()).isEqualTo(121);
	}

	@Test
	void replyWithContentLengthAtTheLimitIsDecoded() {
		String result = "a".repeat(LIMIT - 100);
		String body = "{\"result\":\"" + result + "\",\"error\":null,\"id\":1}";
		String padded = body + " ".repeat(LIMIT - body.length());
		server.stubFor(post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo("getblock")))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Length", String.valueOf(LIMIT)).withBody(padded)));
		BitcoinRpcClient client = connect();
		assertThat(client.call("getblock", List.of("00"), String.class)).isEqualTo(result);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sent.toString())
			.containsIgnoringCase("Content-Length: " + LIMIT));
	}

	/** Keeps the bytes the server writes. */
	private static final class Recorder implements WiremockNetworkTrafficListener {

		@Override
		public void opened(Socket socket) {
		}

		@Override
		public void incoming(Socket socket, ByteBuffer bytes) {
		}

		@Override
		public void outgoing(Socket socket, ByteBuffer bytes) {
			sent.append(StandardCharsets.ISO_8859_1.decode(bytes.duplicate()));
		}

		@Override
		public void closed(Socket socket) {
		}

	}

}
