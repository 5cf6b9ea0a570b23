package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code getbalances}.
 *
 * @param mine the balances of the wallet's own outputs
 * @param watchOnly the balances of watch-only outputs (legacy wallets only)
 * @param lastProcessedBlock the block the balances refer to
 */
public record WalletBalances(Balances mine, @JsonProperty("watchonly") @Nullable Balances watchOnly,
		@JsonProperty("lastprocessedblock") @Nullable BlockRef lastProcessedBlock) {
}
