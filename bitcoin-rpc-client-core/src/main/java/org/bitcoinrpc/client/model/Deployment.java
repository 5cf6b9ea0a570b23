package org.bitcoinrpc.client.model;

import org.jspecify.annotations.Nullable;

/**
 * One deployment of Core's {@code getdeploymentinfo}.
 *
 * @param type {@code buried} (activation height fixed in the code) or {@code bip9}
 * @param height the height of the first block the rules apply to; absent for a {@code bip9}
 * deployment that is not active
 * @param active whether the rules apply to the next block
 * @param bip9 the BIP 9 state; only for {@code bip9} deployments
 */
public record Deployment(String type, @Nullable Long height, boolean active, @Nullable Bip9Deployment bip9) {
}
