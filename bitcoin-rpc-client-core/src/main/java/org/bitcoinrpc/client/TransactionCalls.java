package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.MempoolAcceptResult;
import org.bitcoinrpc.client.model.RawTransaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Calls about single transactions, on btcd and Bitcoin Core. Verbosity is always sent as an
 * integer: btcd rejects booleans (-32602), Core accepts both.
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
		return callAsync("getrawtransaction", List.of(ChainCalls.checkHash(txid, "txid"), 0), String.class);
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
		return callAsync("getrawtransaction", List.of(ChainCalls.checkHash(txid, "txid"), 1), RawTransaction.class);
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
		return callAsync("getrawtransaction", List.of(ChainCalls.checkHash(txid, "txid"), 2), RawTransaction.class);
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
		return callAsync("decoderawtransaction", List.of(ChainCalls.checkHex(hex, "hex")), RawTransaction.class);
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
		return callAsync("sendrawtransaction", List.of(ChainCalls.checkHex(hex, "hex")), String.class);
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
	}

	@RpcMethod("testmempoolaccept")
	default List<MempoolAcceptResult> testMempoolAccept(List<String> hexes, @Nullable BigDecimal maxFeeRate) {
		return RpcCalls.required(Futures.await(testMempoolAcceptAsync(hexes, maxFeeRate)), "testmempoolaccept");
	}

}
