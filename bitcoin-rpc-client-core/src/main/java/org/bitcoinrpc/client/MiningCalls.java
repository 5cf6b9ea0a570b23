package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.BlockTemplate;
import org.bitcoinrpc.client.model.MiningInfo;
import org.bitcoinrpc.client.model.PrioritisedTransaction;
import org.bitcoinrpc.client.model.SubmitBlockResult;
import org.bitcoinrpc.client.model.SmartFeeEstimate;
import tools.jackson.core.type.TypeReference;

/**
 * Mining and fee estimation. The nodes split here: btcd has {@code generate} and
 * {@code estimatefee}, Core has {@code generatetoaddress} and {@code estimatesmartfee} (each node
 * answers the other's with -32601, or -1 for btcd's unimplemented methods). btcd's CPU miner
 * ({@code getgenerate}, {@code setgenerate}, {@code gethashespersec}) is in {@link BtcdCalls}.
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
		return CallArguments.checked(() -> callAsync("generate", List.of(checkBlocks(blocks)), new TypeReference<List<String>>() {
		}));
	}

	@RpcMethod("generate")
	default List<String> generate(int blocks) {
		return RpcCalls.required(Futures.await(generateAsync(blocks)), "generate");
	}

	/** {@code generatetoaddress <blocks> <address>} (Core only, regtest): mines blocks paying the address. */
	@RpcMethod("generatetoaddress")
	default CompletableFuture<List<String>> generateToAddressAsync(int blocks, String address) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(address, "address must not be null");
			if (address.isBlank()) {
				throw new IllegalArgumentException("address must not be blank");
			}
			return callAsync("generatetoaddress", List.of(checkBlocks(blocks), address), new TypeReference<List<String>>() {
			});
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
		return CallArguments.checked(() -> callAsync("estimatesmartfee", List.of(checkTarget(confTarget, "confTarget")), SmartFeeEstimate.class));
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
		return CallArguments.checked(() -> callAsync("estimatefee", List.of(checkTarget(blocks, "blocks")), BigDecimal.class));
	}

	@RpcMethod("estimatefee")
	default BigDecimal estimateFee(int blocks) {
		return RpcCalls.required(Futures.await(estimateFeeAsync(blocks)), "estimatefee");
	}

	/**
	 * {@code getblocktemplate {"rules":["segwit"]}} (both nodes): a block template to mine on. See
	 * {@link BlockTemplate} for what each node leaves out.
	 */
	@RpcMethod("getblocktemplate")
	default CompletableFuture<BlockTemplate> getBlockTemplateAsync() {
		return getBlockTemplateAsync(BlockTemplateRequest.segwit());
	}

	@RpcMethod("getblocktemplate")
	default BlockTemplate getBlockTemplate() {
		return RpcCalls.required(Futures.await(getBlockTemplateAsync()), "getblocktemplate");
	}

	/**
	 * {@code getblocktemplate <request>} (both nodes), e.g. with the {@code coinbasetxn} capability
	 * on btcd. A {@code "proposal"} mode request answers a string or null, not a template: use
	 * {@link RpcCalls#callAsync(String, List, Class)} for it.
	 */
	@RpcMethod("getblocktemplate")
	default CompletableFuture<BlockTemplate> getBlockTemplateAsync(BlockTemplateRequest request) {
		return CallArguments.checked(() -> callAsync("getblocktemplate",
				List.of(CallArguments.checkNotNull(request, "request").toParam()), BlockTemplate.class));
	}

	@RpcMethod("getblocktemplate")
	default BlockTemplate getBlockTemplate(BlockTemplateRequest request) {
		return RpcCalls.required(Futures.await(getBlockTemplateAsync(request)), "getblocktemplate");
	}

	/**
	 * {@code getnetworkhashps} (both nodes): the estimated network hash rate, hashes per second,
	 * over the last 120 blocks.
	 */
	@RpcMethod("getnetworkhashps")
	default CompletableFuture<BigDecimal> getNetworkHashPsAsync() {
		return callAsync("getnetworkhashps", List.of(), BigDecimal.class);
	}

	@RpcMethod("getnetworkhashps")
	default BigDecimal getNetworkHashPs() {
		return RpcCalls.required(Futures.await(getNetworkHashPsAsync()), "getnetworkhashps");
	}

	/**
	 * {@code getnetworkhashps <blocks> <height>} (both nodes).
	 * @param blocks how many blocks to average over; {@code -1} (or 0) for those since the last
	 *     difficulty change
	 * @param height the height to estimate at; {@code -1} for the tip
	 */
	@RpcMethod("getnetworkhashps")
	default CompletableFuture<BigDecimal> getNetworkHashPsAsync(int blocks, int height) {
		return CallArguments.checked(() -> {
			if (blocks < -1) {
				throw new IllegalArgumentException("blocks must be -1 or more, was " + blocks);
			}
			if (height < -1) {
				throw new IllegalArgumentException("height must be -1 or more, was " + height);
			}
			return callAsync("getnetworkhashps", List.of(blocks, height), BigDecimal.class);
		});
	}

	@RpcMethod("getnetworkhashps")
	default BigDecimal getNetworkHashPs(int blocks, int height) {
		return RpcCalls.required(Futures.await(getNetworkHashPsAsync(blocks, height)), "getnetworkhashps");
	}

	/**
	 * {@code prioritisetransaction <txid> 0 <feeDelta>} (Bitcoin Core only): makes a transaction
	 * look as if it paid {@code feeDelta} more (or less) when mining. The result is {@code true}.
	 * @param feeDeltaSats the fee delta in <strong>satoshis</strong> (not BTC), may be negative
	 */
	@RpcMethod("prioritisetransaction")
	default CompletableFuture<Boolean> prioritiseTransactionAsync(String txid, long feeDeltaSats) {
		// The 0 is the removed priority delta: Core requires 0 (or null) there.
		return CallArguments.checked(() -> callAsync("prioritisetransaction",
				List.of(ChainCalls.checkHash(txid, "txid"), 0, feeDeltaSats), Boolean.class));
	}

	@RpcMethod("prioritisetransaction")
	default boolean prioritiseTransaction(String txid, long feeDeltaSats) {
		return RpcCalls.required(Futures.await(prioritiseTransactionAsync(txid, feeDeltaSats)),
				"prioritisetransaction");
	}

	/** {@code getprioritisedtransactions} (Bitcoin Core only): the fee deltas set, by txid. */
	@RpcMethod("getprioritisedtransactions")
	default CompletableFuture<Map<String, PrioritisedTransaction>> getPrioritisedTransactionsAsync() {
		return callAsync("getprioritisedtransactions", List.of(),
				new TypeReference<Map<String, PrioritisedTransaction>>() {
				});
	}

	@RpcMethod("getprioritisedtransactions")
	default Map<String, PrioritisedTransaction> getPrioritisedTransactions() {
		return RpcCalls.required(Futures.await(getPrioritisedTransactionsAsync()), "getprioritisedtransactions");
	}

	/**
	 * {@code submitblock <hex>} (both nodes). A block the node refuses for a reason it reports as a
	 * result, not an error (a known block: Core {@code "duplicate"}, btcd
	 * {@code "rejected: already have block <hash>"}), gives a {@link SubmitBlockResult} that is not
	 * {@linkplain SubmitBlockResult#isAccepted() accepted}. Undecodable bytes fail with -22.
	 * @param blockHex the serialized block, hex
	 */
	@RpcMethod("submitblock")
	default CompletableFuture<SubmitBlockResult> submitBlockAsync(String blockHex) {
		return CallArguments.checked(
				() -> callAsync("submitblock", List.of(ChainCalls.checkHex(blockHex, "blockHex")), String.class))
			.thenApply(SubmitBlockResult::new);
	}

	@RpcMethod("submitblock")
	default SubmitBlockResult submitBlock(String blockHex) {
		return Futures.await(submitBlockAsync(blockHex));
	}

	/**
	 * {@code submitheader <hex>} (Bitcoin Core only): adds a block header to the header tree; the
	 * result is {@code null}, an invalid header fails with -25, undecodable bytes with -22.
	 * @param headerHex the serialized 80-byte header, hex
	 */
	@RpcMethod("submitheader")
	default CompletableFuture<Void> submitHeaderAsync(String headerHex) {
		return CallArguments.checked(
				() -> callAsync("submitheader", List.of(ChainCalls.checkHex(headerHex, "headerHex")), Void.class));
	}

	@RpcMethod("submitheader")
	default void submitHeader(String headerHex) {
		Futures.await(submitHeaderAsync(headerHex));
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
