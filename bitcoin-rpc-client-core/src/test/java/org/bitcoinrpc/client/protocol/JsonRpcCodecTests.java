package org.bitcoinrpc.client.protocol;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bitcoinrpc.client.model.Block;
import org.bitcoinrpc.client.model.BlockHeader;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRpcCodecTests {

	private final JsonRpcCodec codec = new JsonRpcCodec();

	private final ObjectMapper mapper = this.codec.mapper();

	@Test
	void encodesRequestsAsBtcdExpects() {
		String text = this.codec.encodeRequestText(7, "getblockhash", List.of(3));
		assertThat(text).isEqualTo("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"getblockhash\",\"params\":[3]}");
		assertThat(new String(this.codec.encodeRequest(7, "getblockhash", List.of(3)), StandardCharsets.UTF_8)).isEqualTo(text);
	}

	@Test
	void decodesBtcdReplyWithIdLast() {
		InboundMessage.Response response = response("btcd/http-getblockcount.json");
		assertThat(response.id()).isEqualTo(1L);
		assertThat(response.error()).isNull();
		assertThat((Long) response.result().decode(this.mapper, this.mapper.readerFor(Long.class))).isEqualTo(121L);
	}

	@Test
	void decodesHeaderAndBlockFromBothNodes() {
		BlockHeader btcd = decode("btcd/http-getblockheader-verbose-true.json", BlockHeader.class);
		assertThat(btcd.height()).isEqualTo(121);
		assertThat(btcd.merkleRoot()).isEqualTo("9eb4742866e47c816a13df876d18f13287e40aaa7247868addb227af13e7b1d0");
		assertThat(btcd.difficulty()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(btcd.nextBlockHash()).isNull();
		assertThat(btcd.medianTime()).isNull();

		BlockHeader core = decode("core/http-getblockheader-verbose-true.json", BlockHeader.class);
		assertThat(core.difficulty()).isEqualTo(new BigDecimal("4.656542373906925e-10"));
		assertThat(core.txCount()).isEqualTo(2);
		assertThat(core.chainWork()).endsWith("ce");

		Block block = decode("btcd/http-getblock-verbosity1.json", Block.class);
		assertThat(block.txIds()).hasSize(2).first().isEqualTo("a7b6199a333ece6469b665225dafd541d59256e12ca1df819d0bc370a7d4bec1");
		assertThat(block.weight()).isEqualTo(1660L);
		Block coreBlock = decode("core/http-getblock-verbosity1.json", Block.class);
		assertThat(coreBlock.height()).isEqualTo(102);
		assertThat(coreBlock.medianTime()).isEqualTo(1795622259L);
	}

	@Test
	void decodesErrorRepliesOfBothDialects() {
		InboundMessage.Response btcd = response("btcd/http-getblockhash-out-of-range.json");
		assertThat(btcd.error()).isEqualTo(new RpcError(-1, "Block number out of range"));
		assertThat(btcd.result()).isNull();
		InboundMessage.Response core = response("core/http-warmup-28-v2-loading-block-index.json");
		assertThat(core.error().code()).isEqualTo(-28);
		assertThat(core.error().message()).contains("\u2026");
	}

	@Test
	void decodesBtcdNotification() {
		JsonNode frame = Fixtures.fixture("btcd/ws-notifyblocks.json").get("messages");
		JsonNode notification = null;
		for (JsonNode message : frame) {
			if (message.get("json").has("method") && message.get("dir").asString().equals("in")) {
				notification = message.get("json");
				break;
			}
		}
		InboundMessage decoded = this.codec.decode(JsonText.of(this.mapper.writeValueAsString(notification)));
		assertThat(decoded).isInstanceOfSatisfying(InboundMessage.Notification.class, (n) -> {
			assertThat(n.method()).isEqualTo("blockconnected");
			assertThat(n.params()).hasSize(3);
		});
	}

	@Test
	void parseErrorWithNullIdBelongsToNoRequest() {
		InboundMessage decoded = decodeText("{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}");
		assertThat(decoded).isInstanceOfSatisfying(InboundMessage.Response.class, (r) -> {
			assertThat(r.id()).isNull();
			assertThat(r.error().code()).isEqualTo(-32700);
		});
	}

	@Test
	void malformedMessagesAreClassifiedNotThrown() {
		assertThat(decodeText("not json")).isInstanceOf(InboundMessage.Malformed.class);
		assertThat(decodeText("")).isInstanceOf(InboundMessage.Malformed.class);
		assertThat(decodeText("42")).isInstanceOf(InboundMessage.Malformed.class);
		assertThat(decodeText("{\"result\":1,\"id\":1} trailing")).isInstanceOf(InboundMessage.Malformed.class);
		assertThat(decodeText("{\"id\":null,\"params\":[]}")).isInstanceOfSatisfying(InboundMessage.Response.class,
				(r) -> assertThat(r.malformation()).isEqualTo("notification without a method"));
		assertThat(decodeText("{\"id\":5,\"error\":null}")).isInstanceOfSatisfying(InboundMessage.Response.class, (r) -> {
			assertThat(r.id()).isEqualTo(5L);
			assertThat(r.malformation()).isEqualTo("reply has neither result nor error");
		});
		assertThat(decodeText("{\"id\":\"abc\",\"result\":1}")).isInstanceOfSatisfying(InboundMessage.Response.class,
				(r) -> assertThat(r.id()).isNull());
		assertThat(decodeText("{\"id\":99999999999999999999999,\"result\":1}"))
			.isInstanceOfSatisfying(InboundMessage.Response.class, (r) -> assertThat(r.id()).isNull());
		assertThat(decodeText("{\"method\":\"x\",\"id\":3}")).isInstanceOf(InboundMessage.Malformed.class);
	}

	@Test
	void decodesCoreJsonRpc2ReplyWithoutErrorMember() {
		InboundMessage.Response response = response("core/http-getblockcount-jsonrpc2.json");
		assertThat(response.error()).isNull();
		assertThat(response.malformation()).isNull();
		assertThat(response.result()).isNotNull();
	}

	@Test
	void decodesBatchReply() {
		InboundMessage decoded = decodeText(Fixtures.responseBody("btcd/http-batch.json"));
		assertThat(decoded).isInstanceOfSatisfying(InboundMessage.Batch.class,
				(batch) -> assertThat(batch.messages()).allMatch(InboundMessage.Response.class::isInstance));
	}

	@Test
	void keepsResultOffsetsInUtf8AndCharText() {
		String body = "{\"result\":{\"a\":[1,2,{\"b\":\"\u2026\"}]},\"error\":null,\"id\":9}";
		for (JsonText text : List.of(JsonText.of(body.getBytes(StandardCharsets.UTF_8)), JsonText.of(body))) {
			InboundMessage.Response response = (InboundMessage.Response) this.codec.decode(text);
			JsonNode value = response.result().decode(this.mapper, this.mapper.readerFor(JsonNode.class));
			assertThat(value.get("a").get(2).get("b").asString()).isEqualTo("\u2026");
		}
	}

	private InboundMessage decodeText(String text) {
		return this.codec.decode(JsonText.of(text.getBytes(StandardCharsets.UTF_8)));
	}

	private InboundMessage.Response response(String fixture) {
		return (InboundMessage.Response) decodeText(Fixtures.responseBody(fixture));
	}

	private <T> T decode(String fixture, Class<T> type) {
		return response(fixture).result().decode(this.mapper, this.mapper.readerFor(type));
	}

}
