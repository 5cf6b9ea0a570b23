package org.bitcoinrpc.client.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bitcoinrpc.client.NodeInfo;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code node-methods.properties} says what the test kit's {@code rpc-index.json} says: the
 * same methods per node and the same versions. When they differ the test fails and writes the
 * expected file to {@code target/node-methods.properties}; with {@code -Drpc.coverage.update=true}
 * it rewrites the resource instead.
 */
class NodeMethodsTests {

	private static final Path SOURCE = Path.of("src", "main", "resources", "org", "bitcoinrpc", "client", "internal",
			NodeMethods.RESOURCE);

	@Test
	void theTableIsTheIndex() throws IOException {
		String expected = expected();
		Path source = SOURCE.toAbsolutePath();
		String actual = Files.isRegularFile(source) ? Files.readString(source, StandardCharsets.UTF_8) : "";
		if (actual.equals(expected)) {
			return;
		}
		if (Boolean.getBoolean("rpc.coverage.update")) {
			Files.writeString(source, expected, StandardCharsets.UTF_8);
			return;
		}
		Path written = Path.of("target", NodeMethods.RESOURCE).toAbsolutePath();
		Files.createDirectories(written.getParent());
		Files.writeString(written, expected, StandardCharsets.UTF_8);
		fail(source + " does not match rpc-index.json; the expected file is " + written
				+ "; rerun with -Drpc.coverage.update=true to rewrite it");
	}

	@Test
	void theLoadedTableAnswersPerNode() {
		NodeMethods methods = NodeMethods.get();
		assertThat(methods.lists(NodeInfo.Kind.BTCD, "getbestblock")).isTrue();
		assertThat(methods.lists(NodeInfo.Kind.BITCOIN_CORE, "getbestblock")).isFalse();
		assertThat(methods.lists(NodeInfo.Kind.BITCOIN_CORE, "estimatesmartfee")).isTrue();
		assertThat(methods.lists(NodeInfo.Kind.BTCD, "estimatesmartfee")).isFalse();
		assertThat(methods.listed(NodeInfo.Kind.BTCD)).isEqualTo(listed("btcd 0.24.2"));
		assertThat(methods.listed(NodeInfo.Kind.BITCOIN_CORE)).isEqualTo(listed("bitcoin-core 31.0"));
		assertThat(methods.version(NodeInfo.Kind.BTCD)).isEqualTo("0.24.2");
		assertThat(methods.version(NodeInfo.Kind.BITCOIN_CORE)).isEqualTo("31.0");
	}

	/** The resource as generated from the index: one method per line, sorted. */
	private static String expected() {
		StringBuilder out = new StringBuilder();
		out.append("# The methods each node lists in help. Generated from the test kit's rpc-index.json by\n")
			.append("# NodeMethodsTests (-Drpc.coverage.update=true); do not edit by hand.\n");
		for (Map.Entry<String, String> node : Map.of("btcd", "btcd 0.24.2", "core", "bitcoin-core 31.0").entrySet()
			.stream().sorted(Map.Entry.comparingByKey()).toList()) {
			String name = node.getValue();
			out.append(node.getKey()).append(".version=").append(name.substring(name.indexOf(' ') + 1)).append('\n');
			out.append(node.getKey()).append(".methods=\\\n");
			out.append(String.join(",\\\n", listed(name).stream().map((method) -> "\t" + method).toList())).append('\n');
		}
		return out.toString();
	}

	private static Set<String> listed(String node) {
		JsonNode index = Fixtures.rpcIndex().get(node);
		assertThat(index).as(node).isNotNull();
		Set<String> listed = new TreeSet<>();
		if (index.isArray()) {
			index.forEach((method) -> listed.add(method.asString()));
		}
		else {
			index.forEach((category) -> category.forEach((method) -> listed.add(method.asString())));
		}
		return listed;
	}

}
