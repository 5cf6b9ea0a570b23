package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code listsinceblock}: the wallet's transactions since a block, and the block to ask
 * from next time.
 *
 * @param transactions the entries of transactions in blocks after the given one (all when none
 * was given) and of unconfirmed ones, which Core lists first
 * @param removed entries of transactions in blocks that a reorganisation took out of the active
 * chain since the given block, in their <em>current</em> state (a transaction mined again shows
 * its new block and confirmations); present only with {@code include_removed}, which is Core's
 * default, so {@code null} only when it was turned off
 * @param lastBlock the block {@code target_confirmations - 1} below the tip: pass it to the next
 * call
 */
public record TransactionsSinceBlock(List<WalletTransactionEntry> transactions,
		@Nullable List<WalletTransactionEntry> removed, @JsonProperty("lastblock") String lastBlock) {
}
