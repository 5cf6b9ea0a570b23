package org.bitcoinrpc.client.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.bitcoinrpc.client.model.Block;
import org.bitcoinrpc.client.model.BlockHeader;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.model.BlockchainInfo;
import org.bitcoinrpc.client.model.RawTransaction;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link JsonRpcCodec#decode(JsonText, JsonRpcCodec.ResultReaders)} binds a result in the same pass
 * as the envelope. It must give exactly what the two-pass path gives: the same value, or a failure
 * where the two-pass path fails.
 */
class OnePassDecodeTests {

	private final JsonRpcCodec codec = new JsonRpcCodec();

	private final ObjectMapper mapper = this.codec.mapper();

	private final List<Class<?>> types = List.of(JsonNode.class, Object.class, Long.class, long.class, String.class,
			Boolean.class, Map.class, List.class, BlockWithTransactions.class, Block.class, BlockHeader.class,
			BlockchainInfo.class, RawTransaction.class);

	@Test
	void bindsTheResultInOnePassWhenTheIdComesLast() {
		String body = Fixtures.responseBody("btcd/http-getblockcount.json");
		ObjectReader reader = reader(Long.class);
		InboundMessage.Response response = (InboundMessage.Response) this.codec.decode(utf8(body), (id) -> (id == 1) ? reader : null);
		assertThat(response.result()).isInstanceOf(ResultValue.Decoded.class);
		assertThat((Long) response.result().decode(this.mapper, reader)).isEqualTo(121L);
	}

	@Test
	void fallsBackToTwoPassesWithoutAReader() {
		String body = Fixtures.responseBody("btcd/http-getblockcount.json");
		InboundMessage.Response response = (InboundMessage.Response) this.codec.decode(utf8(body), (id) -> null);
		assertThat(response.result()).isInstanceOf(ResultValue.Scalar.class);
	}

	@Test
	void aDecodedResultRefusesAnotherReader() {
		ObjectReader reader = reader(Long.class);
		InboundMessage.Response response = (InboundMessage.Response) this.codec
			.decode(utf8("{\"result\":5,\"error\":null,\"id\":3}"), (id) -> reader);
		assertThatIllegalArgumentException().isThrownBy(() -> response.result().decode(this.mapper, reader(String.class)));
	}

	@Test
	void aResultOfTheWrongTypeFailsAsInTwoPasses() {
		ObjectReader reader = reader(Long.class);
		InboundMessage.Response response = (InboundMessage.Response) this.codec
			.decode(utf8("{\"result\":\"577\",\"error\":null,\"id\":3}"), (id) -> reader);
		assertThat(response.id()).isEqualTo(3L);
		assertThat(outcome(response, reader)).endsWith("failed MismatchedInputException");
	}

	@Test
	void anIdThatDiffersFromTheTailIsNotTrusted() {
		// The tail names 4, the envelope's id member comes first and says 3; the last member wins in
		// the two-pass path too, so both agree on whatever the parser reports.
		String body = "{\"id\":3,\"result\":{\"id\":4},\"error\":null,\"id\":4}";
		ObjectReader reader = reader(JsonNode.class);
		assertThat(outcome(this.codec.decode(utf8(body), (id) -> reader), reader))
			.isEqualTo(outcome(this.codec.decode(utf8(body)), reader));
	}

	@Test
	void agreesWithTwoPassesOnEveryFixtureAndType() {
		List<String> bodies = fixtureBodies();
		assertThat(bodies).hasSizeGreaterThan(100);
		int decodedInOnePass = 0;
		for (String body : bodies) {
			for (Class<?> type : this.types) {
				ObjectReader reader = reader(type);
				for (JsonText text : List.of(utf8(body), JsonText.of(body))) {
					InboundMessage onePass = this.codec.decode(text, (id) -> reader);
					String expected = outcome(this.codec.decode(text), reader);
					assertThat(outcome(onePass, reader)).as("%s as %s", body.substring(0, Math.min(body.length(), 200)), type)
						.isEqualTo(expected);
					if (onePass instanceof InboundMessage.Response response && response.result() instanceof ResultValue.Decoded) {
						decodedInOnePass++;
					}
				}
			}
		}
		assertThat(decodedInOnePass).isGreaterThan(bodies.size());
	}

	@Test
	void readsScalarRepliesWithoutAParserExactlyAsJacksonDoes() {
		Random random = new Random(20261125);
		String[] values = { "0", "-0", "7", "-7", "121", "007", "1.0", "1e3", "2147483647", "2147483648", "-2147483649",
				"999999999999999999", "9223372036854775807", "9223372036854775808", "12345678901234567890", "true", "false",
				"null", "nul", "truex", "\"\"", "\"abc\"", "\"0000abc\"", "\"a\\\"b\"", "\"caf\u00e9\"", "\"tab\tin\"", "\"x",
				"[]", "{}", "[1]", "{\"a\":1}", "-", "--1", "+1", "" };
		String[] versions = { "\"1.0\"", "\"2.0\"", "null", "1", "\"\u2026\"" };
		String[] errors = { "null", "{\"code\":-1,\"message\":\"x\"}", "1", "\"e\"" };
		String[] spaces = { "", " ", "\n", " \r\n\t" };
		List<Class<?>> scalarTypes = List.of(Long.class, Integer.class, String.class, Boolean.class, Void.class, long.class);
		int fast = 0;
		for (int i = 0; i < 20_000; i++) {
			List<String> members = new ArrayList<>();
			if (random.nextInt(5) > 0) {
				members.add("\"jsonrpc\":" + pick(random, versions));
			}
			if (random.nextInt(10) > 0) {
				members.add("\"result\":" + pick(random, values));
			}
			if (random.nextInt(3) > 0) {
				members.add("\"error\":" + ((random.nextInt(4) > 0) ? "null" : pick(random, errors)));
			}
			if (random.nextInt(20) == 0) {
				members.add("\"" + pick(random, new String[] { "result", "error", "jsonrpc", "method", "ids", "Id" }) + "\":1");
			}
			java.util.Collections.shuffle(members, random);
			members.add("\"id\":" + (1 + random.nextInt(1000)));
			StringBuilder body = new StringBuilder(pick(random, spaces)).append('{');
			for (int m = 0; m < members.size(); m++) {
				String member = members.get(m).replace(":", pick(random, spaces) + ":" + pick(random, spaces));
				body.append((m > 0) ? "," : "").append(pick(random, spaces)).append(member).append(pick(random, spaces));
			}
			body.append('}').append(pick(random, spaces));
			Class<?> type = scalarTypes.get(random.nextInt(scalarTypes.size()));
			ObjectReader reader = reader(type);
			JsonText text = utf8(body.toString());
			assertThat(outcome(this.codec.decode(text, (id) -> reader), reader)).as("%s as %s", body, type)
				.isEqualTo(outcome(this.codec.decode(text), reader));
			if (ScalarReply.accepts(reader) && text.trailingId() >= 0) {
				byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
				if (ScalarReply.read(bytes, bytes.length, text.trailingId(), reader) != null) {
					fast++;
				}
			}
		}
		assertThat(fast).as("replies that took the fast path").isGreaterThan(500);
	}

	@Test
	void takesTheFastPathForRecordedScalarReplies() {
		for (String fixture : List.of("btcd/http-getblockcount.json", "core/http-getblockcount.json",
				"btcd/http-getblockhash.json", "core/http-getblockcount-jsonrpc2.json")) {
			byte[] bytes = Fixtures.responseBody(fixture).getBytes(StandardCharsets.UTF_8);
			ObjectReader reader = reader(fixture.contains("hash") ? String.class : Long.class);
			InboundMessage.Response response = ScalarReply.read(bytes, bytes.length, JsonText.of(bytes).trailingId(), reader);
			assertThat(response).as(fixture).isNotNull();
			assertThat(outcome(response, reader)).isEqualTo(outcome(this.codec.decode(JsonText.of(bytes)), reader));
		}
	}

	private static String pick(Random random, String[] choices) {
		return choices[random.nextInt(choices.length)];
	}

	@Test
	void findsTheTrailingIdOnlyAtTheTopLevelEnd() {
		assertThat(utf8("{\"result\":1,\"id\":42}").trailingId()).isEqualTo(42);
		assertThat(utf8("{\"result\":1,\"id\" : 42 }\n").trailingId()).isEqualTo(42);
		assertThat(JsonText.of("{\"result\":1,\"id\":42}").trailingId()).isEqualTo(42);
		assertThat(utf8("{\"result\":{\"id\":42}}").trailingId()).isEqualTo(-1);
		assertThat(utf8("{\"result\":1,\"id\":null}").trailingId()).isEqualTo(-1);
		assertThat(utf8("{\"result\":1,\"id\":-4}").trailingId()).isEqualTo(-1);
		assertThat(utf8("{\"result\":1,\"xid\":4}").trailingId()).isEqualTo(-1);
		assertThat(utf8("{\"id\":1234567890123456789}").trailingId()).isEqualTo(-1);
		assertThat(utf8("[{\"id\":1}]").trailingId()).isEqualTo(-1);
		assertThat(utf8("").trailingId()).isEqualTo(-1);
		assertThat(utf8("}").trailingId()).isEqualTo(-1);
		assertThat(utf8(":1}").trailingId()).isEqualTo(-1);
	}

	/** What a caller would get: the value as JSON, a failure, or the message's kind. */
	private String outcome(InboundMessage message, ObjectReader reader) {
		if (!(message instanceof InboundMessage.Response response)) {
			return message.getClass().getSimpleName();
		}
		String head = response.id() + "/" + response.error() + "/" + response.malformation() + "/";
		if (response.result() == null || response.error() != null) {
			return head + "no result";
		}
		try {
			Object value = response.result().decode(this.mapper, reader);
			return head + "value " + this.mapper.writeValueAsString(value) + " " + Objects.toString(value);
		}
		catch (RuntimeException ex) {
			return head + "failed " + ex.getClass().getSimpleName();
		}
	}

	private ObjectReader reader(Class<?> type) {
		return this.mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	private static JsonText utf8(String text) {
		return JsonText.of(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Every recorded response body that is a JSON object. */
	private static List<String> fixtureBodies() {
		List<String> bodies = new ArrayList<>();
		for (String name : Fixtures.names()) {
			if (Fixtures.fixture(name).path("response").isObject()) {
				bodies.add(Fixtures.responseBody(name));
			}
		}
		return bodies;
	}

}
