package org.bitcoinrpc.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.bitcoinrpc.client.model.Descriptor;
import org.bitcoinrpc.client.model.DescriptorImport;
import org.bitcoinrpc.client.model.FundOptions;
import org.bitcoinrpc.client.model.OutPoint;
import org.bitcoinrpc.client.model.OutputRef;
import org.bitcoinrpc.client.model.Outputs;
import org.bitcoinrpc.client.model.PrevTx;
import org.bitcoinrpc.client.model.PreviousOutput;
import org.bitcoinrpc.client.model.Psbt;
import org.bitcoinrpc.client.model.PsbtSigningOptions;
import org.bitcoinrpc.client.model.RawTransactionOptions;
import org.bitcoinrpc.client.model.RawTxInput;
import org.bitcoinrpc.client.model.ScanObject;
import org.bitcoinrpc.client.model.SearchOptions;
import org.bitcoinrpc.client.model.TransactionHex;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * How much of each node's RPC surface has a typed call. Every method a node lists in
 * {@code help} ({@code rpc-index.json} in the test kit) needs either a typed call (a method
 * carrying {@link RpcMethod}) or a line in {@code rpc-exclusions.properties} saying why not; an
 * exclusion for a method that is typed, or that the node does not list, is stale and fails too.
 * The coverage table generated from the three is the section of README.md between
 * {@code <!-- rpc-coverage:start -->} and {@code <!-- rpc-coverage:end -->}: when they differ the
 * test fails and writes the expected section to {@code target/rpc-coverage.md}; run it with
 * {@code -Drpc.coverage.update=true} to rewrite README.md instead.
 */
class RpcCoverageTests {

	private static final String START = "<!-- rpc-coverage:start -->";

	private static final String END = "<!-- rpc-coverage:end -->";

	private static final String UPDATE = "rpc.coverage.update";

	/** The nodes of the index, by the short name used in the exclusions file. */
	private static final Map<String, String> NODES = Map.of("core", "bitcoin-core 31.0", "btcd", "btcd 0.24.2");

	/** The public types whose methods are the typed calls. */
	private static final List<Class<?>> API = List.of(BitcoinRpcClient.class, WalletClient.class);

	/** Typed call interfaces: every method of theirs but the generic call is a typed call. */
	private static final List<Class<?>> CALL_INTERFACES = List.of(ChainCalls.class, MempoolCalls.class,
			MiningCalls.class, NetworkCalls.class, TransactionCalls.class, UtilityCalls.class, WalletCalls.class,
			NotificationCalls.class, UtxoSetCalls.class, PsbtCalls.class, WalletSpendCalls.class, WalletManagementCalls.class,
			ControlCalls.class, ZmqCalls.class, BtcdCalls.class);

	@Test
	void everyCallMethodOfTheInterfacesNamesItsRpcMethod() {
		List<String> unannotated = new ArrayList<>();
		for (Class<?> type : CALL_INTERFACES) {
			for (Method method : type.getDeclaredMethods()) {
				if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
						&& !method.isAnnotationPresent(RpcMethod.class)) {
					unannotated.add(type.getSimpleName() + "." + method.getName());
				}
			}
		}
		assertThat(unannotated).as("typed calls without @RpcMethod").isEmpty();
	}

	/**
	 * Each typed call, blocking and async, invoked with placeholder arguments on a proxy that
	 * records what reaches {@code callAsync}: the method sent is the one its annotation names.
	 */
	@Test
	void everyTypedCallSendsTheMethodItsAnnotationNames() {
		List<String> sent = new ArrayList<>();
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("callAsync")) {
				sent.add((String) args[0]);
				return CompletableFuture.completedFuture(null);
			}
			return InvocationHandler.invokeDefault(proxy, method, args);
		};
		Object calls = Proxy.newProxyInstance(getClass().getClassLoader(), CALL_INTERFACES.toArray(Class<?>[]::new),
				handler);
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Class<?> type : CALL_INTERFACES) {
			for (Method method : type.getDeclaredMethods()) {
				RpcMethod rpc = method.getAnnotation(RpcMethod.class);
				if (rpc == null) {
					continue;
				}
				sent.clear();
				try {
					method.invoke(calls, Stream.of(method.getGenericParameterTypes()).map(RpcCoverageTests::placeholder).toArray());
				}
				catch (InvocationTargetException ex) {
					// A blocking form fails on the null result; what matters is what it sent first.
					if (ex.getCause() instanceof IllegalArgumentException) {
						wrong.add(type.getSimpleName() + "." + method.getName() + " refused the placeholders: " + ex.getCause());
					}
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
				if (!sent.equals(List.of(rpc.value()))) {
					wrong.add(type.getSimpleName() + "." + method.getName() + " is @RpcMethod(\"" + rpc.value() + "\") but sent "
							+ sent);
				}
				checked++;
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(checked).isGreaterThanOrEqualTo(122);
	}

	/**
	 * The argument rule of {@link RpcCalls}, for every typed call: an {@code ...Async} form given
	 * null for any reference argument does not throw, it returns a future (failed when the call
	 * refuses the null).
	 */
	@Test
	void everyAsyncCallReturnsAFutureForANullArgumentInsteadOfThrowing() {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("callAsync")) {
				return CompletableFuture.completedFuture(null);
			}
			return InvocationHandler.invokeDefault(proxy, method, args);
		};
		Object calls = Proxy.newProxyInstance(getClass().getClassLoader(), CALL_INTERFACES.toArray(Class<?>[]::new),
				handler);
		List<String> threw = new ArrayList<>();
		int checked = 0;
		for (Class<?> type : CALL_INTERFACES) {
			for (Method method : type.getDeclaredMethods()) {
				if (method.getAnnotation(RpcMethod.class) == null || !method.getName().endsWith("Async")) {
					continue;
				}
				Type[] parameters = method.getGenericParameterTypes();
				for (int i = 0; i < parameters.length; i++) {
					if (method.getParameterTypes()[i].isPrimitive()) {
						continue;
					}
					Object[] args = Stream.of(parameters).map(RpcCoverageTests::placeholder).toArray();
					args[i] = null;
					try {
						assertThat(method.invoke(calls, args)).as(method.toString()).isInstanceOf(CompletableFuture.class);
					}
					catch (InvocationTargetException ex) {
						threw.add(type.getSimpleName() + "." + method.getName() + " threw for a null argument " + i + ": "
								+ ex.getCause());
					}
					catch (IllegalAccessException ex) {
						throw new IllegalStateException(ex);
					}
					checked++;
				}
			}
		}
		assertThat(threw).isEmpty();
		assertThat(checked).isGreaterThanOrEqualTo(100);
	}

	/** Placeholders for the value and option types of the typed calls. */
	private static final Map<Type, Object> PLACEHOLDER_VALUES = Map.ofEntries(
			Map.entry(Psbt.class, Psbt.of("cHNidP8BAAoCAAAAAAAAAAAAAA==")),
			Map.entry(TransactionHex.class, TransactionHex.of("0200000000")),
			Map.entry(Descriptor.class, Descriptor.of("raw(00)")),
			Map.entry(RawTxInput.class, RawTxInput.of("00".repeat(32), 0)),
			Map.entry(Outputs.class, Outputs.pay("address", BigDecimal.ONE)),
			Map.entry(RawTransactionOptions.class, RawTransactionOptions.DEFAULTS),
			Map.entry(FundOptions.class, FundOptions.DEFAULTS),
			Map.entry(PrevTx.class, PrevTx.of("00".repeat(32), 0, "00", BigDecimal.ONE)),
			Map.entry(SearchOptions.class, SearchOptions.DEFAULTS),
			Map.entry(PsbtSigningOptions.class, PsbtSigningOptions.DEFAULTS));

	private static Object placeholder(Type type) {
		if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
			// One element: some calls refuse an empty list.
			return List.of(placeholder(list.getActualTypeArguments()[0]));
		}
		if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
			return Map.of(placeholder(map.getActualTypeArguments()[0]), placeholder(map.getActualTypeArguments()[1]));
		}
		if (type == OutPoint.class) {
			return new OutPoint("00".repeat(32), 0);
		}
		Object value = PLACEHOLDER_VALUES.get(type);
		if (value != null) {
			return value;
		}
		if (type == String.class) {
			return "00".repeat(32);
		}
		if (type == int.class || type == Integer.class) {
			return 1;
		}
		if (type == long.class || type == Long.class) {
			return 1L;
		}
		if (type == boolean.class || type == Boolean.class) {
			return true;
		}
		if (type == BigDecimal.class) {
			return BigDecimal.ONE;
		}
		if (type == Duration.class) {
			return Duration.ofHours(1);
		}
		if (type == Instant.class) {
			return Instant.ofEpochSecond(1_800_000_000L);
		}
		if (type == OutputRef.class) {
			return new OutputRef("00".repeat(32), 0);
		}
		if (type == ScanObject.class) {
			return ScanObject.of(Descriptor.of("addr(placeholder)"));
		}
		if (type == BlockTemplateRequest.class) {
			return BlockTemplateRequest.segwit();
		}
		if (type == DescriptorImport.class) {
			return DescriptorImport.fromNow(Descriptor.of("wpkh(00)"));
		}
		if (type == PreviousOutput.class) {
			return PreviousOutput.of("00".repeat(32), 0, "00", BigDecimal.ONE);
		}
		if (type instanceof Class<?> constants && constants.isEnum()) {
			return constants.getEnumConstants()[0];
		}
		if (type instanceof Class<?> valueType) {
			// Option types have DEFAULTS; value types (Psbt, TransactionHex, Descriptor) have of(String).
			try {
				Field defaults = valueType.getField("DEFAULTS");
				if (Modifier.isStatic(defaults.getModifiers()) && defaults.getType() == valueType) {
					return defaults.get(null);
				}
			}
			catch (NoSuchFieldException | IllegalAccessException ex) {
				// not an option type
			}
			try {
				Method of = valueType.getMethod("of", String.class);
				if (Modifier.isStatic(of.getModifiers()) && of.getReturnType() == valueType) {
					return of.invoke(null, "00".repeat(32));
				}
			}
			catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException ex) {
				// no value type either
			}
		}
		throw new IllegalArgumentException("no placeholder for " + type);
	}

	@Test
	void everyListedMethodIsTypedOrExcludedAndTheReadmeTableIsCurrent() throws IOException {
		SortedMap<String, SortedSet<String>> typed = typedCalls();
		Map<String, String> exclusions = exclusions();
		List<String> problems = new ArrayList<>();
		for (String key : exclusions.keySet()) {
			String node = key.substring(0, Math.max(key.indexOf('.'), 0));
			if (!NODES.containsKey(node)) {
				problems.add("exclusion " + key + ": not <node>.<method> with node one of " + new TreeSet<>(NODES.keySet()));
			}
			else if (exclusions.get(key).isBlank()) {
				problems.add("exclusion " + key + ": no reason given");
			}
		}
		StringBuilder counts = new StringBuilder();
		for (Map.Entry<String, String> node : new TreeMap<>(NODES).entrySet()) {
			SortedSet<String> listed = listed(node.getValue());
			for (String method : listed) {
				String key = node.getKey() + "." + method;
				if (!typed.containsKey(method) && !exclusions.containsKey(key)) {
					problems.add(node.getValue() + " lists " + method + ": no typed call and no exclusion " + key);
				}
				if (typed.containsKey(method) && exclusions.containsKey(key)) {
					problems.add("exclusion " + key + " is stale: typed as " + typed.get(method));
				}
			}
			exclusions.keySet().stream().filter((key) -> key.startsWith(node.getKey() + "."))
				.filter((key) -> !listed.contains(key.substring(node.getKey().length() + 1)))
				.forEach((key) -> problems.add("exclusion " + key + " is stale: " + node.getValue() + " does not list it"));
			long covered = listed.stream().filter(typed::containsKey).count();
			counts.append(String.format(Locale.ROOT, "%s: %d of %d listed methods typed (%s)%n", node.getValue(), covered,
					listed.size(), percent(covered, listed.size())));
		}
		// Printed so that a run shows where issue 16 stands without opening README.md.
		System.out.print(counts);
		if (!problems.isEmpty()) {
			fail("RPC coverage of rpc-index.json (typed calls, rpc-exclusions.properties):\n  "
					+ String.join("\n  ", problems));
		}
		checkReadme(table(typed, exclusions));
	}

	/** RPC method name to the Java methods (blocking form names) that send it. */
	static SortedMap<String, SortedSet<String>> typedCalls() {
		SortedMap<String, SortedSet<String>> typed = new TreeMap<>();
		for (Class<?> type : API) {
			for (Method method : type.getMethods()) {
				RpcMethod rpc = method.getAnnotation(RpcMethod.class);
				if (rpc != null) {
					String name = method.getName().endsWith("Async")
							? method.getName().substring(0, method.getName().length() - "Async".length())
							: method.getName();
					typed.computeIfAbsent(rpc.value(), (key) -> new TreeSet<>()).add(name);
				}
			}
		}
		return typed;
	}

	private static Map<String, String> exclusions() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = RpcCoverageTests.class.getResourceAsStream("/rpc-exclusions.properties")) {
			assertThat(in).as("rpc-exclusions.properties on the test class path").isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Map<String, String> exclusions = new TreeMap<>();
		properties.stringPropertyNames().forEach((key) -> exclusions.put(key, properties.getProperty(key).strip()));
		return exclusions;
	}

	/** Every method a node lists, in all categories. */
	private static SortedSet<String> listed(String node) {
		SortedSet<String> listed = new TreeSet<>();
		categories(node).values().forEach(listed::addAll);
		return listed;
	}

	/** Category to methods; btcd's index has no categories, so all its methods are under "". */
	private static SortedMap<String, SortedSet<String>> categories(String node) {
		JsonNode index = Fixtures.rpcIndex().get(node);
		assertThat(index).as("rpc-index.json has " + node).isNotNull();
		SortedMap<String, SortedSet<String>> categories = new TreeMap<>();
		if (index.isArray()) {
			index.forEach((method) -> categories.computeIfAbsent("", (key) -> new TreeSet<>()).add(method.asString()));
		}
		else {
			for (Map.Entry<String, JsonNode> category : index.properties()) {
				category.getValue().forEach((method) -> categories.computeIfAbsent(category.getKey(),
						(key) -> new TreeSet<>()).add(method.asString()));
			}
		}
		return categories;
	}

	/** The README section: counts per node, then a table per node (per category for Core). */
	static String table(SortedMap<String, SortedSet<String>> typed, Map<String, String> exclusions) {
		StringBuilder out = new StringBuilder();
		out.append("<!-- Generated by RpcCoverageTests from rpc-index.json, the @RpcMethod annotations and\n")
			.append("     bitcoin-rpc-client-core/src/test/resources/rpc-exclusions.properties; do not edit by hand. -->\n\n");
		Map<String, String> order = new LinkedHashMap<>();
		order.put("btcd", "btcd 0.24.2");
		order.put("core", "bitcoin-core 31.0");
		out.append("| node | methods listed in `help` | typed | excluded | typed share |\n|---|---|---|---|---|\n");
		for (Map.Entry<String, String> node : order.entrySet()) {
			SortedSet<String> listed = listed(node.getValue());
			long covered = listed.stream().filter(typed::containsKey).count();
			out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s |%n", node.getValue(), listed.size(), covered,
					listed.size() - covered, percent(covered, listed.size())));
		}
		for (Map.Entry<String, String> node : order.entrySet()) {
			SortedSet<String> listed = listed(node.getValue());
			long covered = listed.stream().filter(typed::containsKey).count();
			out.append(String.format(Locale.ROOT, "%n<details><summary>%s: %d of %d typed</summary>%n", node.getValue(),
					covered, listed.size()));
			for (Map.Entry<String, SortedSet<String>> category : categories(node.getValue()).entrySet()) {
				out.append('\n');
				if (!category.getKey().isEmpty()) {
					long inCategory = category.getValue().stream().filter(typed::containsKey).count();
					out.append(String.format(Locale.ROOT, "**%s** (%d of %d typed)%n%n", category.getKey(), inCategory,
							category.getValue().size()));
				}
				out.append("| method | typed call | or excluded because |\n|---|---|---|\n");
				for (String method : category.getValue()) {
					SortedSet<String> calls = typed.get(method);
					String call = (calls != null) ? String.join(", ", calls.stream().map((name) -> "`" + name + "`").toList())
							: "";
					String reason = (calls != null) ? "" : exclusions.getOrDefault(node.getKey() + "." + method, "");
					out.append("| `").append(method).append("` | ").append(call).append(" | ").append(reason).append(" |\n");
				}
			}
			out.append("\n</details>\n");
		}
		Set<String> listedAnywhere = new TreeSet<>();
		NODES.values().forEach((node) -> listedAnywhere.addAll(listed(node)));
		List<String> unlisted = typed.keySet().stream().filter((method) -> !listedAnywhere.contains(method))
			.map((method) -> "`" + method + "`").toList();
		if (!unlisted.isEmpty()) {
			out.append("\nTyped, but listed by neither node's `help` (btcd's websocket-only notification calls, ")
				.append("Core's hidden calls): ").append(String.join(", ", unlisted)).append(".\n");
		}
		return out.toString();
	}

	private static String percent(long part, long whole) {
		return String.format(Locale.ROOT, "%.1f%%", (whole == 0) ? 0.0 : 100.0 * part / whole);
	}

	private static void checkReadme(String expected) throws IOException {
		Path readme = repositoryRoot().resolve("README.md");
		String text = Files.readString(readme, StandardCharsets.UTF_8);
		int start = text.indexOf(START);
		int end = text.indexOf(END);
		assertThat(start).as("README.md has " + START).isNotNegative();
		assertThat(end).as("README.md has " + END + " after " + START).isGreaterThan(start);
		String section = "\n" + expected + "\n";
		String actual = text.substring(start + START.length(), end);
		if (actual.equals(section)) {
			return;
		}
		if (Boolean.getBoolean(UPDATE)) {
			Files.writeString(readme, text.substring(0, start + START.length()) + section + text.substring(end),
					StandardCharsets.UTF_8);
			System.out.println("Rewrote the RPC coverage section of " + readme);
			return;
		}
		Path written = Path.of("target", "rpc-coverage.md").toAbsolutePath();
		Files.createDirectories(written.getParent());
		Files.writeString(written, expected, StandardCharsets.UTF_8);
		fail("The RPC coverage table in " + readme + " (between " + START + " and " + END
				+ ") is out of date. The expected section is in " + written + "; to rewrite README.md run "
				+ "mvn -o -pl bitcoin-rpc-client-core -am verify -Dtest=RpcCoverageTests "
				+ "-Dsurefire.failIfNoSpecifiedTests=false -DskipITs -D" + UPDATE + "=true");
	}

	/** The directory with README.md and the root pom, found by walking up from the working directory. */
	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
			if (Files.isRegularFile(candidate.resolve("README.md")) && Files.isRegularFile(candidate.resolve("pom.xml"))
					&& Files.isDirectory(candidate.resolve("bitcoin-rpc-client-core"))) {
				return candidate;
			}
		}
		throw new UncheckedIOException(new IOException("No README.md and root pom.xml above " + dir));
	}

}
