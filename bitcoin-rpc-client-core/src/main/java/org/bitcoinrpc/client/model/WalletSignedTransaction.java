package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code signrawtransactionwithwallet}: the transaction with the signatures the wallet could
 * make.
 *
 * @param hex the transaction with the signatures added
 * @param complete whether every input is signed
 * @param errors the inputs that could not be signed; Core 31 sends the member only when
 * {@code complete} is false
 */
public record WalletSignedTransaction(TransactionHex hex, boolean complete, @Nullable List<InputError> errors) {

	/**
	 * One input Core could not sign.
	 *
	 * @param txid the spent transaction's id
	 * @param vout the spent output's index
	 * @param witness the input's witness stack as it stands, hex items
	 * @param scriptSig the input's scriptSig as it stands, hex (empty for none)
	 * @param sequence the input's sequence number
	 * @param error why it was not signed, e.g. "Witness program hash mismatch" for an input of
	 * another wallet
	 */
	public record InputError(String txid, int vout, List<String> witness, @JsonProperty("scriptSig") String scriptSig,
			long sequence, String error) {
	}

}
