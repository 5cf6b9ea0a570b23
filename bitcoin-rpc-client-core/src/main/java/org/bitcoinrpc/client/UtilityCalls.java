package org.bitcoinrpc.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.AddressValidation;
import org.bitcoinrpc.client.model.Descriptor;
import org.bitcoinrpc.client.model.DescriptorInfo;
import org.bitcoinrpc.client.model.IndexInfo;
import org.bitcoinrpc.client.model.MultisigAddress;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

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
		return CallArguments.checked(() -> {
			Objects.requireNonNull(address, "address must not be null");
			return callAsync("validateaddress", List.of(address), AddressValidation.class);
		});
	}

	@RpcMethod("validateaddress")
	default AddressValidation validateAddress(String address) {
		return RpcCalls.required(Futures.await(validateAddressAsync(address)), "validateaddress");
	}

	/**
	 * {@code createmultisig nrequired [keys] address_type} (Core): an m-of-n multisig address,
	 * no wallet involved. A key that is not hex is -5.
	 * @param required how many signatures are needed, at least 1
	 * @param publicKeys the public keys, hex
	 * @param addressType {@code "legacy"} (P2SH), {@code "p2sh-segwit"} or {@code "bech32"}
	 * (P2WSH), or {@code null} for Core's default, legacy
	 * @return the address, its script and descriptor
	 */
	@RpcMethod("createmultisig")
	default CompletableFuture<MultisigAddress> createMultisigAsync(int required, List<String> publicKeys,
			@Nullable String addressType) {
		return CallArguments.checked(() -> {
			if (required < 1) {
				throw new IllegalArgumentException("required must be at least 1, was " + required);
			}
			List<String> keys = TransactionCalls.nonEmpty(publicKeys, "publicKeys");
			return callAsync("createmultisig", RpcCalls.params(required, keys, addressType), MultisigAddress.class);
		});
	}

	@RpcMethod("createmultisig")
	default MultisigAddress createMultisig(int required, List<String> publicKeys, @Nullable String addressType) {
		return RpcCalls.required(Futures.await(createMultisigAsync(required, publicKeys, addressType)),
				"createmultisig");
	}

	/**
	 * {@code deriveaddresses <descriptor>} (Core): the address of a descriptor that is not
	 * ranged (a ranged one without a range is -8). The descriptor needs its checksum.
	 */
	@RpcMethod("deriveaddresses")
	default CompletableFuture<List<String>> deriveAddressesAsync(Descriptor descriptor) {
		return CallArguments.checked(() -> callAsync("deriveaddresses", List.of(Objects.requireNonNull(descriptor, "descriptor must not be null")),
				new TypeReference<List<String>>() {
				}));
	}

	@RpcMethod("deriveaddresses")
	default List<String> deriveAddresses(Descriptor descriptor) {
		return RpcCalls.required(Futures.await(deriveAddressesAsync(descriptor)), "deriveaddresses");
	}

	/**
	 * {@code deriveaddresses <descriptor> [begin, end]} (Core): the addresses of a ranged
	 * descriptor at indexes {@code begin} to {@code end}, <b>both included</b>.
	 */
	@RpcMethod("deriveaddresses")
	default CompletableFuture<List<String>> deriveAddressesAsync(Descriptor descriptor, int begin, int end) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(descriptor, "descriptor must not be null");
			if (begin < 0) {
				throw new IllegalArgumentException("begin must not be negative, was " + begin);
			}
			if (end < begin) {
				throw new IllegalArgumentException("end must not be below begin, was " + end + " < " + begin);
			}
			return callAsync("deriveaddresses", List.of(descriptor, List.of(begin, end)),
					new TypeReference<List<String>>() {
					});
		});
	}

	@RpcMethod("deriveaddresses")
	default List<String> deriveAddresses(Descriptor descriptor, int begin, int end) {
		return RpcCalls.required(Futures.await(deriveAddressesAsync(descriptor, begin, end)), "deriveaddresses");
	}

	/**
	 * {@code getdescriptorinfo <descriptor>} (Core): the descriptor in canonical form with its
	 * checksum. An invalid one is -5 with the parser's message.
	 */
	@RpcMethod("getdescriptorinfo")
	default CompletableFuture<DescriptorInfo> getDescriptorInfoAsync(Descriptor descriptor) {
		return CallArguments.checked(() -> callAsync("getdescriptorinfo",
				List.of(Objects.requireNonNull(descriptor, "descriptor must not be null")), DescriptorInfo.class));
	}

	@RpcMethod("getdescriptorinfo")
	default DescriptorInfo getDescriptorInfo(Descriptor descriptor) {
		return RpcCalls.required(Futures.await(getDescriptorInfoAsync(descriptor)), "getdescriptorinfo");
	}

	/**
	 * {@code getindexinfo} (Core): the enabled optional indexes, by name ({@code txindex},
	 * {@code coinstatsindex}, {@code txospenderindex}, {@code basic block filter index}); empty
	 * when none is enabled.
	 */
	@RpcMethod("getindexinfo")
	default CompletableFuture<Map<String, IndexInfo>> getIndexInfoAsync() {
		return callAsync("getindexinfo", List.of(), new TypeReference<Map<String, IndexInfo>>() {
		});
	}

	@RpcMethod("getindexinfo")
	default Map<String, IndexInfo> getIndexInfo() {
		return RpcCalls.required(Futures.await(getIndexInfoAsync()), "getindexinfo");
	}

	/**
	 * {@code getindexinfo <name>} (Core): one index; an empty map when it is not enabled.
	 * @param indexName e.g. {@code "txindex"}
	 */
	@RpcMethod("getindexinfo")
	default CompletableFuture<Map<String, IndexInfo>> getIndexInfoAsync(String indexName) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(indexName, "indexName must not be null");
			return callAsync("getindexinfo", List.of(indexName), new TypeReference<Map<String, IndexInfo>>() {
			});
		});
	}

	@RpcMethod("getindexinfo")
	default Map<String, IndexInfo> getIndexInfo(String indexName) {
		return RpcCalls.required(Futures.await(getIndexInfoAsync(indexName)), "getindexinfo");
	}

	/**
	 * {@code signmessagewithprivkey <wif> <message>}, on both nodes: a compact signature, base64.
	 * The key is sent to the node: only to one you trust, locally or over TLS. A malformed key
	 * is -5 on btcd; the client never logs params, so the key stays out of its logs.
	 * @param privateKey the private key, WIF
	 * @param message the message
	 * @return the signature, base64
	 */
	@RpcMethod("signmessagewithprivkey")
	default CompletableFuture<String> signMessageWithPrivKeyAsync(String privateKey, String message) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(privateKey, "privateKey must not be null");
			Objects.requireNonNull(message, "message must not be null");
			return callAsync("signmessagewithprivkey", List.of(privateKey, message), String.class);
		});
	}

	@RpcMethod("signmessagewithprivkey")
	default String signMessageWithPrivKey(String privateKey, String message) {
		return RpcCalls.required(Futures.await(signMessageWithPrivKeyAsync(privateKey, message)),
				"signmessagewithprivkey");
	}

	/**
	 * {@code verifymessage <address> <signature> <message>}, on both nodes. A signature that does
	 * not match is {@code false}, not an error; one that is not base64 is an error: -3 on Core,
	 * -32700 on btcd.
	 */
	@RpcMethod("verifymessage")
	default CompletableFuture<Boolean> verifyMessageAsync(String address, String signature, String message) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(address, "address must not be null");
			Objects.requireNonNull(signature, "signature must not be null");
			Objects.requireNonNull(message, "message must not be null");
			return callAsync("verifymessage", List.of(address, signature, message), Boolean.class);
		});
	}

	@RpcMethod("verifymessage")
	default boolean verifyMessage(String address, String signature, String message) {
		return RpcCalls.required(Futures.await(verifyMessageAsync(address, signature, message)), "verifymessage");
	}

}
