package org.bitcoinrpc.client.model;

/**
 * Core's {@code getblockfilter}: a BIP 157 compact block filter (needs {@code -blockfilterindex}).
 *
 * @param filter the serialized filter, hex
 * @param header the filter header, hex
 */
public record BlockFilter(String filter, String header) {
}
