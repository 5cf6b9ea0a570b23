package org.bitcoinrpc.spring.relay;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bitcoinrpc.client.ConnectionEvent;
import org.bitcoinrpc.client.ConnectionState;
import org.bitcoinrpc.client.Notification;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's JSON messages, one per event (README, "Chain events in the browser"). Each is built
 * from the fields named here and nothing else: no URL, user, password or error text of the client
 * ever reaches a browser.
 */
final class RelayMessages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RelayMessages() {
	}

	/**
	 * The first message of a session: the node's tip and the connection's state.
	 * @param state the client's connection state
	 * @param tip the best block, or {@code null} when not known (the node cannot be reached)
	 * @param follower where the chain follower is, or {@code null} when there is none
	 */
	static String snapshot(String state, @Nullable Block tip, @Nullable Follower follower) {
		Map<String, Object> message = message("snapshot");
		message.put("state", state);
		message.put("tip", (tip != null) ? tip.toMap() : null);
		if (follower != null) {
			message.put("follower", Map.of("height", follower.height(), "lag", follower.lag()));
		}
		return write(message);
	}

	/**
	 * A block joined the best chain.
	 * @param block the block
	 * @param transactions how many transactions it has, or {@code null} when not known
	 * @param lag how far the node's tip is ahead of the follower that delivered the block, or
	 * {@code null} when no follower did
	 */
	static String blockConnected(Block block, @Nullable Integer transactions, @Nullable Long lag) {
		Map<String, Object> message = message("block");
		message.putAll(block.toMap());
		if (transactions != null) {
			message.put("txs", transactions);
		}
		if (lag != null) {
			message.put("lag", lag);
		}
		return write(message);
	}

	/** A block left the best chain (a reorganization). */
	static String blockDisconnected(Block block) {
		Map<String, Object> message = message("blockDisconnected");
		message.putAll(block.toMap());
		return write(message);
	}

	/** A transaction entered the node's mempool. */
	static String transaction(String txid) {
		Map<String, Object> message = message("tx");
		message.put("txid", txid);
		return write(message);
	}

	/**
	 * The connection to the node changed, as the page shows it.
	 * @param event the client's event
	 * @return the message, or {@code null} for an event that changes no state
	 */
	static @Nullable String state(ConnectionEvent event) {
		Map<String, Object> message = message("state");
		if (event instanceof ConnectionEvent.Connected || event instanceof ConnectionEvent.Reconnected) {
			message.put("state", ConnectionState.CONNECTED.name());
		}
		else if (event instanceof ConnectionEvent.Disconnected) {
			message.put("state", ConnectionState.DISCONNECTED.name());
		}
		else if (event instanceof ConnectionEvent.Reconnecting reconnecting) {
			message.put("state", ConnectionState.RECONNECTING.name());
			message.put("attempt", reconnecting.attempt());
		}
		else {
			// ReconnectFailed: still reconnecting; the next Reconnecting says so with its attempt.
			return null;
		}
		return write(message);
	}

	/** The state a browser is told: the client's, with the shut-down client as disconnected. */
	static String state(ConnectionState state) {
		return (state == ConnectionState.SHUT_DOWN) ? ConnectionState.DISCONNECTED.name() : state.name();
	}

	private static Map<String, Object> message(String type) {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("type", type);
		return message;
	}

	private static String write(Map<String, Object> message) {
		return JSON.writeValueAsString(message);
	}

	/**
	 * A block as the relay reports it.
	 * @param height its height
	 * @param hash its hash
	 * @param time its header's time, Unix seconds
	 */
	record Block(long height, String hash, long time) {

		static Block of(Notification.BlockChange change) {
			if (change instanceof Notification.BlockConnected connected) {
				return new Block(connected.height(), connected.hash(), connected.time());
			}
			Notification.BlockDisconnected disconnected = (Notification.BlockDisconnected) change;
			return new Block(disconnected.height(), disconnected.hash(), disconnected.time());
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("height", this.height);
			map.put("hash", this.hash);
			map.put("time", this.time);
			return map;
		}

	}

	/**
	 * The chain follower's position.
	 * @param height the height of the last block it handled
	 * @param lag how many blocks the node's tip is ahead of it
	 */
	record Follower(long height, long lag) {
	}

}
