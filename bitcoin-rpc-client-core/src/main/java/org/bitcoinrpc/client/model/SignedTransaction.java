package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * {@code signrawtransactionwithkey} (and {@code signrawtransactionwithwallet}): the transaction
 * with what signatures could be made.
 *
 * @param hex the transaction, hex, signed as far as possible
 * @param complete whether every input is signed
 * @param errors the inputs that could not be signed; absent when there are none
 */
public record SignedTransaction(TransactionHex hex, boolean complete, @Nullable List<SigningError> errors) {

	/**
	 * One input that could not be signed.
	 *
	 * @param txid the spent output's transaction id
	 * @param vout the spent output's index
	 * @param witness the input's witness items, hex
	 * @param scriptSig the input's signature script, hex
	 * @param sequence the input's sequence number
	 * @param error why it could not be signed
	 */
	public record SigningError(String txid, int vout, @Nullable List<String> witness,
			@JsonProperty("scriptSig") @Nullable String scriptSig,
			@Nullable Long sequence, String error) {
	}

}
