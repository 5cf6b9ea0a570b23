package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One group of Core's {@code getbalances}, all BTC.
 *
 * @param trusted confirmed outputs, and unconfirmed ones from the wallet itself
 * @param untrustedPending unconfirmed outputs from others
 * @param immature coinbase outputs not yet mature
 * @param used outputs to reused addresses; only with {@code avoid_reuse}
 */
public record Balances(BigDecimal trusted, @JsonProperty("untrusted_pending") BigDecimal untrustedPending,
		BigDecimal immature, @Nullable BigDecimal used) {
}
