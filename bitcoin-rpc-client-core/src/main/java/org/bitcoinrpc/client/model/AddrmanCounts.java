package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A value of {@code getaddrmaninfo} (Bitcoin Core only), which is keyed by network ({@code ipv4},
 * {@code ipv6}, {@code onion}, {@code i2p}, {@code cjdns}) plus {@code all_networks}.
 *
 * @param newCount addresses in the "new" table (heard of, never connected)
 * @param tried addresses in the "tried" table (connected at least once)
 * @param total both tables together
 */
public record AddrmanCounts(@JsonProperty("new") long newCount, long tried, long total) {
}
