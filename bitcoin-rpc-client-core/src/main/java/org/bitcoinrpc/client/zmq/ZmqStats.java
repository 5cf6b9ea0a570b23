package org.bitcoinrpc.client.zmq;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a {@link ZmqSubscriber}'s counters, for health checks and metrics. All counts are
 * since the subscriber started.
 *
 * @param messages messages received per subscribed topic (decodable ones)
 * @param gaps sequence gaps seen (each reported as a {@link ZmqEvent.NotificationGap})
 * @param missedMessages messages lost in those gaps, summed
 * @param sequenceResets times a topic's sequence number went backwards (the node restarted)
 * @param decodeErrors messages that did not have Core's shape and were skipped
 * @param reconnects times a socket connected again after its first connection
 * @param connectedEndpoints endpoints whose socket is connected now
 * @param endpoints endpoints subscribed to
 * @param lastMessageTime when the last message arrived, or {@code null} before the first
 */
public record ZmqStats(Map<ZmqTopic, Long> messages, long gaps, long missedMessages, long sequenceResets,
		long decodeErrors, long reconnects, int connectedEndpoints, int endpoints, @Nullable Instant lastMessageTime) {

	public ZmqStats {
		messages = Map.copyOf(messages);
	}

	/** Messages received on one topic (0 if it is not subscribed). */
	public long messages(ZmqTopic topic) {
		return this.messages.getOrDefault(topic, 0L);
	}

	/** Messages received on all topics. */
	public long totalMessages() {
		return this.messages.values().stream().mapToLong(Long::longValue).sum();
	}

}
