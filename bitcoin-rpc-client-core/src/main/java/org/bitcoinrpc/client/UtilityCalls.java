package org.bitcoinrpc.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.AddressValidation;

/**
 * Utility calls, on btcd and Bitcoin Core.
 */
public interface UtilityCalls extends RpcCalls {

	/**
	 * {@code validateaddress <address>}: an invalid address is a normal result with
	 * {@link AddressValidation#isValid()} false (Core adds the reason), not an error.
	 */
	@RpcMethod("validateaddress")
	default CompletableFuture<AddressValidation> validateAddressAsync(String address) {
		Objects.requireNonNull(address, "address must not be null");
		return callAsync("validateaddress", List.of(address), AddressValidation.class);
	}

	@RpcMethod("validateaddress")
	default AddressValidation validateAddress(String address) {
		return RpcCalls.required(Futures.await(validateAddressAsync(address)), "validateaddress");
	}

}
