package org.bitcoinrpc.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.bitcoinrpc.client.transport.Exchange;
import org.bitcoinrpc.client.transport.Transport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering the transports rely on, read from the compiled classes with {@code jdeps}: a
 * transport moves bytes and never sees the client's pending calls, so that a new transport means
 * implementing {@link Transport} and nothing more, and the endpoint uses a transport only through
 * that interface. A cycle through the root package would tie them together again, so it counts too.
 */
class PackageDependencyTests {

	private static final String ROOT = "org.bitcoinrpc.client";

	private static final String INTERNAL = ROOT + ".internal";

	private static final String TRANSPORT = ROOT + ".transport";

	private static final String PROTOCOL = ROOT + ".protocol";

	private static final Pattern EDGE = Pattern.compile("^\\s*(\\S+)\\s+->\\s+(\\S+)");

	/** Class-level dependencies between the client's own top-level classes. */
	private static final Map<String, Set<String>> uses = new HashMap<>();

	@BeforeAll
	static void readDependencies() throws Exception {
		Path classes = Path.of(BitcoinRpcClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-filter:none", "-e",
				Pattern.quote(ROOT) + "\\..*", classes.toString());
		assertThat(status).as("jdeps: %s", err).isZero();
		for (String line : out.toString().split("\\R")) {
			Matcher edge = EDGE.matcher(line);
			// Class lines only: the summary lines name the archive and modules.
			if (edge.find() && edge.group(1).startsWith(ROOT + ".") && edge.group(2).startsWith(ROOT + ".")) {
				String from = topLevel(edge.group(1));
				String to = topLevel(edge.group(2));
				if (!from.equals(to)) {
					uses.computeIfAbsent(from, (key) -> new TreeSet<>()).add(to);
				}
			}
		}
		assertThat(uses).as("dependencies read").containsKey(BitcoinRpcClient.class.getName());
	}

	@Test
	void transportsAndTheProtocolNeverUseInternal() {
		assertThat(edges(TRANSPORT, INTERNAL)).isEmpty();
		assertThat(edges(PROTOCOL, INTERNAL)).isEmpty();
		assertThat(edges(PROTOCOL, TRANSPORT)).isEmpty();
	}

	@Test
	void internalSeesTransportsOnlyThroughThePort() {
		Set<String> port = Set.of(Transport.class.getName(), Exchange.class.getName());
		assertThat(edges(INTERNAL, TRANSPORT)).allSatisfy((edge) -> assertThat(port).contains(edge.split(" -> ")[1]));
	}

	/** Whatever a transport uses, through the root package or any other, never leads back to a transport. */
	@Test
	void noTransportTakesPartInACycle() {
		Set<String> cycles = new TreeSet<>();
		for (String transport : classesIn(TRANSPORT)) {
			for (String used : uses.getOrDefault(transport, Set.of())) {
				if (!packageOf(used).equals(TRANSPORT)) {
					String back = pathBackToTransport(used);
					if (back != null) {
						cycles.add(transport + " -> " + back);
					}
				}
			}
		}
		assertThat(cycles).isEmpty();
	}

	/** A path from {@code start} to a transport class, or null if there is none. */
	private static String pathBackToTransport(String start) {
		Map<String, String> cameFrom = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>();
		queue.add(start);
		cameFrom.put(start, "");
		while (!queue.isEmpty()) {
			String current = queue.poll();
			if (packageOf(current).equals(TRANSPORT)) {
				StringBuilder path = new StringBuilder(current);
				for (String step = cameFrom.get(current); !step.isEmpty(); step = cameFrom.get(step)) {
					path.insert(0, step + " -> ");
				}
				return path.toString();
			}
			for (String next : uses.getOrDefault(current, Set.of())) {
				if (cameFrom.putIfAbsent(next, current) == null) {
					queue.add(next);
				}
			}
		}
		return null;
	}

	private static Set<String> edges(String fromPackage, String toPackage) {
		Set<String> edges = new LinkedHashSet<>();
		uses.forEach((from, targets) -> {
			if (packageOf(from).equals(fromPackage)) {
				targets.stream().filter((to) -> packageOf(to).equals(toPackage)).forEach((to) -> edges.add(from + " -> " + to));
			}
		});
		return edges;
	}

	private static Set<String> classesIn(String packageName) {
		Set<String> classes = new HashSet<>();
		uses.forEach((from, targets) -> {
			if (packageOf(from).equals(packageName)) {
				classes.add(from);
			}
		});
		return classes;
	}

	private static String topLevel(String className) {
		int nested = className.indexOf('$');
		return (nested < 0) ? className : className.substring(0, nested);
	}

	private static String packageOf(String className) {
		return className.substring(0, className.lastIndexOf('.'));
	}

}
