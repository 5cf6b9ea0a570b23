package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The hand-written deserializers of {@code org.bitcoinrpc.client.model.json} against Jackson's own
 * record binding, which they replace: a second mapper, built like
 * {@link JsonRpcCodec#defaultMapper()} but with a mix-in that takes the {@code @JsonDeserialize}
 * off each record, binds every input the old way. For every input both must give equal records,
 * or both must fail. The inputs are every such record in the recorded transcripts, and a
 * generated set of mutations of them: each property of each record (nested ones too) replaced by
 * values of every JSON type, deleted, duplicated, renamed, and surrounded by unknown properties.
 * Each input is read from UTF-8 bytes (HTTP), from chars (websocket) and from a tree, whose
 * parsers match property names differently. Nothing is random.
 */
class TransactionRecordBindingTests {

	/** The records with hand-written deserializers, and those that hold them. */
	private static final List<Class<?>> RECORDS = List.of(BlockWithTransactions.class, RawTransaction.class,
			TxInput.class, TxOutput.class, ScriptPubKey.class, ScriptSig.class, Prevout.class, TxOut.class);

	/** Values of every JSON type (raw JSON text), to replace and to duplicate each property with. */
	private static final List<String> VALUES = List.of("null", "true", "false", "0", "-1", "1.5", "1e400",
			"12345678901234567890", "\"x\"", "\"\"", "{}", "[]", "[null]", "{\"a\":[1,{\"b\":2}]}");

	/**
	 * More values, to replace each property and list element with: range edges, integral floats,
	 * numeric and blank strings, arrays of each element shape, a valid script.
	 */
	private static final List<String> MORE_VALUES = List.of("-0", "1.0", "1e0", "2147483648", "-2147483649",
			"4294967295", "9223372036854775808", "-9223372036854775809", "0.00000001", "\"10\"", "\" \"",
			"\"null\"", "[\"x\"]", "[1]", "[{}]", "[[]]", "{\"asm\":\"a\",\"hex\":\"b\"}");

	/** Property names no record maps: the Java names of renamed components, case variants, near misses. */
	private static final List<String> UNKNOWN_NAMES = List.of("zzz", "lockTime", "blockHash", "blockTime",
			"witness", "requiredSignatures", "strippedSize", "merkleRoot", "transactions", "TXID", "Hex", "txi",
			"txidx", "", "a-very-long-property-name-spanning-many-quads", "t\u00e9xid");

	/** Unknown values to put under those names. */
	private static final List<String> UNKNOWN_VALUES = List.of("{\"a\":[1,{\"b\":2}]}", "[[{}],{\"vin\":[]}]", "null",
			"\"txid\"");

	/**
	 * Methods whose transactions look like {@link RawTransaction} and are not: btcd's
	 * {@code searchrawtransactions} sends {@code "size": ""} (its result declares the sizes and the
	 * hash as strings and leaves them empty) and {@code prevOut} in another shape, so its results
	 * need a record of their own.
	 */
	private static final Set<String> NOT_THESE_RECORDS = Set.of("searchrawtransactions");

	/** Reads and writes the documents; keeps number literals such as {@code 50.00000000} as they are. */
	private static final ObjectMapper TEXT = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/** Rendered scalars and quoted names, by identity: rendering each case anew would dominate the test. */
	private static final Map<JsonNode, String> SCALARS = new IdentityHashMap<>();

	private static final Map<String, String> NAMES = new HashMap<>();

	private final ObjectMapper handWritten = JsonRpcCodec.defaultMapper();

	private final ObjectMapper jackson = jacksonRecordBinding();

	/** {@link JsonRpcCodec#defaultMapper()} with Jackson's own record binding, as before the deserializers. */
	private static ObjectMapper jacksonRecordBinding() {
		JsonMapper.Builder builder = ((JsonMapper) JsonRpcCodec.defaultMapper()).rebuild();
		for (Class<?> type : RECORDS) {
			builder.addMixIn(type, JacksonsOwnBinding.class);
		}
		return builder.build();
	}

	/** Mix-ins override the class's own annotations: {@code None} means Jackson's bean (record) deserializer. */
	@JsonDeserialize(using = ValueDeserializer.None.class)
	private interface JacksonsOwnBinding {
	}

	@Test
	void theTwoMappersBindDifferently() {
		// Without this the comparison below could pass by comparing a mapper with itself.
		String missingPrimitive = "{\"value\":1}";
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.jackson.readValue(missingPrimitive, TxOutput.class))
			.withMessageContaining("FAIL_ON_NULL_FOR_PRIMITIVES");
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.handWritten.readValue(missingPrimitive, TxOutput.class))
			.withMessageContaining("Missing property `n` of `TxOutput`");
	}

	@Test
	void everyRecordInTheTranscriptsBindsTheSame() {
		List<Case> cases = fixtureCases();
		Map<Class<?>, Integer> counts = new LinkedHashMap<>();
		cases.forEach((c) -> counts.merge(c.type(), 1, Integer::sum));
		// btcd and Core blocks of verbosity 2 and 3, their transactions, and the ones from
		// getrawtransaction, decoderawtransaction, gettxout and txacceptedverbose.
		assertThat(counts).containsOnlyKeys(RECORDS);
		assertThat(counts.get(BlockWithTransactions.class)).isGreaterThanOrEqualTo(3);
		assertThat(counts.get(RawTransaction.class)).isGreaterThanOrEqualTo(15);
		assertThat(counts.get(Prevout.class)).isGreaterThanOrEqualTo(2);
		List<String> differences = new ArrayList<>();
		for (Case c : cases) {
			Outcome outcome = compare(c, differences);
			assertThat(outcome.failure()).as(c.describe()).isNull();
		}
		assertThat(differences).isEmpty();
	}

	@Test
	void everyMutationBindsTheSame() {
		List<Case> bases = baseCases();
		List<String> differences = new ArrayList<>();
		int succeeded = 0;
		int failed = 0;
		int total = 0;
		for (Case base : bases) {
			for (Case mutated : mutations(base)) {
				Outcome outcome = compare(mutated, differences);
				total++;
				if (outcome.failure() == null) {
					succeeded++;
				}
				else {
					failed++;
				}
			}
		}
		assertThat(differences).as("%d of %d inputs differ", differences.size(), total).isEmpty();
		// Both outcomes are exercised in bulk.
		assertThat(succeeded).isGreaterThan(9_000);
		assertThat(failed).isGreaterThan(14_000);
	}

	@Test
	void documentedBindingRules() {
		// What the deserializers must reproduce, spelled out: primitives are required and never null
		// (even if a later duplicate would set them), wrappers and objects are null when absent, the
		// last duplicate wins, and nothing is coerced across JSON types.
		assertThat(bind(TxOutput.class, "{\"n\":1,\"n\":2}")).isEqualTo(new TxOutput(null, 2, null));
		assertThat(bind(ScriptSig.class, "{\"asm\":\"a\",\"hex\":\"b\",\"x\":[{}],\"asm\":\"c\"}"))
			.isEqualTo(new ScriptSig("c", "b"));
		assertThat(bind(TxInput.class, "{\"sequence\":1,\"txinwitness\":[null,\"a\"],\"scriptSig\":{}}"))
			.isEqualTo(new TxInput(null, null, new ScriptSig(null, null), null, Arrays.asList(null, "a"),
					null, 1));
		assertThat(bind(Prevout.class, "{\"generated\":false,\"height\":1,\"value\":1e400}").value())
			.isEqualTo(new BigDecimal("1e400"));
		assertThat(bind(TxOutput.class, "{\"value\":10,\"n\":0}").value()).isEqualTo(new BigDecimal("10"));
		for (String fails : List.of("{}", "{\"n\":null}", "{\"n\":null,\"n\":1}", "{\"n\":1.0}", "{\"n\":\"1\"}",
				"{\"n\":2147483648}", "{\"n\":1,\"value\":\"1\"}", "{\"n\":1,\"scriptPubKey\":\"\"}",
				"{\"n\":1,\"scriptPubKey\":{\"asm\":1}}", "{\"n\":1,\"scriptPubKey\":{\"addresses\":\"a\"}}")) {
			assertThatExceptionOfType(JacksonException.class).as(fails)
				.isThrownBy(() -> this.jackson.readValue(fails, TxOutput.class));
			assertThatExceptionOfType(JacksonException.class).as(fails)
				.isThrownBy(() -> this.handWritten.readValue(fails, TxOutput.class));
		}
	}

	private <T> T bind(Class<T> type, String json) {
		T hand = this.handWritten.readValue(json, type);
		assertThat(hand).isEqualTo(this.jackson.readValue(json, type));
		return hand;
	}

	/** Binds the case with both mappers from each token source; records a difference. */
	private Outcome compare(Case c, List<String> differences) {
		Outcome first = null;
		for (Source source : Source.values()) {
			Outcome expected = bind(this.jackson, source, c);
			Outcome actual = bind(this.handWritten, source, c);
			if (!expected.sameAs(actual)) {
				differences.add(c.describe() + " (" + source + ")\n  Jackson: " + expected + "\n  ours:    " + actual);
			}
			first = (first != null) ? first : actual;
		}
		return first;
	}

	/** How the client binds a result: a parser over the text, then the type's reader. */
	private static Outcome bind(ObjectMapper mapper, Source source, Case c) {
		try (JsonParser parser = source.open(mapper, c.json())) {
			return new Outcome(mapper.readerFor(c.type()).readValue(parser), null);
		}
		catch (JacksonException ex) {
			return new Outcome(null, ex);
		}
	}

	/** Where the tokens come from: each kind of parser matches property names its own way. */
	private enum Source {

		/** An HTTP body: names matched as UTF-8 quads. */
		UTF8_BYTES {
			@Override
			JsonParser open(ObjectMapper mapper, String json) {
				return JsonText.of(json.getBytes(StandardCharsets.UTF_8)).parser(mapper);
			}
		},

		/** A websocket text message: names matched as strings. */
		CHARS {
			@Override
			JsonParser open(ObjectMapper mapper, String json) {
				return JsonText.of(json).parser(mapper);
			}
		},

		/** A tree, as {@code treeToValue} reads it (a duplicate's last value is all the tree keeps). */
		TREE {
			@Override
			JsonParser open(ObjectMapper mapper, String json) {
				return mapper.treeAsTokens(TEXT.readTree(json));
			}
		};

		abstract JsonParser open(ObjectMapper mapper, String json);

	}

	private record Outcome(Object value, JacksonException failure) {

		boolean sameAs(Outcome other) {
			if (this.failure != null || other.failure != null) {
				return this.failure != null && other.failure != null;
			}
			return Objects.equals(this.value, other.value);
		}

		@Override
		public String toString() {
			return (this.failure != null) ? "fails: " + this.failure.getOriginalMessage() : String.valueOf(this.value);
		}

	}

	/** One input: JSON text to bind as {@code type}. */
	private record Case(Class<?> type, String json, String origin) {

		String describe() {
			String shown = (this.json.length() > 400) ? this.json.substring(0, 400) + "..." : this.json;
			return this.type.getSimpleName() + " from " + this.origin + ": " + shown;
		}

	}

	// ---- Inputs from the transcripts ----

	/** Every record-shaped object in every transcript, as the record it is. */
	private static List<Case> fixtureCases() {
		List<Case> cases = new ArrayList<>();
		for (String name : fixtureNames()) {
			JsonNode fixture = Fixtures.fixture(name);
			if (NOT_THESE_RECORDS.contains(fixture.path("request").path("method").asString())) {
				continue;
			}
			collect(fixture, null, name, cases);
		}
		return cases;
	}

	/** Walks a transcript; {@code field} is the member name the node sits under (an array's, for elements). */
	private static void collect(JsonNode node, String field, String origin, List<Case> cases) {
		if (node.isObject()) {
			Class<?> type = recordType(node, field);
			if (type != null) {
				cases.add(new Case(type, TEXT.writeValueAsString(node), origin + " " + field));
			}
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				collect(member.getValue(), member.getKey(), origin, cases);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				collect(element, field, origin, cases);
			}
		}
	}

	private static Class<?> recordType(JsonNode node, String field) {
		if (field == null) {
			return null;
		}
		if (node.has("vin") && node.has("vout")) {
			return RawTransaction.class;
		}
		if ((node.path("tx").path(0).isObject() || node.path("rawtx").path(0).isObject())) {
			return BlockWithTransactions.class;
		}
		if (node.has("bestblock") && node.has("scriptPubKey")) {
			return TxOut.class;
		}
		return switch (field) {
			case "vin" -> TxInput.class;
			case "vout" -> TxOutput.class;
			case "scriptPubKey" -> ScriptPubKey.class;
			case "scriptSig" -> ScriptSig.class;
			case "prevout" -> Prevout.class;
			default -> null;
		};
	}

	/** Every transcript on the class path, e.g. {@code core/http-getblock-verbosity2.json}. */
	private static List<String> fixtureNames() {
		List<String> names = Fixtures.names();
		assertThat(names).hasSizeGreaterThan(200);
		return names;
	}

	// ---- Generated mutations ----

	/**
	 * The documents the mutations start from: btcd's and Core's blocks cut to their first two
	 * transactions (one coinbase, one spend, every record nested), Core's transaction with
	 * prevouts, btcd's decoded transaction and gettxout, and each nested record on its own.
	 */
	private static List<Case> baseCases() {
		List<Case> bases = new ArrayList<>();
		for (String name : List.of("btcd/http-getblock-verbosity2.json", "core/http-getblock-verbosity3.json")) {
			JsonNode block = Fixtures.fixture(name).get("response").get("result").deepCopy();
			String field = block.has("rawtx") ? "rawtx" : "tx";
			ArrayNode txs = (ArrayNode) block.get(field);
			while (txs.size() > 2) {
				txs.remove(txs.size() - 1);
			}
			bases.add(new Case(BlockWithTransactions.class, TEXT.writeValueAsString(block), name));
		}
		for (String name : List.of("core/http-getrawtransaction-verbosity2.json", "btcd/http-decoderawtransaction.json",
				"btcd/http-getrawtransaction-coinbase-verbose.json")) {
			bases.add(new Case(RawTransaction.class,
					TEXT.writeValueAsString(Fixtures.fixture(name).get("response").get("result")), name));
		}
		bases.add(new Case(TxOut.class, TEXT.writeValueAsString(Fixtures.fixture("btcd/http-gettxout.json")
			.get("response")
			.get("result")), "btcd/http-gettxout.json"));
		JsonNode coreTx = Fixtures.fixture("core/http-getrawtransaction-verbosity2.json").get("response").get("result");
		bases.add(new Case(TxInput.class, TEXT.writeValueAsString(coreTx.get("vin").get(0)), "core vin[0]"));
		bases.add(new Case(TxOutput.class, TEXT.writeValueAsString(coreTx.get("vout").get(0)), "core vout[0]"));
		bases.add(new Case(Prevout.class, TEXT.writeValueAsString(coreTx.get("vin").get(0).get("prevout")),
				"core prevout"));
		JsonNode btcdTx = Fixtures.fixture("btcd/http-decoderawtransaction.json").get("response").get("result");
		bases.add(new Case(ScriptPubKey.class, TEXT.writeValueAsString(btcdTx.get("vout").get(0).get("scriptPubKey")),
				"btcd scriptPubKey"));
		bases.add(new Case(ScriptSig.class, TEXT.writeValueAsString(btcdTx.get("vin").get(0).get("scriptSig")),
				"btcd scriptSig"));
		return bases;
	}

	/** Every mutation of every object and array anywhere in the base document. */
	private static List<Case> mutations(Case base) {
		JsonNode document = TEXT.readTree(base.json());
		List<Case> cases = new ArrayList<>();
		// A block's transactions are mutated to the depth of their own properties; what lies deeper
		// is the same as in the transaction documents, which are mutated all the way down.
		int depth = (base.type() == BlockWithTransactions.class) ? 2 : Integer.MAX_VALUE;
		for (JsonNode container : containers(document, depth)) {
			String where = base.origin() + " at " + pathOf(document, container);
			if (container.isObject()) {
				List<String> names = new ArrayList<>();
				container.propertyNames().forEach(names::add);
				for (String name : namesToTry(container, names)) {
					for (Mutation mutation : propertyMutations(name)) {
						cases.add(new Case(base.type(), render(document, container, mutation.edit()),
								where + " " + mutation.name()));
					}
				}
				for (String unknown : UNKNOWN_NAMES) {
					for (String value : UNKNOWN_VALUES) {
						String member = quote(unknown) + ":" + value;
						cases.add(new Case(base.type(), render(document, container, (entries) -> {
							List<String> edited = new ArrayList<>(entries);
							edited.add(0, member);
							edited.add(edited.size() / 2, member);
							edited.add(member);
							return edited;
						}), where + " unknown " + member));
					}
				}
				cases.add(new Case(base.type(), render(document, container, (entries) -> List.of()), where + " emptied"));
				cases.add(new Case(base.type(), render(document, container, (entries) -> {
					List<String> reversed = new ArrayList<>(entries);
					Collections.reverse(reversed);
					return reversed;
				}), where + " reversed"));
			}
			else {
				for (int i = 0; i <= container.size(); i++) {
					int index = i;
					for (String value : allValues()) {
						cases.add(new Case(base.type(), render(document, container, (elements) -> {
							List<String> edited = new ArrayList<>(elements);
							if (index < edited.size()) {
								edited.set(index, value);
							}
							else {
								edited.add(value);
							}
							return edited;
						}), where + " [" + index + "] = " + value));
					}
				}
			}
		}
		return cases;
	}

	/** The document's names plus the names the document's record maps but this instance lacks. */
	private static List<String> namesToTry(JsonNode container, List<String> present) {
		List<String> names = new ArrayList<>(present);
		for (String known : List.of("txid", "hash", "version", "size", "vsize", "weight", "locktime", "vin", "vout",
				"fee", "hex", "blockhash", "confirmations", "time", "blocktime", "coinbase", "txinwitness", "prevout",
				"scriptSig", "sequence", "desc", "type", "address", "reqSigs", "addresses", "asm", "generated",
				"height", "value", "n", "scriptPubKey")) {
			if (!names.contains(known) && looksLikeSameRecord(container, known)) {
				names.add(known);
			}
		}
		return names;
	}

	/** Adds a missing known name only to objects of the record that maps it, so that the case set stays small. */
	private static boolean looksLikeSameRecord(JsonNode container, String name) {
		boolean transaction = container.has("vin") || container.has("locktime");
		boolean input = container.has("sequence");
		boolean output = container.has("n");
		boolean script = container.has("asm") || container.has("hex") && !transaction;
		boolean prevout = container.has("generated");
		return switch (name) {
			case "txid" -> transaction || input;
			case "hash", "version", "size", "vsize", "weight", "locktime", "vin", "fee", "blockhash", "confirmations",
					"time", "blocktime" -> transaction;
			case "vout" -> transaction || input;
			case "hex" -> transaction || script;
			case "coinbase", "txinwitness", "prevout", "scriptSig", "sequence" -> input;
			case "desc", "type", "address", "reqSigs", "addresses", "asm" -> script;
			case "generated" -> prevout;
			case "height", "value" -> prevout || output;
			case "n" -> output;
			case "scriptPubKey" -> output || prevout;
			default -> false;
		};
	}

	private record Mutation(String name, UnaryOperator<List<String>> edit) {
	}

	/** Set to each value, delete, duplicate (before and after, with each value), rename to an escaped form. */
	private static List<Mutation> propertyMutations(String name) {
		String quoted = quote(name);
		String prefix = quoted + ":";
		List<Mutation> mutations = new ArrayList<>();
		for (String value : allValues()) {
			String member = prefix + value;
			mutations.add(new Mutation(name + " = " + value, (entries) -> replaceOrAdd(entries, prefix, member)));
		}
		for (String value : VALUES) {
			String member = prefix + value;
			mutations.add(new Mutation(name + " then " + name + " = " + value, (entries) -> {
				List<String> edited = new ArrayList<>(entries);
				edited.add(member);
				return edited;
			}));
			mutations.add(new Mutation(name + " = " + value + " then " + name, (entries) -> {
				List<String> edited = new ArrayList<>(entries);
				edited.add(0, member);
				return edited;
			}));
		}
		mutations.add(new Mutation("delete " + name,
				(entries) -> entries.stream().filter((entry) -> !entry.startsWith(prefix)).toList()));
		mutations.add(new Mutation("duplicate " + name, (entries) -> {
			List<String> edited = new ArrayList<>(entries);
			entries.stream().filter((entry) -> entry.startsWith(prefix)).forEach(edited::add);
			return edited;
		}));
		// The same name with its first letter escaped: parsers that match raw bytes must fall back.
		String escaped = "\"" + String.format("\\u%04x", (int) name.charAt(0)) + name.substring(1) + "\":";
		mutations.add(new Mutation("escape " + name, (entries) -> entries.stream()
			.map((entry) -> entry.startsWith(prefix) ? escaped + entry.substring(prefix.length()) : entry)
			.toList()));
		return mutations;
	}

	private static List<String> allValues() {
		List<String> values = new ArrayList<>(VALUES);
		values.addAll(MORE_VALUES);
		return values;
	}

	private static List<String> replaceOrAdd(List<String> entries, String prefix, String member) {
		List<String> edited = new ArrayList<>();
		boolean replaced = false;
		for (String entry : entries) {
			if (entry.startsWith(prefix)) {
				edited.add(member);
				replaced = true;
			}
			else {
				edited.add(entry);
			}
		}
		if (!replaced) {
			edited.add(member);
		}
		return edited;
	}

	/** Every object and array in the document down to a depth (the document is 0), in document order. */
	private static List<JsonNode> containers(JsonNode document, int maxDepth) {
		List<JsonNode> found = new ArrayList<>();
		addContainers(document, 0, maxDepth, found);
		return found;
	}

	private static void addContainers(JsonNode node, int depth, int maxDepth, List<JsonNode> found) {
		if (node.isContainer() && depth <= maxDepth) {
			found.add(node);
			for (JsonNode child : node) {
				addContainers(child, depth + 1, maxDepth, found);
			}
		}
	}

	private static String pathOf(JsonNode document, JsonNode target) {
		Map<JsonNode, String> paths = new IdentityHashMap<>();
		paths.put(document, "$");
		Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<JsonNode> queue = new ArrayList<>(List.of(document));
		while (!queue.isEmpty()) {
			JsonNode node = queue.remove(0);
			if (node == target || !seen.add(node)) {
				continue;
			}
			if (node.isObject()) {
				for (Map.Entry<String, JsonNode> member : node.properties()) {
					paths.put(member.getValue(), paths.get(node) + "." + member.getKey());
					queue.add(member.getValue());
				}
			}
			else if (node.isArray()) {
				for (int i = 0; i < node.size(); i++) {
					paths.put(node.get(i), paths.get(node) + "[" + i + "]");
					queue.add(node.get(i));
				}
			}
		}
		return paths.get(target);
	}

	/**
	 * The document as JSON text, with {@code edit} applied to the members (as {@code "name":value}
	 * texts) or elements of {@code target}. Text, not a tree: a tree cannot hold duplicates.
	 */
	private static String render(JsonNode node, JsonNode target, UnaryOperator<List<String>> edit) {
		if (node.isObject()) {
			List<String> members = new ArrayList<>();
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				members.add(quote(member.getKey()) + ":" + render(member.getValue(), target, edit));
			}
			return "{" + String.join(",", (node == target) ? edit.apply(members) : members) + "}";
		}
		if (node.isArray()) {
			List<String> elements = new ArrayList<>();
			for (JsonNode element : node) {
				elements.add(render(element, target, edit));
			}
			return "[" + String.join(",", (node == target) ? edit.apply(elements) : elements) + "]";
		}
		return SCALARS.computeIfAbsent(node, TEXT::writeValueAsString);
	}

	private static String quote(String name) {
		return NAMES.computeIfAbsent(name, TEXT::writeValueAsString);
	}

}
