package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.MiningInfo;
import org.bitcoinrpc.client.model.SmartFeeEstimate;
import tools.jackson.core.type.TypeReference;

/**
 * Mining and fee estimation. The nodes split here: btcd has {@code generate} and
 * {@code estimatefee}, Core has {@code generatetoaddress} and {@code estimatesmartfee} (each node
 * answers the other's with -32601, or -1 for btcd's unimplemented methods).
 */
public interface MiningCalls extends RpcCalls {

	/** {@code getmininginfo}. */
	@RpcMethod("getmininginfo")
	default CompletableFuture<MiningInfo> getMiningInfoAsync() {
		return callAsync("getmininginfo", List.of(), MiningInfo.class);
	}

	@RpcMethod("getmininginfo")
	default MiningInfo getMiningInfo() {
		return RpcCalls.required(Futures.await(getMiningInfoAsync()), "getmininginfo");
	}

	/**
	 * {@code generate <blocks>} (btcd only, on simnet/regtest with {@code --miningaddr}): mines
	 * blocks and returns their hashes. Core removed it; use {@link #generateToAddressAsync}.
	 */
	@RpcMethod("generate")
	default CompletableFuture<List<String>> generateAsync(int blocks) {
		return callAsync("generate", List.of(checkBlocks(blocks)), new TypeReference<List<String>>() {
		});
	}

	@RpcMethod("generate")
	default List<String> generate(int blocks) {
		return RpcCalls.required(Futures.await(generateAsync(blocks)), "generate");
	}

	/** {@code generatetoaddress <blocks> <address>} (Core only, regtest): mines blocks paying the address. */
	@RpcMethod("generatetoaddress")
	default CompletableFuture<List<String>> generateToAddressAsync(int blocks, String address) {
		Objects.requireNonNull(address, "address must not be null");
		if (address.isBlank()) {
			throw new IllegalArgumentException("address must not be blank");
		}
		return callAsync("generatetoaddress", List.of(checkBlocks(blocks), address), new TypeReference<List<String>>() {
		});
	}

	@RpcMethod("generatetoaddress")
	default List<String> generateToAddress(int blocks, String address) {
		return RpcCalls.required(Futures.await(generateToAddressAsync(blocks, address)), "generatetoaddress");
	}

	/**
	 * {@code estimatesmartfee <confTarget>} (Core only; btcd answers -32601). Without enough data
	 * the result has no fee rate, only {@link SmartFeeEstimate#errors()}.
	 */
	@RpcMethod("estimatesmartfee")
	default CompletableFuture<SmartFeeEstimate> estimateSmartFeeAsync(int confTarget) {
		return callAsync("estimatesmartfee", List.of(checkTarget(confTarget, "confTarget")), SmartFeeEstimate.class);
	}

	@RpcMethod("estimatesmartfee")
	default SmartFeeEstimate estimateSmartFee(int confTarget) {
		return RpcCalls.required(Futures.await(estimateSmartFeeAsync(confTarget)), "estimatesmartfee");
	}

	/**
	 * {@code estimatefee <blocks>} (btcd only; Core removed it): a fee rate in BTC/kB, read exactly
	 * as printed (btcd prints up to 17 significant digits, e.g. {@code 0.0004424778761061947}).
	 */
	@RpcMethod("estimatefee")
	default CompletableFuture<BigDecimal> estimateFeeAsync(int blocks) {
		return callAsync("estimatefee", List.of(checkTarget(blocks, "blocks")), BigDecimal.class);
	}

	@RpcMethod("estimatefee")
	default BigDecimal estimateFee(int blocks) {
		return RpcCalls.required(Futures.await(estimateFeeAsync(blocks)), "estimatefee");
	}

	private static int checkBlocks(int blocks) {
		if (blocks < 1) {
			throw new IllegalArgumentException("blocks must be at least 1, was " + blocks);
		}
		return blocks;
	}

	private static int checkTarget(int target, String argument) {
		if (target < 1) {
			throw new IllegalArgumentException(argument + " must be at least 1, was " + target);
		}
		return target;
	}

}
