package org.bitcoinrpc.client.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The notification subscriptions the node has accepted on this client's behalf, so that they can
 * be registered again after a reconnect: btcd forgets them with the connection.
 * <p>
 * It learns from the calls themselves (whether made through the typed methods or the generic
 * {@code call}), once the node has answered them without error. Re-registration is combined:
 * all watched outpoints in one {@code notifyspent}, all addresses in one {@code notifyreceived},
 * the filter in one {@code loadtxfilter} with reload.
 * <p>
 * Thread-safe: every method synchronizes on this object; none does I/O.
 */
public final class Subscriptions {

	private static final Set<String> METHODS = Set.of("notifyblocks", "stopnotifyblocks", "notifynewtransactions",
			"stopnotifynewtransactions", "notifyspent", "stopnotifyspent", "notifyreceived", "stopnotifyreceived",
			"loadtxfilter");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private boolean blocks;

	/** {@code null} when not subscribed; else whether verbose. */
	private Boolean newTransactionsVerbose;

	private final Set<JsonNode> spent = new LinkedHashSet<>();

	private final Set<JsonNode> received = new LinkedHashSet<>();

	private boolean filterLoaded;

	private final Set<JsonNode> filterAddresses = new LinkedHashSet<>();

	private final Set<JsonNode> filterOutpoints = new LinkedHashSet<>();

	/** Whether a successful call of this method changes the subscriptions. */
	public static boolean tracks(String method) {
		return METHODS.contains(method);
	}

	/** Records a call the node answered without error; {@code params} as sent. */
	public synchronized void record(String method, JsonNode params) {
		switch (method) {
			case "notifyblocks" -> this.blocks = true;
			case "stopnotifyblocks" -> this.blocks = false;
			case "notifynewtransactions" -> this.newTransactionsVerbose = params.path(0).asBoolean(false);
			case "stopnotifynewtransactions" -> this.newTransactionsVerbose = null;
			case "notifyspent" -> params.path(0).forEach(this.spent::add);
			case "stopnotifyspent" -> params.path(0).forEach(this.spent::remove);
			case "notifyreceived" -> params.path(0).forEach(this.received::add);
			case "stopnotifyreceived" -> params.path(0).forEach(this.received::remove);
			case "loadtxfilter" -> {
				if (params.path(0).asBoolean(false)) {
					this.filterAddresses.clear();
					this.filterOutpoints.clear();
				}
				this.filterLoaded = true;
				params.path(1).forEach(this.filterAddresses::add);
				params.path(2).forEach(this.filterOutpoints::add);
			}
			default -> {
			}
		}
	}

	/** The calls that restore every subscription on a fresh connection, fewest first. */
	public synchronized List<Registration> registrations() {
		List<Registration> calls = new ArrayList<>();
		if (this.filterLoaded) {
			ArrayNode params = NODES.arrayNode().add(true);
			params.add(array(this.filterAddresses));
			params.add(array(this.filterOutpoints));
			calls.add(new Registration("loadtxfilter", params));
		}
		if (this.blocks) {
			calls.add(new Registration("notifyblocks", NODES.arrayNode()));
		}
		if (this.newTransactionsVerbose != null) {
			calls.add(new Registration("notifynewtransactions", NODES.arrayNode().add(this.newTransactionsVerbose)));
		}
		if (!this.spent.isEmpty()) {
			calls.add(new Registration("notifyspent", NODES.arrayNode().add(array(this.spent))));
		}
		if (!this.received.isEmpty()) {
			calls.add(new Registration("notifyreceived", NODES.arrayNode().add(array(this.received))));
		}
		return calls;
	}

	private static ArrayNode array(Set<JsonNode> values) {
		ArrayNode array = NODES.arrayNode();
		values.forEach(array::add);
		return array;
	}

	/** One call to send again. */
	public record Registration(String method, ArrayNode params) {
	}

}
