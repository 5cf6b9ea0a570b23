package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One deployment in btcd's {@code getblockchaininfo} {@code bip9_softforks} (Core moved these to
 * {@code getdeploymentinfo}).
 *
 * @param status {@code defined}, {@code started}, {@code lockedin}, {@code active} or {@code failed}
 * @param bit the version bit that signals it
 * @param startTime the start, Unix seconds ({@code start_time}; btcd sends Go's zero time,
 * -62135596800, for "always", and a deprecated {@code startTime} that is ignored)
 * @param timeout the timeout, Unix seconds
 * @param since the height of the last status change
 * @param minActivationHeight the lowest height at which it may activate
 */
public record Bip9SoftFork(String status, int bit, @JsonProperty("start_time") long startTime,
		long timeout, @Nullable Long since, @JsonProperty("min_activation_height") @Nullable Long minActivationHeight) {
}
