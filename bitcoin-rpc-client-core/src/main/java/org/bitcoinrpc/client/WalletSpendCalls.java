package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.FundedPsbt;
import org.bitcoinrpc.client.model.OutPoint;
import org.bitcoinrpc.client.model.PreviousOutput;
import org.bitcoinrpc.client.model.Psbt;
import org.bitcoinrpc.client.model.PsbtBumpFeeResult;
import org.bitcoinrpc.client.model.SendResult;
import org.bitcoinrpc.client.model.SimulatedTransactions;
import org.bitcoinrpc.client.model.TransactionHex;
import org.bitcoinrpc.client.model.WalletProcessedPsbt;
import org.bitcoinrpc.client.model.WalletSignedTransaction;

/**
 * Bitcoin Core's wallet calls that pay, fund and sign: {@code send}, {@code sendall},
 * {@code sendmany}, the wallet's PSBT calls, {@code signrawtransactionwithwallet},
 * {@code signmessage} and {@code simulaterawtransaction}. Call them through a client bound to the
 * wallet ({@code client.wallet(name)}); btcd has no wallet. Amounts are BTC as {@link BigDecimal}
 * (at most 8 decimals, sent exactly as given); outputs are address to amount, sent in the map's
 * order (use a {@code LinkedHashMap} or {@code Map.of} for one). Calls that move coins are not resent
 * after a lost connection by the default {@link ResendPolicy}. A refused argument fails the future
 * (the blocking form throws it).
 * <p>
 * Insufficient funds: {@code send}, {@code sendall} and {@code sendmany} fail with
 * {@link RpcInsufficientFundsException} (-6); {@code walletcreatefundedpsbt} fails with a plain
 * {@link RpcWalletException} (-4, "Insufficient funds"), as Core 31 sends it.
 */
public interface WalletSpendCalls extends RpcCalls {

	/**
	 * {@code send [{address: amount}, ...]}: pays the outputs from the wallet, with Core's default
	 * fee estimate, and broadcasts. Same as {@link #sendAsync(Map, SendOptions)} with
	 * {@link SendOptions#DEFAULTS}.
	 */
	@RpcMethod("send")
	default CompletableFuture<SendResult> sendAsync(Map<String, BigDecimal> outputs) {
		return sendAsync(outputs, SendOptions.DEFAULTS);
	}

	@RpcMethod("send")
	default SendResult send(Map<String, BigDecimal> outputs) {
		return RpcCalls.required(Futures.await(sendAsync(outputs)), "send");
	}

	/**
	 * {@code send [{address: amount}, ...] conf_target estimate_mode fee_rate options}: pays the
	 * outputs from the wallet; -5 for an invalid address, -6 for insufficient funds.
	 */
	@RpcMethod("send")
	default CompletableFuture<SendResult> sendAsync(Map<String, BigDecimal> outputs, SendOptions options) {
		return CallArguments.checked(() -> callAsync("send",
				Objects.requireNonNull(options, "options must not be null").params(WalletArguments.outputsArray(outputs)),
				SendResult.class));
	}

	@RpcMethod("send")
	default SendResult send(Map<String, BigDecimal> outputs, SendOptions options) {
		return RpcCalls.required(Futures.await(sendAsync(outputs, options)), "send");
	}

	/**
	 * {@code sendall [address, ...]}: spends every confirmed coin of the wallet to the addresses,
	 * shared equally, without change. -6 when the coins cannot pay the fee.
	 */
	@RpcMethod("sendall")
	default CompletableFuture<SendResult> sendAllAsync(List<String> recipients) {
		return sendAllAsync(recipients, SendAllOptions.DEFAULTS);
	}

	@RpcMethod("sendall")
	default SendResult sendAll(List<String> recipients) {
		return RpcCalls.required(Futures.await(sendAllAsync(recipients)), "sendall");
	}

	/** {@code sendall [address, ...] conf_target estimate_mode fee_rate options}. */
	@RpcMethod("sendall")
	default CompletableFuture<SendResult> sendAllAsync(List<String> recipients, SendAllOptions options) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(recipients, "recipients must not be null");
			if (recipients.isEmpty()) {
				throw new IllegalArgumentException("recipients must not be empty");
			}
			recipients.forEach((address) -> WalletArguments.checkText(address, "recipients address"));
			return callAsync("sendall",
					Objects.requireNonNull(options, "options must not be null").params(List.copyOf(recipients)),
					SendResult.class);
		});
	}

	@RpcMethod("sendall")
	default SendResult sendAll(List<String> recipients, SendAllOptions options) {
		return RpcCalls.required(Futures.await(sendAllAsync(recipients, options)), "sendall");
	}

	/**
	 * {@code sendmany "" {address: amount, ...}}: one transaction paying every address; returns its
	 * txid. -6 for insufficient funds.
	 */
	@RpcMethod("sendmany")
	default CompletableFuture<String> sendManyAsync(Map<String, BigDecimal> amounts) {
		return sendManyAsync(amounts, SendManyOptions.DEFAULTS);
	}

	@RpcMethod("sendmany")
	default String sendMany(Map<String, BigDecimal> amounts) {
		return RpcCalls.required(Futures.await(sendManyAsync(amounts)), "sendmany");
	}

	/** {@code sendmany "" {address: amount, ...} null comment subtractfeefrom replaceable conf_target estimate_mode fee_rate}. */
	@RpcMethod("sendmany")
	default CompletableFuture<String> sendManyAsync(Map<String, BigDecimal> amounts, SendManyOptions options) {
		return CallArguments.checked(() -> callAsync("sendmany",
				Objects.requireNonNull(options, "options must not be null").params(WalletArguments.outputsObject(amounts)),
				String.class));
	}

	@RpcMethod("sendmany")
	default String sendMany(Map<String, BigDecimal> amounts, SendManyOptions options) {
		return RpcCalls.required(Futures.await(sendManyAsync(amounts, options)), "sendmany");
	}

	/**
	 * {@code walletcreatefundedpsbt [inputs] [{address: amount}, ...]}: a PSBT paying the outputs,
	 * funded (inputs added as needed, change) but not signed. With no inputs the wallet picks them.
	 */
	@RpcMethod("walletcreatefundedpsbt")
	default CompletableFuture<FundedPsbt> walletCreateFundedPsbtAsync(List<OutPoint> inputs,
			Map<String, BigDecimal> outputs) {
		return walletCreateFundedPsbtAsync(inputs, outputs, FundedPsbtOptions.DEFAULTS);
	}

	@RpcMethod("walletcreatefundedpsbt")
	default FundedPsbt walletCreateFundedPsbt(List<OutPoint> inputs, Map<String, BigDecimal> outputs) {
		return RpcCalls.required(Futures.await(walletCreateFundedPsbtAsync(inputs, outputs)), "walletcreatefundedpsbt");
	}

	/** {@code walletcreatefundedpsbt [inputs] [{address: amount}, ...] locktime options}. */
	@RpcMethod("walletcreatefundedpsbt")
	default CompletableFuture<FundedPsbt> walletCreateFundedPsbtAsync(List<OutPoint> inputs,
			Map<String, BigDecimal> outputs, FundedPsbtOptions options) {
		return CallArguments.checked(() -> callAsync("walletcreatefundedpsbt",
				Objects.requireNonNull(options, "options must not be null")
					.params(WalletArguments.inputs(inputs, "inputs"), WalletArguments.outputsArray(outputs)),
				FundedPsbt.class));
	}

	@RpcMethod("walletcreatefundedpsbt")
	default FundedPsbt walletCreateFundedPsbt(List<OutPoint> inputs, Map<String, BigDecimal> outputs,
			FundedPsbtOptions options) {
		return RpcCalls.required(Futures.await(walletCreateFundedPsbtAsync(inputs, outputs, options)),
				"walletcreatefundedpsbt");
	}

	/**
	 * {@code walletprocesspsbt <psbt>}: adds what the wallet knows, signs what it can and finalizes
	 * (Core's defaults). {@link WalletProcessedPsbt#hex()} is there only when complete. -22 for text
	 * that is not a PSBT, -13 when the wallet is locked.
	 */
	@RpcMethod("walletprocesspsbt")
	default CompletableFuture<WalletProcessedPsbt> walletProcessPsbtAsync(Psbt psbt) {
		return CallArguments.checked(() -> callAsync("walletprocesspsbt",
				List.of(Objects.requireNonNull(psbt, "psbt must not be null")), WalletProcessedPsbt.class));
	}

	@RpcMethod("walletprocesspsbt")
	default WalletProcessedPsbt walletProcessPsbt(Psbt psbt) {
		return RpcCalls.required(Futures.await(walletProcessPsbtAsync(psbt)), "walletprocesspsbt");
	}

	/**
	 * {@code walletprocesspsbt <psbt> <sign>}: with {@code sign} false only adds input data (and
	 * needs no unlocked wallet).
	 */
	@RpcMethod("walletprocesspsbt")
	default CompletableFuture<WalletProcessedPsbt> walletProcessPsbtAsync(Psbt psbt, boolean sign) {
		return CallArguments.checked(() -> callAsync("walletprocesspsbt",
				List.of(Objects.requireNonNull(psbt, "psbt must not be null"), sign), WalletProcessedPsbt.class));
	}

	@RpcMethod("walletprocesspsbt")
	default WalletProcessedPsbt walletProcessPsbt(Psbt psbt, boolean sign) {
		return RpcCalls.required(Futures.await(walletProcessPsbtAsync(psbt, sign)), "walletprocesspsbt");
	}

	/**
	 * {@code psbtbumpfee <txid>}: an unsigned replacement paying a higher fee, as a PSBT; nothing is
	 * broadcast (unlike {@code bumpfee}).
	 */
	@RpcMethod("psbtbumpfee")
	default CompletableFuture<PsbtBumpFeeResult> psbtBumpFeeAsync(String txid) {
		return CallArguments.checked(
				() -> callAsync("psbtbumpfee", List.of(ChainCalls.checkHash(txid, "txid")), PsbtBumpFeeResult.class));
	}

	@RpcMethod("psbtbumpfee")
	default PsbtBumpFeeResult psbtBumpFee(String txid) {
		return RpcCalls.required(Futures.await(psbtBumpFeeAsync(txid)), "psbtbumpfee");
	}

	/**
	 * {@code signrawtransactionwithwallet <hex>}: signs the inputs the wallet can sign. Not every
	 * input is an error: see {@link WalletSignedTransaction#complete()} and its errors. -22 for hex
	 * that is not a transaction.
	 */
	@RpcMethod("signrawtransactionwithwallet")
	default CompletableFuture<WalletSignedTransaction> signRawTransactionWithWalletAsync(TransactionHex transaction) {
		return CallArguments.checked(() -> callAsync("signrawtransactionwithwallet",
				List.of(Objects.requireNonNull(transaction, "transaction must not be null")),
				WalletSignedTransaction.class));
	}

	@RpcMethod("signrawtransactionwithwallet")
	default WalletSignedTransaction signRawTransactionWithWallet(TransactionHex transaction) {
		return RpcCalls.required(Futures.await(signRawTransactionWithWalletAsync(transaction)),
				"signrawtransactionwithwallet");
	}

	/**
	 * {@code signrawtransactionwithwallet <hex> [prevtxs]}: with the outputs it spends that the node
	 * does not know yet.
	 */
	@RpcMethod("signrawtransactionwithwallet")
	default CompletableFuture<WalletSignedTransaction> signRawTransactionWithWalletAsync(TransactionHex transaction,
			List<PreviousOutput> previousOutputs) {
		return CallArguments.checked(() -> callAsync("signrawtransactionwithwallet",
				List.of(Objects.requireNonNull(transaction, "transaction must not be null"),
						List.copyOf(Objects.requireNonNull(previousOutputs, "previousOutputs must not be null"))),
				WalletSignedTransaction.class));
	}

	@RpcMethod("signrawtransactionwithwallet")
	default WalletSignedTransaction signRawTransactionWithWallet(TransactionHex transaction,
			List<PreviousOutput> previousOutputs) {
		return RpcCalls.required(Futures.await(signRawTransactionWithWalletAsync(transaction, previousOutputs)),
				"signrawtransactionwithwallet");
	}

	/**
	 * {@code signmessage <address> <message>}: the base64 signature of the message with the address's
	 * key. Only legacy (P2PKH) addresses can sign: others fail with -3 "Address does not refer to key".
	 */
	@RpcMethod("signmessage")
	default CompletableFuture<String> signMessageAsync(String address, String message) {
		return CallArguments.checked(() -> callAsync("signmessage",
				List.of(WalletArguments.checkText(address, "address"),
						Objects.requireNonNull(message, "message must not be null")),
				String.class));
	}

	@RpcMethod("signmessage")
	default String signMessage(String address, String message) {
		return RpcCalls.required(Futures.await(signMessageAsync(address, message)), "signmessage");
	}

	/**
	 * {@code simulaterawtransaction [hex, ...]}: how the transactions, applied in order, would change
	 * the wallet's balance; nothing is sent.
	 */
	@RpcMethod("simulaterawtransaction")
	default CompletableFuture<SimulatedTransactions> simulateRawTransactionAsync(List<TransactionHex> transactions) {
		return CallArguments.checked(() -> callAsync("simulaterawtransaction",
				List.of(List.copyOf(Objects.requireNonNull(transactions, "transactions must not be null"))),
				SimulatedTransactions.class));
	}

	@RpcMethod("simulaterawtransaction")
	default SimulatedTransactions simulateRawTransaction(List<TransactionHex> transactions) {
		return RpcCalls.required(Futures.await(simulateRawTransactionAsync(transactions)), "simulaterawtransaction");
	}

}
