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

/**
 * The methods each node lists in {@code help}, for the versions the fixtures were recorded from
 * ({@code node-methods.properties}, generated from the test kit's {@code rpc-index.json} and
 * checked against it by a test). A method missing here may still exist: Core hides some
 * ({@code generatetoaddress}, {@code invalidateblock}) and btcd serves its notification calls on
 * the websocket only, and other versions list other methods. So this is a hint for checks and
 * tools, never a reason on its own to refuse a call.
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
