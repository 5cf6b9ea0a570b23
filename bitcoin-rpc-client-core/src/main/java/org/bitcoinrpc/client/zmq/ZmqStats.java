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
 * @param duplicateBlocks block messages skipped because the block was already delivered
 * @param catchUps catch-ups over RPC that completed (including the one at start)
 * @param failedCatchUps block look-ups or catch-ups whose RPC calls failed (retried later)
 * @param reconnects times a socket connected again after its first connection
 * @param connectedEndpoints endpoints whose socket is connected now
 * @param endpoints endpoints subscribed to
 * @param lastMessageTime when the last message arrived, or {@code null} before the first
 * @param tipHash the block the subscriber's view ends at (last delivered, or the starting point),
 * or {@code null} before the first catch-up or when no block topic is configured
 * @param tipHeight its height, or -1
 */
public record ZmqStats(Map<ZmqTopic, Long> messages, long gaps, long missedMessages, long sequenceResets,
		long decodeErrors, long duplicateBlocks, long catchUps, long failedCatchUps, long reconnects,
		int connectedEndpoints, int endpoints, @Nullable Instant lastMessageTime, @Nullable String tipHash,
		long tipHeight) {

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
