package org.bitcoinrpc.client.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The hand-written request envelope must be byte for byte what Jackson writes for the same request. */
class RequestEncoderTests {

	private final JsonRpcCodec codec = new JsonRpcCodec();

	private final ObjectMapper mapper = this.codec.mapper();

	@Test
	void writesWhatJacksonWritesForEveryKindOfParameter() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("txid", "ab\"c");
		map.put("vout", 1);
		map.put("amount", new BigDecimal("0.00010000"));
		List<Object> params = Arrays.asList(null, "", "plain", "quote\" backslash\\ slash/", "\n\r\t\b\f\u0000\u0001\u001f\u007f",
				"caf\u00e9 \u2026 \u20ac \ud83d\ude80", 0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, (short) 7, (byte) -3,
				new BigInteger("123456789012345678901234567890"), new BigDecimal("1E+3"), new BigDecimal("0.1"), 1.5d,
				2.5f, true, false, List.of(), List.of(1, "a", List.of(true)), map, List.of(map),
				new Outpoint("ff", 2));
		for (int n = 0; n <= params.size(); n++) {
			List<Object> prefix = params.subList(0, n);
			assertThat(encoded(42, "method", prefix)).isEqualTo(jackson("1.0", 42, "method", prefix));
		}
		assertThat(encoded(Long.MAX_VALUE, "we\"ird\u2026", params)).isEqualTo(jackson("1.0", Long.MAX_VALUE, "we\"ird\u2026", params));
		for (long id : new long[] { 0, 9, 10, 99, 100, 1_000_000_007L, -1, Long.MIN_VALUE }) {
			assertThat(encoded(id, "m", List.of())).isEqualTo(jackson("1.0", id, "m", List.of()));
		}
		JsonRpcCodec v2 = new JsonRpcCodec(this.mapper, "2.0");
		assertThat(new String(v2.encodeRequest(1, "getblockcount", List.of()), StandardCharsets.UTF_8))
			.isEqualTo(jackson("2.0", 1, "getblockcount", List.of()));
	}

	@Test
	void writesWhatJacksonWritesForRandomStrings() {
		Random random = new Random(20261125);
		for (int i = 0; i < 2000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(12);
			while (text.length() < length) {
				int codePoint = switch (random.nextInt(4)) {
					case 0 -> random.nextInt(0x80);
					case 1 -> random.nextInt(0x800);
					case 2 -> random.nextInt(0xD800);
					default -> 0x10000 + random.nextInt(0x100000);
				};
				text.appendCodePoint(codePoint);
			}
			List<Object> params = List.of(text.toString());
			assertThat(encoded(i, "m", params)).isEqualTo(jackson("1.0", i, "m", params));
		}
	}

	@Test
	void writesBatchesAsAnArrayOfRequests() {
		List<Entry> entries = List.of(new Entry(1, "getblockcount", List.of()), new Entry(2, "getblockhash", List.of(3)));
		List<Request> expected = new ArrayList<>();
		entries.forEach((entry) -> expected.add(new Request("1.0", entry.id(), entry.method(), entry.params())));
		assertThat(this.codec.encodeBatchText(entries)).isEqualTo(this.mapper.writeValueAsString(expected));
		assertThat(new String(this.codec.encodeBatch(entries), StandardCharsets.UTF_8)).isEqualTo(this.codec.encodeBatchText(entries));
	}

	@Test
	void refusesAnUnpairedSurrogate() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.encodeRequest(1, "m", List.of("a\ud800b")))
			.withMessageContaining("unpaired surrogate U+D800");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.encodeRequest(1, "m", List.of("\udc00")));
	}

	private String encoded(long id, String method, List<?> params) {
		return new String(this.codec.encodeRequest(id, method, params), StandardCharsets.UTF_8);
	}

	private String jackson(String version, long id, String method, List<?> params) {
		return this.mapper.writeValueAsString(new Request(version, id, method, params));
	}

	/** The envelope as the codec wrote it through databind before it was hand-written. */
	private record Request(String jsonrpc, long id, String method, List<?> params) {
	}

	private record Entry(long id, String method, List<?> params) implements JsonRpcCodec.BatchEntry {
	}

	private record Outpoint(String txid, int vout) {
	}

}
