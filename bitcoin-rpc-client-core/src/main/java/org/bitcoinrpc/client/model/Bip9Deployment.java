package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code bip9} member of a deployment in Core's {@code getdeploymentinfo}.
 *
 * @param bit the version bit that signals it; only while {@code started} or {@code locked_in}
 * @param startTime the start, Unix seconds ({@code start_time}; -1 means always active)
 * @param timeout the timeout, Unix seconds ({@code Long.MAX_VALUE} means never)
 * @param minActivationHeight the lowest height at which it may activate ({@code min_activation_height})
 * @param status {@code defined}, {@code started}, {@code locked_in}, {@code active} or {@code failed}
 * @param since the height of the first block with this status
 * @param statusNext the status for the next block ({@code status_next})
 * @param statistics the signalling statistics of the current period; only while {@code started}
 * or {@code locked_in}
 * @param signalling one character per block of the period, {@code #} signalling, {@code -} not;
 * only while {@code started} or {@code locked_in}
 */
public record Bip9Deployment(@Nullable Integer bit, @JsonProperty("start_time") long startTime, long timeout,
		@JsonProperty("min_activation_height") long minActivationHeight, String status, long since,
		@JsonProperty("status_next") String statusNext, @Nullable Bip9Statistics statistics,
		@Nullable String signalling) {
}
