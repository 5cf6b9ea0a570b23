package org.bitcoinrpc.client.model;

import org.jspecify.annotations.Nullable;

/**
 * {@code finalizepsbt} (Core). With extraction (the default) a complete PSBT comes back as the
 * network transaction, {@code hex}, and no {@code psbt}; otherwise, or when incomplete (not an
 * error), as {@code psbt}.
 *
 * @param psbt the PSBT, finalized as far as possible; absent when {@code hex} was extracted
 * @param hex the network transaction; only when complete and extracted
 * @param complete whether every input is finalized
 */
public record FinalizedPsbt(@Nullable Psbt psbt, @Nullable TransactionHex hex, boolean complete) {
}
