package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.DecodedScript;
import org.bitcoinrpc.client.model.FundOptions;
import org.bitcoinrpc.client.model.FundedTransaction;
import org.bitcoinrpc.client.model.MempoolAcceptResult;
import org.bitcoinrpc.client.model.Outputs;
import org.bitcoinrpc.client.model.PackageSubmission;
import org.bitcoinrpc.client.model.PrevTx;
import org.bitcoinrpc.client.model.PrivateBroadcastInfo;
import org.bitcoinrpc.client.model.RawTransaction;
import org.bitcoinrpc.client.model.RawTransactionOptions;
import org.bitcoinrpc.client.model.RawTxInput;
import org.bitcoinrpc.client.model.SearchOptions;
import org.bitcoinrpc.client.model.SearchedTransaction;
import org.bitcoinrpc.client.model.SignedTransaction;
import org.bitcoinrpc.client.model.TransactionHex;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Calls about single transactions (Core's "rawtransactions" category but the PSBT calls, which
 * are in {@link PsbtCalls}), on btcd and Bitcoin Core. Verbosity is always sent as an integer:
 * btcd rejects booleans (-32602), Core accepts both.
 */
public interface TransactionCalls extends RpcCalls {

	/** Core's default {@code maxfeerate} for {@code testmempoolaccept}, 0.10 BTC/kvB, sent explicitly because btcd requires it. */
	BigDecimal DEFAULT_MAX_FEE_RATE = new BigDecimal("0.1");

	/**
	 * {@code getrawtransaction <txid> 0}: the serialized transaction, hex. A confirmed transaction
	 * is only found with a transaction index ({@code --txindex} / {@code -txindex}); else -5.
	 */
	@RpcMethod("getrawtransaction")
	default CompletableFuture<String> getRawTransactionHexAsync(String txid) {
		return CallArguments.checked(() -> callAsync("getrawtransaction", List.of(ChainCalls.checkHash(txid, "txid"), 0), String.class));
	}

	@RpcMethod("getrawtransaction")
	default String getRawTransactionHex(String txid) {
		return RpcCalls.required(Futures.await(getRawTransactionHexAsync(txid)), "getrawtransaction");
	}

	/**
	 * {@code getrawtransaction <txid> 1}: the decoded transaction. {@code blockhash},
	 * {@code confirmations}, {@code time} and {@code blocktime} are absent while it is in the
	 * mempool.
	 */
	@RpcMethod("getrawtransaction")
	default CompletableFuture<RawTransaction> getRawTransactionAsync(String txid) {
		return CallArguments.checked(() -> callAsync("getrawtransaction", List.of(ChainCalls.checkHash(txid, "txid"), 1), RawTransaction.class));
	}

	@RpcMethod("getrawtransaction")
	default RawTransaction getRawTransaction(String txid) {
		return RpcCalls.required(Futures.await(getRawTransactionAsync(txid)), "getrawtransaction");
	}

	/**
	 * {@code getrawtransaction <txid> 2} (Core 25 and later): as {@link #getRawTransactionAsync},
	 * plus {@link RawTransaction#fee()} and each input's {@link org.bitcoinrpc.client.model.TxInput#prevout()}.
	 * btcd treats any non-zero verbosity like 1, so both stay {@code null} there.
	 */
	@RpcMethod("getrawtransaction")
	default CompletableFuture<RawTransaction> getRawTransactionWithPrevoutsAsync(String txid) {
		return CallArguments.checked(() -> callAsync("getrawtransaction", List.of(ChainCalls.checkHash(txid, "txid"), 2), RawTransaction.class));
	}

	@RpcMethod("getrawtransaction")
	default RawTransaction getRawTransactionWithPrevouts(String txid) {
		return RpcCalls.required(Futures.await(getRawTransactionWithPrevoutsAsync(txid)), "getrawtransaction");
	}

	/**
	 * {@code decoderawtransaction <hex>}: the transaction decoded without looking it up. btcd
	 * leaves out {@code hash}, {@code size}, {@code vsize}, {@code weight} and {@code hex}.
	 */
	@RpcMethod("decoderawtransaction")
	default CompletableFuture<RawTransaction> decodeRawTransactionAsync(String hex) {
		return CallArguments.checked(() -> callAsync("decoderawtransaction", List.of(ChainCalls.checkHex(hex, "hex")), RawTransaction.class));
	}

	@RpcMethod("decoderawtransaction")
	default RawTransaction decodeRawTransaction(String hex) {
		return RpcCalls.required(Futures.await(decodeRawTransactionAsync(hex)), "decoderawtransaction");
	}

	/**
	 * {@code sendrawtransaction <hex>}: submits a signed transaction and returns its txid. Sending
	 * one that is already in the mempool returns its txid again on Core, but fails with -26 on
	 * btcd. Not resent after a lost connection by the default {@link ResendPolicy}.
	 */
	@RpcMethod("sendrawtransaction")
	default CompletableFuture<String> sendRawTransactionAsync(String hex) {
		return CallArguments.checked(() -> callAsync("sendrawtransaction", List.of(ChainCalls.checkHex(hex, "hex")), String.class));
	}

	@RpcMethod("sendrawtransaction")
	default String sendRawTransaction(String hex) {
		return RpcCalls.required(Futures.await(sendRawTransactionAsync(hex)), "sendrawtransaction");
	}

	/**
	 * {@code testmempoolaccept [hexes] maxfeerate}: whether each transaction would be accepted,
	 * without submitting it. btcd requires {@code maxfeerate} (Core defaults it), so a {@code null}
	 * {@code maxFeeRate} sends Core's default, {@link #DEFAULT_MAX_FEE_RATE} (0.1 BTC/kvB).
	 * Undecodable hex fails the whole call (-22).
	 */
	@RpcMethod("testmempoolaccept")
	default CompletableFuture<List<MempoolAcceptResult>> testMempoolAcceptAsync(List<String> hexes,
			@Nullable BigDecimal maxFeeRate) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(hexes, "hexes must not be null");
			if (hexes.isEmpty()) {
				throw new IllegalArgumentException("hexes must not be empty");
			}
			hexes.forEach((hex) -> ChainCalls.checkHex(hex, "hexes element"));
			BigDecimal rate = (maxFeeRate != null) ? maxFeeRate : DEFAULT_MAX_FEE_RATE;
			if (rate.signum() < 0) {
				throw new IllegalArgumentException("maxFeeRate must not be negative, was " + rate);
			}
			return callAsync("testmempoolaccept", List.of(List.copyOf(hexes), rate),
					new TypeReference<List<MempoolAcceptResult>>() {
					});
		});
	}

	@RpcMethod("testmempoolaccept")
	default List<MempoolAcceptResult> testMempoolAccept(List<String> hexes, @Nullable BigDecimal maxFeeRate) {
		return RpcCalls.required(Futures.await(testMempoolAcceptAsync(hexes, maxFeeRate)), "testmempoolaccept");
	}

	/**
	 * {@code createrawtransaction [inputs] [outputs] locktime replaceable version} (Core): an
	 * unsigned transaction, outputs sent as Core's ordered array ({@link Outputs#asArray()}), so
	 * they keep their order and may include a data output. The inputs may be empty, for
	 * {@link #fundRawTransaction} to add. For btcd use {@link #createRawTransactionBtcd}.
	 * @param inputs the outputs to spend, possibly none
	 * @param outputs the outputs to create
	 * @param options lock time, replaceability and version, or {@code null} for Core's defaults
	 * @return the transaction
	 */
	@RpcMethod("createrawtransaction")
	default CompletableFuture<TransactionHex> createRawTransactionAsync(List<RawTxInput> inputs, Outputs outputs,
			@Nullable RawTransactionOptions options) {
		return CallArguments.checked(() -> {
			List<RawTxInput> in = List.copyOf(Objects.requireNonNull(inputs, "inputs must not be null"));
			Objects.requireNonNull(outputs, "outputs must not be null");
			RawTransactionOptions o = (options != null) ? options : RawTransactionOptions.DEFAULTS;
			return callAsync("createrawtransaction",
					RpcCalls.params(in, outputs.asArray(), o.lockTime(), o.replaceable(), o.version()),
					TransactionHex.class);
		});
	}

	@RpcMethod("createrawtransaction")
	default TransactionHex createRawTransaction(List<RawTxInput> inputs, Outputs outputs,
			@Nullable RawTransactionOptions options) {
		return RpcCalls.required(Futures.await(createRawTransactionAsync(inputs, outputs, options)),
				"createrawtransaction");
	}

	/**
	 * {@code createrawtransaction [inputs] {outputs} locktime} in btcd's form: outputs as one
	 * object, address to amount ({@link Outputs#asObject()}); btcd takes no array and no data
	 * output. Core accepts this form too. btcd ignores an input's {@code sequence}: a lock time
	 * makes every input's sequence {@code 0xfffffffe}, else {@code 0xffffffff}.
	 * @param inputs the outputs to spend
	 * @param outputs the outputs to create, payments only
	 * @param lockTime the lock time, or {@code null} for 0
	 * @return the transaction
	 * @throws IllegalArgumentException if {@code outputs} has a data output
	 */
	@RpcMethod("createrawtransaction")
	default CompletableFuture<TransactionHex> createRawTransactionBtcdAsync(List<RawTxInput> inputs, Outputs outputs,
			@Nullable Long lockTime) {
		return CallArguments.checked(() -> {
			List<RawTxInput> in = List.copyOf(Objects.requireNonNull(inputs, "inputs must not be null"));
			Objects.requireNonNull(outputs, "outputs must not be null");
			if (outputs.hasData()) {
				throw new IllegalArgumentException("outputs must not have a data output: btcd has no form for it");
			}
			if (lockTime != null && (lockTime < 0 || lockTime > 0xffffffffL)) {
				throw new IllegalArgumentException("lockTime must be an unsigned 32-bit number, was " + lockTime);
			}
			return callAsync("createrawtransaction", RpcCalls.params(in, outputs.asObject(), lockTime),
					TransactionHex.class);
		});
	}

	@RpcMethod("createrawtransaction")
	default TransactionHex createRawTransactionBtcd(List<RawTxInput> inputs, Outputs outputs, @Nullable Long lockTime) {
		return RpcCalls.required(Futures.await(createRawTransactionBtcdAsync(inputs, outputs, lockTime)),
				"createrawtransaction");
	}

	/**
	 * {@code combinerawtransaction [hexes]} (Core): one transaction with the signatures of all the
	 * versions of it given (-22 when one cannot be decoded).
	 */
	@RpcMethod("combinerawtransaction")
	default CompletableFuture<TransactionHex> combineRawTransactionAsync(List<TransactionHex> transactions) {
		return CallArguments.checked(() -> callAsync("combinerawtransaction", List.of(nonEmpty(transactions, "transactions")),
				TransactionHex.class));
	}

	@RpcMethod("combinerawtransaction")
	default TransactionHex combineRawTransaction(List<TransactionHex> transactions) {
		return RpcCalls.required(Futures.await(combineRawTransactionAsync(transactions)), "combinerawtransaction");
	}

	/**
	 * {@code decodescript <hex>}, on both nodes. btcd adds {@code reqSigs} and {@code addresses};
	 * Core adds {@code desc} and the P2WSH form ({@code segwit}). The hex may be empty (the
	 * empty script).
	 */
	@RpcMethod("decodescript")
	default CompletableFuture<DecodedScript> decodeScriptAsync(String hex) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(hex, "hex must not be null");
			if ((hex.length() & 1) != 0 || !hex.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
				throw new IllegalArgumentException("hex must be an even number of hex characters");
			}
			return callAsync("decodescript", List.of(hex), DecodedScript.class);
		});
	}

	@RpcMethod("decodescript")
	default DecodedScript decodeScript(String hex) {
		return RpcCalls.required(Futures.await(decodeScriptAsync(hex)), "decodescript");
	}

	/**
	 * {@code signrawtransactionwithkey <hex> [keys] [prevtxs] sighashtype} (Core): signs with the
	 * given private keys (WIF), not the wallet's. Without {@code prevTxs} the spent outputs are
	 * looked up in the UTXO set and mempool. An input that cannot be signed is not an error: see
	 * {@link SignedTransaction#errors()}. A malformed key is -5.
	 * @param transaction the transaction to sign
	 * @param privateKeys the keys, WIF (sent to the node: only to a node you trust, over TLS or
	 * locally)
	 * @param prevTxs the spent outputs, or {@code null} to look them up
	 * @param sighashType e.g. {@code "ALL"}, or {@code null} for Core's {@code "DEFAULT"}
	 * @return the signed transaction
	 */
	@RpcMethod("signrawtransactionwithkey")
	default CompletableFuture<SignedTransaction> signRawTransactionWithKeyAsync(TransactionHex transaction,
			List<String> privateKeys, @Nullable List<PrevTx> prevTxs, @Nullable String sighashType) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(transaction, "transaction must not be null");
			List<String> keys = nonEmpty(privateKeys, "privateKeys");
			return callAsync("signrawtransactionwithkey", RpcCalls.params(transaction, keys,
					(prevTxs != null) ? List.copyOf(prevTxs) : null, sighashType), SignedTransaction.class);
		});
	}

	@RpcMethod("signrawtransactionwithkey")
	default SignedTransaction signRawTransactionWithKey(TransactionHex transaction, List<String> privateKeys,
			@Nullable List<PrevTx> prevTxs, @Nullable String sighashType) {
		return RpcCalls.required(
				Futures.await(signRawTransactionWithKeyAsync(transaction, privateKeys, prevTxs, sighashType)),
				"signrawtransactionwithkey");
	}

	/**
	 * {@code fundrawtransaction <hex> options} (Core, a <b>wallet</b> call: use
	 * {@code client.wallet(name)}): adds inputs and change from the wallet. Not enough funds is
	 * -4 here ({@link RpcWalletException}), not -6 as for {@code sendtoaddress}.
	 * @param transaction the transaction, possibly without inputs
	 * @param options the options, or {@code null} (or {@link FundOptions#DEFAULTS}) to send none
	 * @return the funded transaction, unsigned
	 */
	@RpcMethod("fundrawtransaction")
	default CompletableFuture<FundedTransaction> fundRawTransactionAsync(TransactionHex transaction,
			@Nullable FundOptions options) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(transaction, "transaction must not be null");
			// No options object at all when none is set: what the recordings show.
			FundOptions sent = (options != null && !options.equals(FundOptions.DEFAULTS)) ? options : null;
			return callAsync("fundrawtransaction", RpcCalls.params(transaction, sent), FundedTransaction.class);
		});
	}

	@RpcMethod("fundrawtransaction")
	default FundedTransaction fundRawTransaction(TransactionHex transaction, @Nullable FundOptions options) {
		return RpcCalls.required(Futures.await(fundRawTransactionAsync(transaction, options)), "fundrawtransaction");
	}

	/**
	 * {@code submitpackage [hexes] maxfeerate maxburnamount} (Core): submits related transactions
	 * together, parents before the child. A wrong order is -25 ({@link RpcTransactionRejectedException}).
	 * @param transactions the package, topologically sorted
	 * @param maxFeeRate the highest fee rate accepted, BTC/kvB, or {@code null} for Core's 0.10
	 * @param maxBurnAmount the most that may go to unspendable outputs, BTC, or {@code null} for 0
	 * @return per transaction, what happened
	 */
	@RpcMethod("submitpackage")
	default CompletableFuture<PackageSubmission> submitPackageAsync(List<TransactionHex> transactions,
			@Nullable BigDecimal maxFeeRate, @Nullable BigDecimal maxBurnAmount) {
		return CallArguments.checked(() -> {
			List<TransactionHex> txs = nonEmpty(transactions, "transactions");
			if (maxFeeRate != null && maxFeeRate.signum() < 0) {
				throw new IllegalArgumentException("maxFeeRate must not be negative, was " + maxFeeRate);
			}
			if (maxBurnAmount != null && maxBurnAmount.signum() < 0) {
				throw new IllegalArgumentException("maxBurnAmount must not be negative, was " + maxBurnAmount);
			}
			return callAsync("submitpackage", RpcCalls.params(txs, maxFeeRate, maxBurnAmount), PackageSubmission.class);
		});
	}

	@RpcMethod("submitpackage")
	default PackageSubmission submitPackage(List<TransactionHex> transactions, @Nullable BigDecimal maxFeeRate,
			@Nullable BigDecimal maxBurnAmount) {
		return RpcCalls.required(Futures.await(submitPackageAsync(transactions, maxFeeRate, maxBurnAmount)),
				"submitpackage");
	}

	/**
	 * {@code getprivatebroadcastinfo} (Core 31 and later): the private broadcast queue.
	 */
	@RpcMethod("getprivatebroadcastinfo")
	default CompletableFuture<PrivateBroadcastInfo> getPrivateBroadcastInfoAsync() {
		return callAsync("getprivatebroadcastinfo", List.of(), PrivateBroadcastInfo.class);
	}

	@RpcMethod("getprivatebroadcastinfo")
	default PrivateBroadcastInfo getPrivateBroadcastInfo() {
		return RpcCalls.required(Futures.await(getPrivateBroadcastInfoAsync()), "getprivatebroadcastinfo");
	}

	/**
	 * {@code abortprivatebroadcast <id>} (Core 31 and later): removes a transaction from the
	 * private broadcast queue; one not queued is -5 ({@link RpcInvalidAddressOrKeyException}). The
	 * result is returned as JSON: only the error has been recorded.
	 * @param id the transaction's txid or wtxid
	 * @return the node's answer, as JSON
	 */
	@RpcMethod("abortprivatebroadcast")
	default CompletableFuture<JsonNode> abortPrivateBroadcastAsync(String id) {
		return CallArguments.checked(() -> callAsync("abortprivatebroadcast", List.of(ChainCalls.checkHash(id, "id")), JsonNode.class));
	}

	@RpcMethod("abortprivatebroadcast")
	default JsonNode abortPrivateBroadcast(String id) {
		return RpcCalls.required(Futures.await(abortPrivateBroadcastAsync(id)), "abortprivatebroadcast");
	}

	/**
	 * {@code searchrawtransactions <address>} (btcd, needs {@code --addrindex}): up to 100
	 * transactions paying or spending the address, oldest first, decoded. An address never seen
	 * is -5 ("No information available about address"), not an empty list.
	 */
	@RpcMethod("searchrawtransactions")
	default CompletableFuture<List<SearchedTransaction>> searchRawTransactionsAsync(String address) {
		return CallArguments.checked(() -> callAsync("searchrawtransactions", List.of(checkAddress(address)),
				new TypeReference<List<SearchedTransaction>>() {
				}));
	}

	@RpcMethod("searchrawtransactions")
	default List<SearchedTransaction> searchRawTransactions(String address) {
		return RpcCalls.required(Futures.await(searchRawTransactionsAsync(address)), "searchrawtransactions");
	}

	/**
	 * {@code searchrawtransactions <address> 1 skip count vinextra reverse filteraddrs} (btcd):
	 * as {@link #searchRawTransactionsAsync(String)}, a page of them.
	 */
	@RpcMethod("searchrawtransactions")
	default CompletableFuture<List<SearchedTransaction>> searchRawTransactionsAsync(String address,
			SearchOptions options) {
		return CallArguments.checked(() -> callAsync("searchrawtransactions", searchParams(address, 1, options),
				new TypeReference<List<SearchedTransaction>>() {
				}));
	}

	@RpcMethod("searchrawtransactions")
	default List<SearchedTransaction> searchRawTransactions(String address, SearchOptions options) {
		return RpcCalls.required(Futures.await(searchRawTransactionsAsync(address, options)), "searchrawtransactions");
	}

	/**
	 * {@code searchrawtransactions <address> 0 skip count ...} (btcd): the transactions serialized.
	 * {@link SearchOptions#vinExtra()} has no effect here.
	 */
	@RpcMethod("searchrawtransactions")
	default CompletableFuture<List<TransactionHex>> searchRawTransactionsHexAsync(String address,
			SearchOptions options) {
		return CallArguments.checked(() -> callAsync("searchrawtransactions", searchParams(address, 0, options),
				new TypeReference<List<TransactionHex>>() {
				}));
	}

	@RpcMethod("searchrawtransactions")
	default List<TransactionHex> searchRawTransactionsHex(String address, SearchOptions options) {
		return RpcCalls.required(Futures.await(searchRawTransactionsHexAsync(address, options)),
				"searchrawtransactions");
	}

	private static List<@Nullable Object> searchParams(String address, int verbose, SearchOptions options) {
		Objects.requireNonNull(options, "options must not be null");
		Object[] rest = options.params();
		Object[] all = new Object[rest.length + 2];
		all[0] = checkAddress(address);
		all[1] = verbose;
		System.arraycopy(rest, 0, all, 2, rest.length);
		return RpcCalls.params(all);
	}

	private static String checkAddress(String address) {
		Objects.requireNonNull(address, "address must not be null");
		if (address.isBlank()) {
			throw new IllegalArgumentException("address must not be blank");
		}
		return address;
	}

	/** A non-empty copy of a list of non-null elements, or an exception naming the argument. */
	static <T> List<T> nonEmpty(List<T> values, String argument) {
		Objects.requireNonNull(values, () -> argument + " must not be null");
		if (values.isEmpty()) {
			throw new IllegalArgumentException(argument + " must not be empty");
		}
		return List.copyOf(values);
	}

}
