package org.bitcoinrpc.client.model;

import org.jspecify.annotations.Nullable;

/**
 * {@code descriptorprocesspsbt} (and {@code walletprocesspsbt}), Core: the PSBT updated and signed
 * as far as the keys allow.
 *
 * @param psbt the updated PSBT
 * @param complete whether every input is signed (and finalized)
 * @param hex the network transaction; only when {@code complete}
 */
public record ProcessedPsbt(Psbt psbt, boolean complete, @Nullable TransactionHex hex) {
}
