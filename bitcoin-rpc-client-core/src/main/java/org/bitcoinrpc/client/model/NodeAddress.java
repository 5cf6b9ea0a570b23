package org.bitcoinrpc.client.model;

import org.jspecify.annotations.Nullable;

/**
 * An entry of {@code getnodeaddresses}: an address from the node's address manager.
 *
 * @param time when the address was last seen, Unix seconds
 * @param services the service bits the peer advertised
 * @param address the IP address (or onion/I2P name)
 * @param port the port
 * @param network {@code ipv4}, {@code ipv6}, {@code onion}, {@code i2p} or {@code cjdns} (Bitcoin Core only)
 */
public record NodeAddress(long time, long services, String address, int port, @Nullable String network) {
}
