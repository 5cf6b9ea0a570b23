package org.bitcoinrpc.client.protocol;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

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
	void agreesWithTwoPassesOnEveryFixtureAndType() throws Exception {
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
	private static List<String> fixtureBodies() throws IOException, URISyntaxException {
		URI root = Objects.requireNonNull(Fixtures.class.getResource("fixtures/README.md")).toURI();
		List<String> bodies = new ArrayList<>();
		if (root.getScheme().equals("jar")) {
			try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
				collect(jar.provider().getPath(root).getParent(), bodies);
			}
		}
		else {
			collect(Path.of(root).getParent(), bodies);
		}
		return bodies;
	}

	private static void collect(Path dir, List<String> bodies) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				String name = dir.relativize(file).toString().replace('\\', '/');
				JsonNode fixture = Fixtures.fixture(name);
				if (fixture.path("response").isObject()) {
					bodies.add(Fixtures.responseBody(name));
				}
			}
		}
	}

}
