package org.bitcoinrpc.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Core's {@code send} and {@code sendall}: what became of the transaction.
 *
 * @param txid the transaction id; present when the transaction was complete and added to the wallet
 * (and broadcast), the default
 * @param complete whether every input was signed
 * @param hex the signed transaction; present only when complete and {@code add_to_wallet} was false
 * @param psbt the (partially) signed PSBT; present when more signatures are needed, or when
 * {@code add_to_wallet} was false (which the {@code psbt} option implies)
 */
public record SendResult(@Nullable String txid, boolean complete, @Nullable TransactionHex hex, @Nullable Psbt psbt) {
}
