package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry of {@code listbanned} (Bitcoin Core only). Times are Unix seconds, durations seconds.
 *
 * @param address the banned subnet, always with its prefix length ({@code 127.0.0.1/32})
 * @param banCreated when the ban was set
 * @param bannedUntil when the ban ends
 * @param banDuration the ban's length
 * @param timeRemaining the seconds left
 */
public record BannedSubnet(String address, @JsonProperty("ban_created") long banCreated,
		@JsonProperty("banned_until") long bannedUntil, @JsonProperty("ban_duration") long banDuration,
		@JsonProperty("time_remaining") long timeRemaining) {
}
