package org.bitcoinrpc.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Core's {@code walletprocesspsbt}: the PSBT with what the wallet could add (input data,
 * signatures, and by default the final scripts).
 *
 * @param psbt the updated PSBT
 * @param complete whether the transaction is completely signed
 * @param hex the final transaction, ready for {@code sendrawtransaction}; Core 31 sends it only when
 * {@code complete} is true (and finalizing was not switched off)
 */
public record WalletProcessedPsbt(Psbt psbt, boolean complete, @Nullable TransactionHex hex) {
}
