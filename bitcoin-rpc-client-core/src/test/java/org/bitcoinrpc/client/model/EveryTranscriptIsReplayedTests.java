package org.bitcoinrpc.client.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.RpcMethod;
import org.bitcoinrpc.client.WalletClient;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 asks that every recorded transcript of a typed method is replayed through its typed
 * call. This checks the part a reviewer cannot see at a glance: every {@code http-*.json}
 * transcript whose request method has a typed call is named (with its node folder, e.g.
 * {@code "btcd/http-ping.json"}) in some test source of this module,
 * unless it is a protocol-level transcript listed in {@link #ITERATED} with the test that covers
 * it. A new recording of a typed method therefore fails here until a test replays it by name.
 */
class EveryTranscriptIsReplayedTests {

	private static final String RPC_ERRORS = "RpcErrorFixturesTests.errorReplyBecomesItsNamedException (every error reply)";

	private static final String RPC_ERRORS_UNSENDABLE = "RpcErrorFixturesTests.unsendableOrBatchedErrorBecomesItsNamedException"
			+ " (every error reply to a request the client cannot send)";

	private static final String ONE_PASS = "OnePassDecodeTests.agreesWithTwoPassesOnEveryFixtureAndType (every object reply)";

	private static final String STATUS_401 = "HttpStatusMappingTests.unauthorizedIsAnAuthenticationErrorForBothNodes"
			+ " (the same empty-bodied 401 as http-401-wrong-password)";

	private static final String BTCD_EMPTY_BODY = "HttpStatusMappingTests.btcdEmptyBodyIsAProtocolError"
			+ " (btcd's empty 200 body)";

	private static final String NO_REPLY = "nothing to replay: the client never sends a request without an id, and the"
			+ " node answers none; ";

	/**
	 * Protocol-level transcripts: they record how a node treats a request envelope (ids, JSON-RPC
	 * versions, params that are no array, named or missing params, notifications, credentials,
	 * paths, warm-up) or a malformed argument, not what a typed call sends. Tests that iterate over
	 * every transcript (or over the reply shape) cover them; each entry names that test.
	 */
	private static final Map<String, String> ITERATED = Map.ofEntries(
			Map.entry("core/http-401-no-auth.json", STATUS_401),
			Map.entry("core/http-cookie-auth-wrong.json",
					STATUS_401 + "; HttpStatusMappingTests.cookieFileIsReadAtConnectAndAgainAfter401"),
			Map.entry("core/http-unknown-path.json", "HttpStatusMappingTests.unknownPathIsAnEndpointError"),
			// The typed call refuses "xyz" before sending it: only the node's -8 is left to map.
			Map.entry("core/http-getblock-badhash.json", RPC_ERRORS),
			Map.entry("core/http-getblockcount-jsonrpc11.json", RPC_ERRORS_UNSENDABLE),
			Map.entry("core/http-params-not-array.json", RPC_ERRORS_UNSENDABLE),
			Map.entry("core/http-getblockhash-missing-param-v1.json", RPC_ERRORS),
			Map.entry("core/http-getblockhash-missing-param.json", RPC_ERRORS),
			Map.entry("core/http-getblockhash-negative.json", RPC_ERRORS),
			Map.entry("core/http-getblockhash-string-param-v1.json", RPC_ERRORS),
			Map.entry("core/http-getblockhash-string-param.json", RPC_ERRORS),
			Map.entry("core/http-getblockhash-too-many-params.json", RPC_ERRORS),
			Map.entry("core/http-getblockhash-named-params.json", ONE_PASS + "; the client sends positional params only"),
			Map.entry("core/http-id-float.json", ONE_PASS),
			Map.entry("core/http-id-null-jsonrpc2.json", ONE_PASS),
			Map.entry("core/http-legacy-no-id.json", ONE_PASS),
			Map.entry("core/http-notification-jsonrpc2-no-id.json", NO_REPLY + "Core answers 204 with no body"),
			Map.entry("core/http-warmup-28-v1-loading-banlist.json",
					RPC_ERRORS + "; CoreConventionsTests.eachErrorCodeMapsToItsNamedException names a sibling"),
			Map.entry("core/http-warmup-28-v1-loading-p2p-addresses.json",
					RPC_ERRORS + "; CoreConventionsTests.eachErrorCodeMapsToItsNamedException names a sibling"),
			Map.entry("core/http-warmup-28-v2-loading-banlist.json",
					RPC_ERRORS + "; CoreConventionsTests.eachErrorCodeMapsToItsNamedException names a sibling"),
			Map.entry("btcd/http-401-no-auth.json", STATUS_401),
			Map.entry("btcd/http-getblockcount-jsonrpc11.json", BTCD_EMPTY_BODY),
			Map.entry("btcd/http-params-not-array.json", BTCD_EMPTY_BODY),
			Map.entry("btcd/http-getblockhash-missing-param.json", RPC_ERRORS),
			Map.entry("btcd/http-getblockhash-negative.json", RPC_ERRORS),
			Map.entry("btcd/http-getblockhash-string-param.json", RPC_ERRORS),
			Map.entry("btcd/http-getblockhash-too-many-params.json", RPC_ERRORS),
			Map.entry("btcd/http-id-null.json", NO_REPLY + "btcd closes the connection"),
			Map.entry("btcd/http-notification-no-id.json", NO_REPLY + "btcd closes the connection"),
			Map.entry("btcd/http-id-string-and-float.json",
					ONE_PASS + "; reliability.MalformedInputTests (mutates every btcd reply)"),
			// notifyblocks is a WebSocket registration; over HTTP btcd only answers -32601.
			Map.entry("btcd/http-notifyblocks-over-http.json", RPC_ERRORS));

	@Test
	void everyTranscriptOfATypedMethodIsReplayedByName() {
		Set<String> typed = typedMethods();
		String sources = testSources();
		List<String> uncovered = new ArrayList<>();
		List<String> stale = new ArrayList<>();
		for (String name : httpTranscripts()) {
			JsonNode request = Fixtures.fixture(name).path("request");
			if (!request.isObject() || !typed.contains(request.path("method").asString(""))) {
				continue;
			}
			boolean named = isNamed(sources, qualifiedName(name));
			if (!named && !ITERATED.containsKey(name)) {
				uncovered.add(name);
			}
			if (named && ITERATED.containsKey(name)) {
				stale.add(name + " is replayed by name now: drop it from ITERATED");
			}
		}
		ITERATED.keySet().stream().filter((name) -> !httpTranscripts().contains(name)).sorted()
			.forEach((name) -> stale.add(name + " is listed in ITERATED but is no transcript"));
		assertThat(uncovered).as("transcripts of typed methods that no test in %s names (replay each through its"
				+ " typed call, e.g. in model/RecordedRepliesFixtureTests)", sourceRoot()).isEmpty();
		assertThat(stale).as("stale ITERATED entries").isEmpty();
	}

	@Test
	void theCheckSeesTheTranscriptsTheSourcesAndTheTypedCalls() {
		// Guards against a vacuous pass: an empty source tree or transcript list would leave
		// nothing uncovered.
		assertThat(httpTranscripts()).contains("core/http-getblockcount.json", "btcd/http-getblockcount.json");
		assertThat(typedMethods()).contains("getblockcount", "sendtoaddress", "getblock");
		assertThat(isNamed(testSources(), "core/http-getblockhash")).isTrue();
		assertThat(isNamed("\"core/http-getblockhash-negative.json\"", "core/http-getblockhash")).isFalse();
		assertThat(isNamed("\"core/http-getblockhash.json\"", "core/http-getblock")).isFalse();
		assertThat(isNamed("\"core/http-ping.json\"", "btcd/http-ping")).isFalse();
	}

	/** The transcripts of calls over HTTP, e.g. {@code core/http-getblock.json}. */
	private static SortedSet<String> httpTranscripts() {
		return Fixtures.names().stream().filter((name) -> baseName(name).startsWith("http-"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * {@code core/http-getblock.json} to {@code core/http-getblock}: the node folder counts, so that
	 * a replay of Core's transcript does not pass for btcd's of the same name.
	 */
	private static String qualifiedName(String name) {
		return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
	}

	/** {@code core/http-getblock.json} to {@code http-getblock}. */
	private static String baseName(String name) {
		String file = name.substring(name.lastIndexOf('/') + 1);
		return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
	}

	/**
	 * Whether a name occurs as a whole name, so that {@code http-getblockhash} is not taken for
	 * named by {@code http-getblockhash-negative}.
	 */
	private static boolean isNamed(String sources, String name) {
		return Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])").matcher(sources).find();
	}

	/** The RPC names of every typed call, blocking or async, of the client and the wallet client. */
	private static Set<String> typedMethods() {
		Set<String> typed = new TreeSet<>();
		for (Class<?> type : List.of(BitcoinRpcClient.class, WalletClient.class)) {
			for (Method method : type.getMethods()) {
				RpcMethod rpc = method.getAnnotation(RpcMethod.class);
				if (rpc != null) {
					typed.add(rpc.value());
				}
			}
		}
		return typed;
	}

	/**
	 * Every test source of this module but this one, concatenated: the names in {@link #ITERATED}
	 * must not count as replays.
	 */
	private static String testSources() {
		Path root = sourceRoot();
		Path self = root.resolve(selfPath());
		try (Stream<Path> files = Files.walk(root)) {
			StringBuilder all = new StringBuilder();
			for (Path file : files.filter((file) -> file.toString().endsWith(".java") && !file.equals(self))
				.sorted()
				.toList()) {
				all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
			}
			return all.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String selfPath() {
		return EveryTranscriptIsReplayedTests.class.getName().replace('.', '/') + ".java";
	}

	/**
	 * This module's {@code src/test/java}: found from where this class was compiled to
	 * ({@code target/test-classes}), else by walking up from the working directory, so the check
	 * reads the sources whether Maven or an IDE runs it, from the module or the project root.
	 */
	private static Path sourceRoot() {
		List<Path> starts = new ArrayList<>();
		try {
			starts.add(Path.of(EveryTranscriptIsReplayedTests.class.getProtectionDomain().getCodeSource().getLocation()
				.toURI()));
		}
		catch (URISyntaxException | RuntimeException ex) {
			// No file location (unusual class loader): the working directory still works.
		}
		starts.add(Path.of("").toAbsolutePath());
		String self = selfPath();
		for (Path start : starts) {
			for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
				for (Path candidate : List.of(dir.resolve("src/test/java"),
						dir.resolve("bitcoin-rpc-client-core/src/test/java"))) {
					if (Files.isRegularFile(candidate.resolve(self))) {
						return candidate;
					}
				}
			}
		}
		throw new IllegalStateException("bitcoin-rpc-client-core/src/test/java not found above " + starts);
	}

}
