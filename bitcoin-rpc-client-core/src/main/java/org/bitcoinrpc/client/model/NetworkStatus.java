package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of the {@code networks} of Core's {@code getnetworkinfo}.
 *
 * @param name {@code ipv4}, {@code ipv6}, {@code onion}, {@code i2p} or {@code cjdns}
 * @param limited whether the node only connects through this network when told to
 * @param reachable whether the node can reach it
 * @param proxy the proxy used for it, {@code host:port}, or {@code ""}
 * @param proxyRandomizeCredentials whether random credentials are sent to the proxy
 */
public record NetworkStatus(String name, boolean limited, boolean reachable, String proxy,
		@JsonProperty("proxy_randomize_credentials") boolean proxyRandomizeCredentials) {
}
