package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.BumpFeeResult;
import org.bitcoinrpc.client.model.LoadedWallet;
import org.bitcoinrpc.client.model.Unspent;
import org.bitcoinrpc.client.model.WalletBalances;
import org.bitcoinrpc.client.model.WalletInfo;
import org.bitcoinrpc.client.model.WalletTransaction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Bitcoin Core's wallet calls (btcd has no wallet: it answers -1 "This implementation does not
 * implement wallet commands"). Everything but {@code createwallet}, {@code loadwallet} and
 * {@code listwallets} acts on one wallet: call it through a client bound to that wallet, which
 * sends it to {@code /wallet/<name>}. On {@code /} Core picks the wallet only when exactly one is
 * loaded; with several it fails with -19, with none -18.
 */
public interface WalletCalls extends RpcCalls {

	/** {@code createwallet <name>}: creates and loads a descriptor wallet; -4 if it exists. */
	@RpcMethod("createwallet")
	default CompletableFuture<LoadedWallet> createWalletAsync(String name) {
		Objects.requireNonNull(name, "name must not be null");
		return callAsync("createwallet", List.of(name), LoadedWallet.class);
	}

	@RpcMethod("createwallet")
	default LoadedWallet createWallet(String name) {
		return RpcCalls.required(Futures.await(createWalletAsync(name)), "createwallet");
	}

	/** {@code loadwallet <name>}: loads an existing wallet; -35 if it is already loaded. */
	@RpcMethod("loadwallet")
	default CompletableFuture<LoadedWallet> loadWalletAsync(String name) {
		Objects.requireNonNull(name, "name must not be null");
		return callAsync("loadwallet", List.of(name), LoadedWallet.class);
	}

	@RpcMethod("loadwallet")
	default LoadedWallet loadWallet(String name) {
		return RpcCalls.required(Futures.await(loadWalletAsync(name)), "loadwallet");
	}

	/** {@code listwallets}: the names of the loaded wallets. */
	@RpcMethod("listwallets")
	default CompletableFuture<List<String>> listWalletsAsync() {
		return callAsync("listwallets", List.of(), new TypeReference<List<String>>() {
		});
	}

	@RpcMethod("listwallets")
	default List<String> listWallets() {
		return RpcCalls.required(Futures.await(listWalletsAsync()), "listwallets");
	}

	/** {@code getwalletinfo}: the wallet's state. */
	@RpcMethod("getwalletinfo")
	default CompletableFuture<WalletInfo> getWalletInfoAsync() {
		return callAsync("getwalletinfo", List.of(), WalletInfo.class);
	}

	@RpcMethod("getwalletinfo")
	default WalletInfo getWalletInfo() {
		return RpcCalls.required(Futures.await(getWalletInfoAsync()), "getwalletinfo");
	}

	/** {@code getbalance}: the trusted balance, BTC (immature coinbase outputs not included). */
	@RpcMethod("getbalance")
	default CompletableFuture<BigDecimal> getBalanceAsync() {
		return callAsync("getbalance", List.of(), BigDecimal.class);
	}

	@RpcMethod("getbalance")
	default BigDecimal getBalance() {
		return RpcCalls.required(Futures.await(getBalanceAsync()), "getbalance");
	}

	/** {@code getbalances}: trusted, pending and immature balances. */
	@RpcMethod("getbalances")
	default CompletableFuture<WalletBalances> getBalancesAsync() {
		return callAsync("getbalances", List.of(), WalletBalances.class);
	}

	@RpcMethod("getbalances")
	default WalletBalances getBalances() {
		return RpcCalls.required(Futures.await(getBalancesAsync()), "getbalances");
	}

	/**
	 * {@code getnewaddress [label]}: a fresh address of the wallet's default type (bech32 by
	 * default). Without a label none is sent. Takes a key from the wallet, so it is never resent
	 * after a lost connection by the default {@link ResendPolicy}.
	 */
	@RpcMethod("getnewaddress")
	default CompletableFuture<String> getNewAddressAsync(@Nullable String label) {
		return callAsync("getnewaddress", (label != null) ? List.of(label) : List.of(), String.class);
	}

	@RpcMethod("getnewaddress")
	default String getNewAddress(@Nullable String label) {
		return RpcCalls.required(Futures.await(getNewAddressAsync(label)), "getnewaddress");
	}

	/** {@code listunspent}: the wallet's spendable outputs with at least one confirmation. */
	@RpcMethod("listunspent")
	default CompletableFuture<List<Unspent>> listUnspentAsync() {
		return callAsync("listunspent", List.of(), new TypeReference<List<Unspent>>() {
		});
	}

	@RpcMethod("listunspent")
	default List<Unspent> listUnspent() {
		return RpcCalls.required(Futures.await(listUnspentAsync()), "listunspent");
	}

	/**
	 * {@code gettransaction <txid>}: a wallet transaction. A replaced or otherwise conflicted
	 * transaction has negative {@link WalletTransaction#confirmations()}; -5 if the wallet does not
	 * know the txid.
	 */
	@RpcMethod("gettransaction")
	default CompletableFuture<WalletTransaction> getTransactionAsync(String txid) {
		return callAsync("gettransaction", List.of(ChainCalls.checkHash(txid, "txid")), WalletTransaction.class);
	}

	@RpcMethod("gettransaction")
	default WalletTransaction getTransaction(String txid) {
		return RpcCalls.required(Futures.await(getTransactionAsync(txid)), "gettransaction");
	}

	/**
	 * {@code sendtoaddress <address> <amount>}: pays {@code amount} BTC and returns the txid. The
	 * amount is sent as a JSON number exactly as given (at most 8 decimals). Not resent after a
	 * lost connection by the default {@link ResendPolicy}.
	 */
	@RpcMethod("sendtoaddress")
	default CompletableFuture<String> sendToAddressAsync(String address, BigDecimal amount) {
		Objects.requireNonNull(address, "address must not be null");
		if (address.isBlank()) {
			throw new IllegalArgumentException("address must not be blank");
		}
		Objects.requireNonNull(amount, "amount must not be null");
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("amount must be positive, was " + amount.toPlainString());
		}
		if (amount.stripTrailingZeros().scale() > 8) {
			throw new IllegalArgumentException("amount must have at most 8 decimals, was " + amount.toPlainString());
		}
		return callAsync("sendtoaddress", List.of(address, amount), String.class);
	}

	@RpcMethod("sendtoaddress")
	default String sendToAddress(String address, BigDecimal amount) {
		return RpcCalls.required(Futures.await(sendToAddressAsync(address, amount)), "sendtoaddress");
	}

	/**
	 * {@code bumpfee <txid>}: replaces an unconfirmed, replaceable wallet transaction with one
	 * paying a higher fee. Not resent after a lost connection by the default {@link ResendPolicy}.
	 */
	@RpcMethod("bumpfee")
	default CompletableFuture<BumpFeeResult> bumpFeeAsync(String txid) {
		return callAsync("bumpfee", List.of(ChainCalls.checkHash(txid, "txid")), BumpFeeResult.class);
	}

	@RpcMethod("bumpfee")
	default BumpFeeResult bumpFee(String txid) {
		return RpcCalls.required(Futures.await(bumpFeeAsync(txid)), "bumpfee");
	}

}
