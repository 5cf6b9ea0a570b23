package org.bitcoinrpc.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Signalling statistics of a BIP 9 deployment in Core's {@code getdeploymentinfo}.
 *
 * @param period the length of a signalling period, blocks
 * @param threshold the signalling blocks needed to lock in; absent once locked in
 * @param elapsed the blocks of the current period so far
 * @param count the signalling blocks of the current period so far
 * @param possible whether the threshold can still be reached this period; absent once locked in
 */
public record Bip9Statistics(long period, @Nullable Long threshold, long elapsed, long count,
		@Nullable Boolean possible) {
}
