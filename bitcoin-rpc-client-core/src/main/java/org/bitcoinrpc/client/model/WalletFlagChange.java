package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code setwalletflag}.
 *
 * @param flagName the flag, e.g. {@code avoid_reuse} ({@code flag_name})
 * @param flagState its new state ({@code flag_state})
 * @param warnings a warning as ONE string, not a list as in {@code createwallet}/{@code loadwallet}
 * (e.g. the hint to rescan after setting {@code avoid_reuse}); absent when there is none
 */
public record WalletFlagChange(@JsonProperty("flag_name") String flagName, @JsonProperty("flag_state") boolean flagState,
		@Nullable String warnings) {
}
