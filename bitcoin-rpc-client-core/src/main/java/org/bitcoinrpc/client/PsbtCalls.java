package org.bitcoinrpc.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.DecodedPsbt;
import org.bitcoinrpc.client.model.Descriptor;
import org.bitcoinrpc.client.model.FinalizedPsbt;
import org.bitcoinrpc.client.model.Outputs;
import org.bitcoinrpc.client.model.ProcessedPsbt;
import org.bitcoinrpc.client.model.Psbt;
import org.bitcoinrpc.client.model.PsbtAnalysis;
import org.bitcoinrpc.client.model.PsbtSigningOptions;
import org.bitcoinrpc.client.model.RawTransactionOptions;
import org.bitcoinrpc.client.model.RawTxInput;
import org.bitcoinrpc.client.model.TransactionHex;
import org.jspecify.annotations.Nullable;

/**
 * The PSBT calls of Bitcoin Core's "rawtransactions" category, which need no wallet (btcd has
 * none). The wallet's own ({@code walletcreatefundedpsbt}, {@code walletprocesspsbt}) are in
 * {@link WalletCalls}. A PSBT that is not one is -22 ("TX decode failed Invalid PSBT magic
 * bytes"), an {@link RpcErrorException} with {@link RpcErrorException#code()}
 * {@link RpcErrorCode#DESERIALIZATION_ERROR}.
 */
public interface PsbtCalls extends RpcCalls {

	/**
	 * {@code createpsbt [inputs] [outputs] locktime replaceable version}: a PSBT (version 0)
	 * without UTXO data, outputs in Core's ordered array form.
	 * @param inputs the outputs to spend
	 * @param outputs the outputs to create
	 * @param options lock time, replaceability and version, or {@code null} for Core's defaults
	 * @return the PSBT
	 */
	@RpcMethod("createpsbt")
	default CompletableFuture<Psbt> createPsbtAsync(List<RawTxInput> inputs, Outputs outputs,
			@Nullable RawTransactionOptions options) {
		return CallArguments.checked(() -> {
			List<RawTxInput> in = List.copyOf(Objects.requireNonNull(inputs, "inputs must not be null"));
			Objects.requireNonNull(outputs, "outputs must not be null");
			RawTransactionOptions o = (options != null) ? options : RawTransactionOptions.DEFAULTS;
			return callAsync("createpsbt",
					RpcCalls.params(in, outputs.asArray(), o.lockTime(), o.replaceable(), o.version()),
					Psbt.class);
		});
	}

	@RpcMethod("createpsbt")
	default Psbt createPsbt(List<RawTxInput> inputs, Outputs outputs, @Nullable RawTransactionOptions options) {
		return RpcCalls.required(Futures.await(createPsbtAsync(inputs, outputs, options)), "createpsbt");
	}

	/**
	 * {@code converttopsbt <hex>}: an unsigned transaction as a PSBT. A signed one is -22
	 * ("Inputs must not have scriptSigs and scriptWitnesses") unless {@code permitSigData}.
	 * @param transaction the transaction
	 * @param permitSigData whether signatures are dropped rather than refused, or {@code null} for false
	 * @param isWitness whether to decode it as a segwit transaction, or {@code null} to guess
	 * @return the PSBT
	 */
	@RpcMethod("converttopsbt")
	default CompletableFuture<Psbt> convertToPsbtAsync(TransactionHex transaction, @Nullable Boolean permitSigData,
			@Nullable Boolean isWitness) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(transaction, "transaction must not be null");
			return callAsync("converttopsbt", RpcCalls.params(transaction, permitSigData, isWitness), Psbt.class);
		});
	}

	@RpcMethod("converttopsbt")
	default Psbt convertToPsbt(TransactionHex transaction, @Nullable Boolean permitSigData,
			@Nullable Boolean isWitness) {
		return RpcCalls.required(Futures.await(convertToPsbtAsync(transaction, permitSigData, isWitness)),
				"converttopsbt");
	}

	/**
	 * {@code utxoupdatepsbt <psbt> [descriptors]}: adds the spent outputs found in the UTXO set
	 * (and what the descriptors tell about the scripts).
	 * @param psbt the PSBT
	 * @param descriptors descriptors for the inputs' scripts, or {@code null} for none
	 * @return the updated PSBT
	 */
	@RpcMethod("utxoupdatepsbt")
	default CompletableFuture<Psbt> utxoUpdatePsbtAsync(Psbt psbt, @Nullable List<Descriptor> descriptors) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(psbt, "psbt must not be null");
			return callAsync("utxoupdatepsbt",
					RpcCalls.params(psbt, (descriptors != null) ? List.copyOf(descriptors) : null), Psbt.class);
		});
	}

	@RpcMethod("utxoupdatepsbt")
	default Psbt utxoUpdatePsbt(Psbt psbt, @Nullable List<Descriptor> descriptors) {
		return RpcCalls.required(Futures.await(utxoUpdatePsbtAsync(psbt, descriptors)), "utxoupdatepsbt");
	}

	/** {@code combinepsbt [psbts]}: one PSBT with the data of all (-8 when they are for different transactions). */
	@RpcMethod("combinepsbt")
	default CompletableFuture<Psbt> combinePsbtAsync(List<Psbt> psbts) {
		return CallArguments.checked(() -> callAsync("combinepsbt", List.of(TransactionCalls.nonEmpty(psbts, "psbts")), Psbt.class));
	}

	@RpcMethod("combinepsbt")
	default Psbt combinePsbt(List<Psbt> psbts) {
		return RpcCalls.required(Futures.await(combinePsbtAsync(psbts)), "combinepsbt");
	}

	/**
	 * {@code joinpsbts [psbts]}: one PSBT with the inputs and outputs of all, shuffled. Fewer than
	 * two is -8 at the node (sent as given, so the node's message tells).
	 */
	@RpcMethod("joinpsbts")
	default CompletableFuture<Psbt> joinPsbtsAsync(List<Psbt> psbts) {
		return CallArguments.checked(() -> callAsync("joinpsbts", List.of(TransactionCalls.nonEmpty(psbts, "psbts")), Psbt.class));
	}

	@RpcMethod("joinpsbts")
	default Psbt joinPsbts(List<Psbt> psbts) {
		return RpcCalls.required(Futures.await(joinPsbtsAsync(psbts)), "joinpsbts");
	}

	/** {@code decodepsbt <psbt>}: what the PSBT holds. */
	@RpcMethod("decodepsbt")
	default CompletableFuture<DecodedPsbt> decodePsbtAsync(Psbt psbt) {
		return CallArguments.checked(() -> callAsync("decodepsbt", List.of(Objects.requireNonNull(psbt, "psbt must not be null")),
				DecodedPsbt.class));
	}

	@RpcMethod("decodepsbt")
	default DecodedPsbt decodePsbt(Psbt psbt) {
		return RpcCalls.required(Futures.await(decodePsbtAsync(psbt)), "decodepsbt");
	}

	/** {@code analyzepsbt <psbt>}: which role acts next, and the fee once known. */
	@RpcMethod("analyzepsbt")
	default CompletableFuture<PsbtAnalysis> analyzePsbtAsync(Psbt psbt) {
		return CallArguments.checked(() -> callAsync("analyzepsbt", List.of(Objects.requireNonNull(psbt, "psbt must not be null")),
				PsbtAnalysis.class));
	}

	@RpcMethod("analyzepsbt")
	default PsbtAnalysis analyzePsbt(Psbt psbt) {
		return RpcCalls.required(Futures.await(analyzePsbtAsync(psbt)), "analyzepsbt");
	}

	/**
	 * {@code finalizepsbt <psbt>}: finalizes the inputs and, when complete, extracts the network
	 * transaction ({@link FinalizedPsbt#hex()}). Incomplete is not an error:
	 * {@code complete} is false and {@code psbt} comes back.
	 */
	@RpcMethod("finalizepsbt")
	default CompletableFuture<FinalizedPsbt> finalizePsbtAsync(Psbt psbt) {
		return CallArguments.checked(() -> callAsync("finalizepsbt", List.of(Objects.requireNonNull(psbt, "psbt must not be null")),
				FinalizedPsbt.class));
	}

	@RpcMethod("finalizepsbt")
	default FinalizedPsbt finalizePsbt(Psbt psbt) {
		return RpcCalls.required(Futures.await(finalizePsbtAsync(psbt)), "finalizepsbt");
	}

	/**
	 * {@code finalizepsbt <psbt> extract}: with {@code extract} false the finalized PSBT comes
	 * back, never {@code hex}.
	 */
	@RpcMethod("finalizepsbt")
	default CompletableFuture<FinalizedPsbt> finalizePsbtAsync(Psbt psbt, boolean extract) {
		return CallArguments.checked(() -> callAsync("finalizepsbt", List.of(Objects.requireNonNull(psbt, "psbt must not be null"), extract),
				FinalizedPsbt.class));
	}

	@RpcMethod("finalizepsbt")
	default FinalizedPsbt finalizePsbt(Psbt psbt, boolean extract) {
		return RpcCalls.required(Futures.await(finalizePsbtAsync(psbt, extract)), "finalizepsbt");
	}

	/**
	 * {@code descriptorprocesspsbt <psbt> [descriptors] sighashtype bip32derivs finalize}: updates
	 * and signs with the keys in the descriptors (private keys in them sign), no wallet needed.
	 * @param psbt the PSBT
	 * @param descriptors the descriptors, possibly empty
	 * @param options how to sign, or {@code null} for Core's defaults
	 * @return the PSBT, and the network transaction when complete
	 */
	@RpcMethod("descriptorprocesspsbt")
	default CompletableFuture<ProcessedPsbt> descriptorProcessPsbtAsync(Psbt psbt, List<Descriptor> descriptors,
			@Nullable PsbtSigningOptions options) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(psbt, "psbt must not be null");
			List<Descriptor> descs = List.copyOf(Objects.requireNonNull(descriptors, "descriptors must not be null"));
			PsbtSigningOptions o = (options != null) ? options : PsbtSigningOptions.DEFAULTS;
			return callAsync("descriptorprocesspsbt",
					RpcCalls.params(psbt, descs, o.sighashType(), o.bip32Derivations(), o.finalizeInputs()),
					ProcessedPsbt.class);
		});
	}

	@RpcMethod("descriptorprocesspsbt")
	default ProcessedPsbt descriptorProcessPsbt(Psbt psbt, List<Descriptor> descriptors,
			@Nullable PsbtSigningOptions options) {
		return RpcCalls.required(Futures.await(descriptorProcessPsbtAsync(psbt, descriptors, options)),
				"descriptorprocesspsbt");
	}

}
