package org.bitcoinrpc.client.model;

/**
 * One entry of the {@code localaddresses} of Core's {@code getnetworkinfo}.
 *
 * @param address the address the node believes it is reachable at
 * @param port its port
 * @param score how often it was confirmed by peers
 */
public record LocalAddress(String address, int port, long score) {
}
