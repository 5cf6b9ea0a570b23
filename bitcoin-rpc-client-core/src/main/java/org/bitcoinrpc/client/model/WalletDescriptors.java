package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Core's {@code listdescriptors}: the descriptors of a descriptor wallet.
 *
 * @param walletName the wallet's name
 * @param descriptors its descriptors, sorted by descriptor text
 */
public record WalletDescriptors(@JsonProperty("wallet_name") String walletName, List<WalletDescriptor> descriptors) {
}
