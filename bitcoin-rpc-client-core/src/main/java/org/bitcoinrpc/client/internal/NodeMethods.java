package org.bitcoinrpc.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.bitcoinrpc.client.NodeInfo;
import org.jspecify.annotations.Nullable;

/**
 * The methods each node lists in {@code help}, for the versions the fixtures were recorded from
 * ({@code node-methods.properties}, generated from the test kit's {@code rpc-index.json} and
 * checked against it by a test). A method missing here may still exist: Core hides some
 * ({@code generatetoaddress}, {@code invalidateblock}) and btcd serves its notification calls on
 * the websocket only, and other versions list other methods. So a call is refused only by
 * {@link #absence}: the other kind of node lists it, this one does not, and this one is no newer
 * than the version the lists were taken from.
 */
public final class NodeMethods {

	/** The resource beside this class. */
	public static final String RESOURCE = "node-methods.properties";

	private static final NodeMethods INSTANCE = load();

	private final Set<String> btcd;

	private final Set<String> core;

	private final String btcdVersion;

	private final String coreVersion;

	private NodeMethods(Properties properties) {
		this.btcd = methods(properties, "btcd.methods");
		this.core = methods(properties, "core.methods");
		this.btcdVersion = required(properties, "btcd.version");
		this.coreVersion = required(properties, "core.version");
	}

	/** The table in the client's jar. */
	public static NodeMethods get() {
		return INSTANCE;
	}

	/** The methods a node of this kind lists, sorted. */
	public Set<String> listed(NodeInfo.Kind kind) {
		return (kind == NodeInfo.Kind.BTCD) ? this.btcd : this.core;
	}

	/** Whether a node of this kind lists the method in {@code help} (in the version of {@link #version}). */
	public boolean lists(NodeInfo.Kind kind, String method) {
		return listed(kind).contains(method);
	}

	/** The node version the list was taken from, e.g. {@code 0.24.2} or {@code 31.0}. */
	public String version(NodeInfo.Kind kind) {
		return (kind == NodeInfo.Kind.BTCD) ? this.btcdVersion : this.coreVersion;
	}

	/**
	 * Why a node does not have a method, or {@code null} when it may have it: the node's kind does
	 * not list the method, the other kind does (so it is not a hidden or websocket-only method), and
	 * the node is no newer than the version the list was taken from (a newer one may have gained it).
	 * @param node the node, as detected
	 * @param method the RPC method
	 * @return the reason, naming the node and its version, or {@code null}
	 */
	public @Nullable String absence(NodeInfo node, String method) {
		NodeInfo.Kind other = (node.kind() == NodeInfo.Kind.BTCD) ? NodeInfo.Kind.BITCOIN_CORE : NodeInfo.Kind.BTCD;
		if (lists(node.kind(), method) || !lists(other, method)
				|| compareVersions(node.version(), version(node.kind())) > 0) {
			return null;
		}
		return name(node.kind()) + " " + node.version() + " does not have " + method + ", a " + name(other)
				+ " method (not sent)";
	}

	private static String name(NodeInfo.Kind kind) {
		return (kind == NodeInfo.Kind.BTCD) ? "btcd" : "Bitcoin Core";
	}

	/** Compares dotted versions number by number; a missing number is 0 ("31.0" equals "31.0.0"). */
	static int compareVersions(String left, String right) {
		String[] a = left.split("\\.");
		String[] b = right.split("\\.");
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			int x = (i < a.length) ? number(a[i]) : 0;
			int y = (i < b.length) ? number(b[i]) : 0;
			if (x != y) {
				return Integer.compare(x, y);
			}
		}
		return 0;
	}

	private static int number(String part) {
		int end = 0;
		while (end < part.length() && Character.isDigit(part.charAt(end))) {
			end++;
		}
		return (end == 0) ? 0 : Integer.parseInt(part.substring(0, end));
	}

	private static NodeMethods load() {
		Properties properties = new Properties();
		try (InputStream in = NodeMethods.class.getResourceAsStream(RESOURCE)) {
			Objects.requireNonNull(in, () -> RESOURCE + " is missing from the class path");
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new NodeMethods(properties);
	}

	private static Set<String> methods(Properties properties, String key) {
		return Collections.unmodifiableSet(new TreeSet<>(Arrays.stream(required(properties, key).split(","))
			.map(String::strip)
			.filter((method) -> !method.isEmpty())
			.toList()));
	}

	private static String required(Properties properties, String key) {
		String value = properties.getProperty(key);
		if (value == null) {
			throw new IllegalStateException(RESOURCE + " has no " + key);
		}
		return value.strip();
	}

}
