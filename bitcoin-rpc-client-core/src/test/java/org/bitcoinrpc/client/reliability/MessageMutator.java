package org.bitcoinrpc.client.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes mutated server messages from real btcd ones, from a seeded {@link Random}: truncated,
 * retargeted at pending ids with results of the wrong type, huge numbers, unknown ids, character
 * noise, structural oddities and notifications with mangled params. Not thread-safe.
 */
final class MessageMutator {

	static final String ID = "%ID%";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String[] HUGE_NUMBERS = { "123456789012345678901234567890", "-9223372036854775809",
			"9223372036854775808", "9223372036854775807", "-9223372036854775808", "1e999999", "-1E-999999",
			"1" + "0".repeat(1500), "0." + "0".repeat(1200) + "1", "12.5", "20.0", "1e2", "-0", "0.000000000000000000001",
			"4.656542373906925e-10", "18446744073709551615", "9367702324790295434" };

	private static final String[] STRUCTURAL = { "", " ", "\n", "null", "true", "42", "\"text\"", "[]", "{}", "[[]]", "[{}]",
			"[1,2,3]", "{\"id\":%ID%}", "{\"result\":1}", "{\"result\":1,\"error\":null,\"id\":null}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":\"%ID%\"}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":%ID%.0}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":%ID%e0}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":-%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":{\"id\":%ID%}}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":[%ID%]}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":true}",
			"{\"jsonrpc\":\"1.0\",\"result\":\"x\",\"result\":7,\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":7,\"error\":null,\"id\":1,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":7,\"error\":\"boom\",\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":7,\"error\":[],\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":\"x\",\"message\":5},\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{},\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":99999999999,\"message\":\"big\"},\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":{\"code\":-5,\"message\":{\"nested\":[1]}},\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"method\":\"getblockcount\",\"params\":[],\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"method\":\"blockconnected\",\"params\":[\"00\",1,2],\"id\":%ID%}",
			"{\"method\":5,\"params\":[]}", "{\"method\":null,\"params\":[],\"id\":null}",
			"{\"method\":\"blockconnected\",\"params\":{}}", "{\"method\":\"blockconnected\"}",
			"{\"method\":\"blockconnected\",\"params\":null}", "{\"method\":\"\",\"params\":[]}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":%ID%} {}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":%ID%}}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":%ID%}]",
			"[{\"jsonrpc\":\"1.0\",\"result\":3,\"error\":null,\"id\":%ID%}, 5, null, \"x\", [], {}]",
			"[{\"jsonrpc\":\"1.0\",\"result\":\"3\",\"error\":null,\"id\":%ID%},{\"jsonrpc\":\"1.0\",\"result\":4,\"error\":null,\"id\":%ID%}]",
			"{\"id\":%ID%,\"result\":[1,2,{\"a\":[]}],\"error\":null}",
			"{\"jsonrpc\":\"1.0\",\"result\":\"\\ud800\",\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":\"\u0000\",\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":\"\\u0000\\n\\t\\\"\",\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":NaN,\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":Infinity,\"error\":null,\"id\":%ID%}",
			"{'id':%ID%,'result':1,'error':null}", "{id:%ID%,result:1,error:null}",
			"{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":%ID%,}",
			"/* c */{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":%ID%}",
			"\uFEFF{\"jsonrpc\":\"1.0\",\"result\":1,\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":01,\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":+1,\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":.5,\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":true,\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":false,\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":\"%ID%\",\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":\"\",\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":\"  12  \",\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":[20],\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":[\"0f\"],\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":{\"value\":20},\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":null,\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"error\":null,\"id\":%ID%}",
			"{\"jsonrpc\":\"1.0\",\"result\":null,\"id\":%ID%}" };

	private static final String NOISE = "{}[]\",:0123456789-+.eEtrufalsn \\u\u0000\t\n\ud800\udc00\u00e9\u20ac'/*";

	private final Random random;

	private final List<String> corpus;

	private final List<ObjectNode> responses = new ArrayList<>();

	private final List<ObjectNode> notifications = new ArrayList<>();

	private final ObjectMapper mapper = JsonRpcCodec.defaultMapper();

	private final ObjectReader lenient = this.mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	MessageMutator(Random random, List<String> corpus) {
		this.random = random;
		this.corpus = corpus;
		for (String text : corpus) {
			JsonNode node = this.mapper.readTree(text);
			List<JsonNode> objects = new ArrayList<>();
			if (node.isArray()) {
				node.forEach(objects::add);
			}
			else {
				objects.add(node);
			}
			for (JsonNode object : objects) {
				if (object instanceof ObjectNode message) {
					(message.has("method") ? this.notifications : this.responses).add(message);
				}
			}
		}
		if (this.responses.isEmpty() || this.notifications.isEmpty()) {
			throw new IllegalStateException("The fixtures hold " + this.responses.size() + " replies and "
					+ this.notifications.size() + " notifications");
		}
	}

	/** A mutated message; {@code kind[0]} is set to the name of the mutation. */
	String next(List<Long> pendingIds, String[] kind) {
		int roll = this.random.nextInt(100);
		if (roll < 14) {
			kind[0] = "truncated";
			String base = maybeRetarget(randomCorpusMessage(), pendingIds);
			return base.substring(0, this.random.nextInt(Math.max(1, base.length())));
		}
		if (roll < 30) {
			kind[0] = "retargeted";
			ObjectNode reply = pick(this.responses).deepCopy();
			reply.put("id", pick(pendingIds));
			return reply.toString();
		}
		if (roll < 45) {
			kind[0] = "wrongType";
			ObjectNode reply = envelope(randomValue(3), targetOrUnknown(pendingIds));
			return reply.toString();
		}
		if (roll < 55) {
			kind[0] = "hugeNumber";
			String number = HUGE_NUMBERS[this.random.nextInt(HUGE_NUMBERS.length)];
			if (this.random.nextBoolean()) {
				return "{\"jsonrpc\":\"1.0\",\"result\":" + number + ",\"error\":null,\"id\":" + targetOrUnknown(pendingIds) + "}";
			}
			return "{\"jsonrpc\":\"1.0\",\"result\":20,\"error\":null,\"id\":" + number + "}";
		}
		if (roll < 63) {
			kind[0] = "unknownId";
			ObjectNode reply = pick(this.responses).deepCopy();
			reply.put("id", unknownId());
			return reply.toString();
		}
		if (roll < 78) {
			kind[0] = "charNoise";
			StringBuilder text = new StringBuilder(maybeRetarget(randomCorpusMessage(), pendingIds));
			int edits = 1 + this.random.nextInt(5);
			for (int e = 0; e < edits; e++) {
				int at = this.random.nextInt(text.length() + 1);
				char c = NOISE.charAt(this.random.nextInt(NOISE.length()));
				switch (this.random.nextInt(4)) {
					case 0 -> {
						if (at < text.length()) {
							text.deleteCharAt(at);
						}
					}
					case 1 -> text.insert(at, c);
					case 2 -> {
						if (at < text.length()) {
							text.setCharAt(at, c);
						}
					}
					default -> {
						int end = Math.min(text.length(), at + 1 + this.random.nextInt(20));
						text.insert(at, text.substring(at, end));
					}
				}
			}
			return text.toString();
		}
		if (roll < 90) {
			kind[0] = "structural";
			String template = STRUCTURAL[this.random.nextInt(STRUCTURAL.length)];
			return template.replace(ID, Long.toString(pick(pendingIds)));
		}
		kind[0] = "notification";
		ObjectNode notification = pick(this.notifications).deepCopy();
		JsonNode params = notification.get("params");
		ArrayNode mangled = NODES.arrayNode();
		if (params != null && params.isArray()) {
			params.forEach(mangled::add);
		}
		switch (this.random.nextInt(4)) {
			case 0 -> {
				if (!mangled.isEmpty()) {
					mangled.set(this.random.nextInt(mangled.size()), randomValue(2));
				}
			}
			case 1 -> {
				if (!mangled.isEmpty()) {
					mangled.remove(this.random.nextInt(mangled.size()));
				}
			}
			case 2 -> mangled.add(randomValue(2));
			default -> notification.put("method", pick(List.of("blockconnected", "blockdisconnected",
					"filteredblockconnected", "filteredblockdisconnected", "txaccepted", "txacceptedverbose",
					"relevanttxaccepted", "recvtx", "redeemingtx", "rescanprogress", "rescanfinished", "nosuchnotification")));
		}
		notification.set("params", mangled);
		return notification.toString();
	}

	/** {@code depth} nested arrays: {@code [[[...]]]}. */
	static String nestedArrays(int depth) {
		return "[".repeat(depth) + "]".repeat(depth);
	}

	private String randomCorpusMessage() {
		return pick(this.corpus);
	}

	private String maybeRetarget(String message, List<Long> pendingIds) {
		if (!this.random.nextBoolean()) {
			return message;
		}
		JsonNode node = this.mapper.readTree(message);
		if (node instanceof ObjectNode object && !object.has("method")) {
			object.put("id", pick(pendingIds));
			return object.toString();
		}
		return message;
	}

	private long targetOrUnknown(List<Long> pendingIds) {
		return this.random.nextInt(3) == 0 ? unknownId() : pick(pendingIds);
	}

	private long unknownId() {
		return 1_000_000_000_000L + this.random.nextInt(1_000_000);
	}

	private static ObjectNode envelope(JsonNode result, long id) {
		ObjectNode reply = NODES.objectNode();
		reply.put("jsonrpc", "1.0");
		reply.set("result", result);
		reply.putNull("error");
		reply.put("id", id);
		return reply;
	}

	private JsonNode randomValue(int depth) {
		int kind = this.random.nextInt(depth > 0 ? 10 : 8);
		return switch (kind) {
			case 0 -> NODES.stringNode(pick(List.of("", "0f", "ab".repeat(32), "not a hash", "\u0000\ud83d\ude00", "20", "-1", "1e3", "true", "null")));
			case 1 -> NODES.numberNode(this.random.nextLong());
			case 2 -> NODES.numberNode(this.random.nextInt(100) - 10);
			case 3 -> NODES.numberNode(new java.math.BigDecimal(pick(List.of("1.5", "-0.0", "1e308", "20.5", "4.656542373906925e-10", "1E+400"))));
			case 4 -> NODES.numberNode(new java.math.BigInteger("9".repeat(19 + this.random.nextInt(60))));
			case 5 -> NODES.booleanNode(this.random.nextBoolean());
			case 6 -> NODES.nullNode();
			case 7 -> NODES.stringNode(Long.toString(this.random.nextInt(1000)));
			case 8 -> {
				ArrayNode array = NODES.arrayNode();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					array.add(randomValue(depth - 1));
				}
				yield array;
			}
			default -> {
				ObjectNode object = NODES.objectNode();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					object.set(pick(List.of("hash", "height", "result", "id", "value", "x")), randomValue(depth - 1));
				}
				yield object;
			}
		};
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/**
	 * What a message sent to the client may legitimately complete a call with: for each reply in it
	 * (the message itself, or each element of a batch) whose id is {@code id} and that carries no
	 * error object, its {@code result} node. Messages that are not JSON give nothing. A leading
	 * byte order mark is skipped, as the client's parser does on the UTF-8 bytes it decodes (RFC 8259
	 * lets a parser ignore it).
	 */
	List<JsonNode> resultsFor(String message, long id) {
		JsonNode node;
		try {
			node = this.lenient.readTree(message.startsWith("\uFEFF") ? message.substring(1) : message);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return List.of();
		}
		if (node == null) {
			return List.of();
		}
		List<JsonNode> results = new ArrayList<>();
		List<JsonNode> elements = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(elements::add);
		}
		else {
			elements.add(node);
		}
		for (JsonNode element : elements) {
			JsonNode elementId = element.get("id");
			if (!element.isObject() || element.has("method") || elementId == null || !elementId.isIntegralNumber()
					|| !elementId.canConvertToLong() || elementId.asLong() != id) {
				continue;
			}
			JsonNode result = element.get("result");
			if (result != null) {
				results.add(result);
			}
		}
		return results;
	}

}
