package org.bitcoinrpc.client.zmq;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.bitcoinrpc.client.BitcoinEvent;
import org.bitcoinrpc.client.Notification;

/**
 * Records what a subscriber delivers to both of its consumers, in one list in the order of the
 * calls, so tests can assert the exact sequence (blocks and ZMQ events interleaved).
 */
final class EventRecorder {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	void block(BitcoinEvent event) {
		this.events.add(event);
	}

	void event(ZmqEvent event) {
		this.events.add(event);
	}

	List<Object> all() {
		return List.copyOf(this.events);
	}

	<E> List<E> of(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** Block events only, as compact strings: {@code +hash} connected, {@code -hash} disconnected. */
	List<String> blocks() {
		return this.events.stream().map((event) -> {
			if (event instanceof Notification.BlockConnected connected) {
				return "+" + connected.hash();
			}
			if (event instanceof Notification.BlockDisconnected disconnected) {
				return "-" + disconnected.hash();
			}
			return null;
		}).filter((text) -> text != null).toList();
	}

	List<String> awaitBlocks(int count) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> blocks().size() >= count);
		return blocks();
	}

	<E> List<E> await(Class<E> type, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> of(type).size() >= count);
		return of(type);
	}

	static List<String> connected(List<String> hashes) {
		return hashes.stream().map((hash) -> "+" + hash).toList();
	}

	static List<String> disconnected(List<String> hashes) {
		return hashes.stream().map((hash) -> "-" + hash).toList();
	}

}
