package org.bitcoinrpc.client.zmq;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.jspecify.annotations.Nullable;

/**
 * The live counters behind {@link ZmqStats}. Written only by the receive thread; read by any
 * thread through {@link #snapshot()} (each value is atomic or volatile; a snapshot is not one
 * atomic cut, which is fine for metrics).
 */
final class ZmqCounters {

	private final Set<ZmqTopic> topics;

	private final int endpoints;

	private final AtomicLongArray messages = new AtomicLongArray(ZmqTopic.values().length);

	private final AtomicLong gaps = new AtomicLong();

	private final AtomicLong missed = new AtomicLong();

	private final AtomicLong resets = new AtomicLong();

	private final AtomicLong decodeErrors = new AtomicLong();

	private final AtomicLong reconnects = new AtomicLong();

	private final AtomicInteger connected = new AtomicInteger();

	/** Written by the receive thread, read by any. */
	private volatile @Nullable Instant lastMessageTime;

	ZmqCounters(Set<ZmqTopic> topics, int endpoints) {
		this.topics = Set.copyOf(topics);
		this.endpoints = endpoints;
	}

	void message(ZmqTopic topic, Instant at) {
		this.messages.incrementAndGet(topic.ordinal());
		this.lastMessageTime = at;
	}

	void received(Instant at) {
		this.lastMessageTime = at;
	}

	void gap(long missedMessages) {
		this.gaps.incrementAndGet();
		this.missed.addAndGet(missedMessages);
	}

	void sequenceReset() {
		this.resets.incrementAndGet();
	}

	void decodeError() {
		this.decodeErrors.incrementAndGet();
	}

	void reconnect() {
		this.reconnects.incrementAndGet();
	}

	void connected(int endpointsConnected) {
		this.connected.set(endpointsConnected);
	}

	ZmqStats snapshot() {
		Map<ZmqTopic, Long> counts = new EnumMap<>(ZmqTopic.class);
		for (ZmqTopic topic : this.topics) {
			counts.put(topic, this.messages.get(topic.ordinal()));
		}
		return new ZmqStats(counts, this.gaps.get(), this.missed.get(), this.resets.get(), this.decodeErrors.get(),
				this.reconnects.get(), this.connected.get(), this.endpoints, this.lastMessageTime);
	}

}
