package org.bitcoinrpc.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.DescriptorImport;
import org.bitcoinrpc.client.model.DescriptorImportResult;
import org.bitcoinrpc.client.model.LoadedWallet;
import org.bitcoinrpc.client.model.MigratedWallet;
import org.bitcoinrpc.client.model.RescanRange;
import org.bitcoinrpc.client.model.TransactionHex;
import org.bitcoinrpc.client.model.UnloadedWallet;
import org.bitcoinrpc.client.model.WalletFlagChange;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Bitcoin Core's calls that manage a wallet rather than spend from it: importing descriptors and
 * pruned funds, the key pool, rescans, restoring, unloading and migrating wallets, wallet flags,
 * and locking and unlocking an encrypted wallet. Call them through a client bound to the wallet
 * ({@code client.wallet(name)}), except {@code restorewallet} and {@code unloadwallet <name>}, which
 * name their wallet; btcd has no wallet.
 * <p>
 * Passphrases are sent as given and appear nowhere else: not in a message, a log line or a trace
 * ({@link CallInfo} leaves every call's parameters out). A wrong one fails with
 * {@link RpcWalletPassphraseIncorrectException} (-14); calls that need the keys of a locked wallet
 * fail with {@link RpcWalletUnlockNeededException} (-13). A refused argument fails the future (the
 * blocking form throws it).
 */
public interface WalletManagementCalls extends RpcCalls {

	/**
	 * {@code importdescriptors [requests]}: imports the descriptors, rescanning from the oldest
	 * timestamp. A request that fails does NOT fail the call: Core answers each request with
	 * {@code success} true or false; see {@link ImportDescriptorsResult#failures()} or
	 * {@link ImportDescriptorsResult#requireAllSucceeded()}.
	 */
	@RpcMethod("importdescriptors")
	default CompletableFuture<ImportDescriptorsResult> importDescriptorsAsync(List<DescriptorImport> requests) {
		return CallArguments.checked(() -> {
			List<DescriptorImport> sent = List.copyOf(Objects.requireNonNull(requests, "requests must not be null"));
			if (sent.isEmpty()) {
				throw new IllegalArgumentException("requests must not be empty");
			}
			List<Map<String, Object>> array = new ArrayList<>();
			for (DescriptorImport request : sent) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("desc", request.descriptor().text());
				entry.put("timestamp", (request.timestamp() != null) ? request.timestamp() : "now");
				WalletArguments.option(entry, "active", request.active());
				WalletArguments.option(entry, "range",
						(request.rangeStart() != null) ? List.of(request.rangeStart(), request.rangeEnd()) : null);
				WalletArguments.option(entry, "next_index", request.nextIndex());
				WalletArguments.option(entry, "internal", request.internal());
				WalletArguments.option(entry, "label", request.label());
				array.add(entry);
			}
			return this.<List<DescriptorImportResult>>callAsync("importdescriptors", List.of(array),
					new TypeReference<List<DescriptorImportResult>>() {
					})
				.thenApply((results) -> (results != null) ? new ImportDescriptorsResult(sent, results) : null);
		});
	}

	@RpcMethod("importdescriptors")
	default ImportDescriptorsResult importDescriptors(List<DescriptorImport> requests) {
		return RpcCalls.required(Futures.await(importDescriptorsAsync(requests)), "importdescriptors");
	}

	/**
	 * {@code importprunedfunds <rawtransaction> <txoutproof>}: adds a transaction paying the wallet
	 * without a rescan (for pruned nodes); the proof is {@code gettxoutproof}'s hex.
	 */
	@RpcMethod("importprunedfunds")
	default CompletableFuture<Void> importPrunedFundsAsync(TransactionHex transaction, String txOutProof) {
		return CallArguments.checked(() -> callAsync("importprunedfunds",
				List.of(Objects.requireNonNull(transaction, "transaction must not be null"),
						ChainCalls.checkHex(txOutProof, "txOutProof")),
				Void.class));
	}

	@RpcMethod("importprunedfunds")
	default void importPrunedFunds(TransactionHex transaction, String txOutProof) {
		Futures.await(importPrunedFundsAsync(transaction, txOutProof));
	}

	/** {@code removeprunedfunds <txid>}: removes a transaction from the wallet (one {@code importprunedfunds} added). */
	@RpcMethod("removeprunedfunds")
	default CompletableFuture<Void> removePrunedFundsAsync(String txid) {
		return CallArguments.checked(
				() -> callAsync("removeprunedfunds", List.of(ChainCalls.checkHash(txid, "txid")), Void.class));
	}

	@RpcMethod("removeprunedfunds")
	default void removePrunedFunds(String txid) {
		Futures.await(removePrunedFundsAsync(txid));
	}

	/** {@code keypoolrefill}: fills the key pool to {@code -keypool} keys; needs an unlocked wallet (-13). */
	@RpcMethod("keypoolrefill")
	default CompletableFuture<Void> keypoolRefillAsync() {
		return callAsync("keypoolrefill", List.of(), Void.class);
	}

	@RpcMethod("keypoolrefill")
	default void keypoolRefill() {
		Futures.await(keypoolRefillAsync());
	}

	/** {@code keypoolrefill <newsize>}: fills the key pool to {@code newSize} keys. */
	@RpcMethod("keypoolrefill")
	default CompletableFuture<Void> keypoolRefillAsync(int newSize) {
		return CallArguments.checked(() -> callAsync("keypoolrefill",
				List.of(WalletArguments.checkNotNegative(newSize, "newSize")), Void.class));
	}

	@RpcMethod("keypoolrefill")
	default void keypoolRefill(int newSize) {
		Futures.await(keypoolRefillAsync(newSize));
	}

	/**
	 * {@code migratewallet}: turns the bound legacy wallet into descriptor wallets. A descriptor
	 * wallet fails with {@link RpcWalletException} (-4 "This wallet is already a descriptor wallet").
	 */
	@RpcMethod("migratewallet")
	default CompletableFuture<MigratedWallet> migrateWalletAsync() {
		return callAsync("migratewallet", List.of(), MigratedWallet.class);
	}

	@RpcMethod("migratewallet")
	default MigratedWallet migrateWallet() {
		return RpcCalls.required(Futures.await(migrateWalletAsync()), "migratewallet");
	}

	/**
	 * {@code migratewallet <wallet_name> [passphrase]}: migrates the named legacy wallet, which need
	 * not be loaded; the passphrase for an encrypted one (never put in a message).
	 */
	@RpcMethod("migratewallet")
	default CompletableFuture<MigratedWallet> migrateWalletAsync(String walletName, @Nullable String passphrase) {
		return CallArguments.checked(() -> callAsync("migratewallet",
				RpcCalls.params(WalletArguments.checkText(walletName, "walletName"),
						(passphrase != null) ? WalletArguments.checkPassphrase(passphrase, "passphrase") : null),
				MigratedWallet.class));
	}

	@RpcMethod("migratewallet")
	default MigratedWallet migrateWallet(String walletName, @Nullable String passphrase) {
		return RpcCalls.required(Futures.await(migrateWalletAsync(walletName, passphrase)), "migratewallet");
	}

	/** {@code rescanblockchain}: rescans the whole chain for the wallet's transactions; may take long. */
	@RpcMethod("rescanblockchain")
	default CompletableFuture<RescanRange> rescanBlockchainAsync() {
		return callAsync("rescanblockchain", List.of(), RescanRange.class);
	}

	@RpcMethod("rescanblockchain")
	default RescanRange rescanBlockchain() {
		return RpcCalls.required(Futures.await(rescanBlockchainAsync()), "rescanblockchain");
	}

	/** {@code rescanblockchain <start_height>}: rescans from {@code startHeight} to the tip. */
	@RpcMethod("rescanblockchain")
	default CompletableFuture<RescanRange> rescanBlockchainAsync(int startHeight) {
		return CallArguments.checked(() -> callAsync("rescanblockchain",
				List.of(WalletArguments.checkNotNegative(startHeight, "startHeight")), RescanRange.class));
	}

	@RpcMethod("rescanblockchain")
	default RescanRange rescanBlockchain(int startHeight) {
		return RpcCalls.required(Futures.await(rescanBlockchainAsync(startHeight)), "rescanblockchain");
	}

	/** {@code rescanblockchain <start_height> <stop_height>}: rescans the heights, both included. */
	@RpcMethod("rescanblockchain")
	default CompletableFuture<RescanRange> rescanBlockchainAsync(int startHeight, int stopHeight) {
		return CallArguments.checked(() -> {
			WalletArguments.checkNotNegative(startHeight, "startHeight");
			if (stopHeight < startHeight) {
				throw new IllegalArgumentException(
						"stopHeight must not be below startHeight " + startHeight + ", was " + stopHeight);
			}
			return callAsync("rescanblockchain", List.of(startHeight, stopHeight), RescanRange.class);
		});
	}

	@RpcMethod("rescanblockchain")
	default RescanRange rescanBlockchain(int startHeight, int stopHeight) {
		return RpcCalls.required(Futures.await(rescanBlockchainAsync(startHeight, stopHeight)), "rescanblockchain");
	}

	/**
	 * {@code restorewallet <wallet_name> <backup_file>}: creates and loads a wallet from a backup
	 * file on the node's machine ({@code backupwallet}'s). {@link LoadedWallet#warnings()} is null
	 * when there are none.
	 */
	@RpcMethod("restorewallet")
	default CompletableFuture<LoadedWallet> restoreWalletAsync(String walletName, String backupFile) {
		return CallArguments.checked(() -> callAsync("restorewallet",
				List.of(WalletArguments.checkText(walletName, "walletName"),
						WalletArguments.checkText(backupFile, "backupFile")),
				LoadedWallet.class));
	}

	@RpcMethod("restorewallet")
	default LoadedWallet restoreWallet(String walletName, String backupFile) {
		return RpcCalls.required(Futures.await(restoreWalletAsync(walletName, backupFile)), "restorewallet");
	}

	/** {@code unloadwallet}: unloads the wallet this client is bound to. */
	@RpcMethod("unloadwallet")
	default CompletableFuture<UnloadedWallet> unloadWalletAsync() {
		return callAsync("unloadwallet", List.of(), UnloadedWallet.class);
	}

	@RpcMethod("unloadwallet")
	default UnloadedWallet unloadWallet() {
		return RpcCalls.required(Futures.await(unloadWalletAsync()), "unloadwallet");
	}

	/**
	 * {@code unloadwallet <wallet_name>}: unloads the named wallet (sent to {@code /}; Core refuses a
	 * name that differs from the wallet of the URL).
	 */
	@RpcMethod("unloadwallet")
	default CompletableFuture<UnloadedWallet> unloadWalletAsync(String walletName) {
		return CallArguments.checked(() -> callAsync("unloadwallet",
				List.of(Objects.requireNonNull(walletName, "walletName must not be null")), UnloadedWallet.class));
	}

	@RpcMethod("unloadwallet")
	default UnloadedWallet unloadWallet(String walletName) {
		return RpcCalls.required(Futures.await(unloadWalletAsync(walletName)), "unloadwallet");
	}

	/** {@code setwalletflag <flag>}: sets a flag such as {@code avoid_reuse}. */
	@RpcMethod("setwalletflag")
	default CompletableFuture<WalletFlagChange> setWalletFlagAsync(String flag) {
		return CallArguments.checked(() -> callAsync("setwalletflag",
				List.of(WalletArguments.checkText(flag, "flag")), WalletFlagChange.class));
	}

	@RpcMethod("setwalletflag")
	default WalletFlagChange setWalletFlag(String flag) {
		return RpcCalls.required(Futures.await(setWalletFlagAsync(flag)), "setwalletflag");
	}

	/** {@code setwalletflag <flag> <value>}: sets or clears a flag. */
	@RpcMethod("setwalletflag")
	default CompletableFuture<WalletFlagChange> setWalletFlagAsync(String flag, boolean value) {
		return CallArguments.checked(() -> callAsync("setwalletflag",
				List.of(WalletArguments.checkText(flag, "flag"), value), WalletFlagChange.class));
	}

	@RpcMethod("setwalletflag")
	default WalletFlagChange setWalletFlag(String flag, boolean value) {
		return RpcCalls.required(Futures.await(setWalletFlagAsync(flag, value)), "setwalletflag");
	}

	/** {@code walletlock}: forgets the encrypted wallet's decryption key now. */
	@RpcMethod("walletlock")
	default CompletableFuture<Void> walletLockAsync() {
		return callAsync("walletlock", List.of(), Void.class);
	}

	@RpcMethod("walletlock")
	default void walletLock() {
		Futures.await(walletLockAsync());
	}

	/**
	 * {@code walletpassphrase <passphrase> <timeout>}: unlocks the encrypted wallet for
	 * {@code timeout}, sent in whole seconds (Core caps it at 100,000,000 s). -14 for a wrong
	 * passphrase. The passphrase appears in no message.
	 */
	@RpcMethod("walletpassphrase")
	default CompletableFuture<Void> walletPassphraseAsync(String passphrase, Duration timeout) {
		return CallArguments.checked(() -> {
			String checked = WalletArguments.checkPassphrase(passphrase, "passphrase");
			Objects.requireNonNull(timeout, "timeout must not be null");
			if (timeout.isNegative()) {
				throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
			}
			return callAsync("walletpassphrase", List.of(checked, timeout.toSeconds()), Void.class);
		});
	}

	@RpcMethod("walletpassphrase")
	default void walletPassphrase(String passphrase, Duration timeout) {
		Futures.await(walletPassphraseAsync(passphrase, timeout));
	}

	/**
	 * {@code walletpassphrasechange <old> <new>}: changes the encrypted wallet's passphrase; -14 when
	 * the old one is wrong. Neither passphrase appears in a message.
	 */
	@RpcMethod("walletpassphrasechange")
	default CompletableFuture<Void> walletPassphraseChangeAsync(String oldPassphrase, String newPassphrase) {
		return CallArguments.checked(() -> callAsync("walletpassphrasechange",
				List.of(WalletArguments.checkPassphrase(oldPassphrase, "oldPassphrase"),
						WalletArguments.checkPassphrase(newPassphrase, "newPassphrase")),
				Void.class));
	}

	@RpcMethod("walletpassphrasechange")
	default void walletPassphraseChange(String oldPassphrase, String newPassphrase) {
		Futures.await(walletPassphraseChangeAsync(oldPassphrase, newPassphrase));
	}

}
