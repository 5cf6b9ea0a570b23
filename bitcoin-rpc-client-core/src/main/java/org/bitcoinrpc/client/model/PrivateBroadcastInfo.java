package org.bitcoinrpc.client.model;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code getprivatebroadcastinfo} (Core 31 and later): the transactions queued for private
 * broadcast ({@code -privatebroadcast}, over Tor or I2P). The recordings only show an empty queue
 * (no Tor or I2P there), so the entries are kept as JSON rather than guessed into a record.
 *
 * @param transactions the queued transactions, as the node sends them
 */
public record PrivateBroadcastInfo(List<JsonNode> transactions) {
}
