package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.AddressBookEntry;
import org.bitcoinrpc.client.model.AddressGroupingEntry;
import org.bitcoinrpc.client.model.AddressInfo;
import org.bitcoinrpc.client.model.BumpFeeResult;
import org.bitcoinrpc.client.model.CreatedDescriptors;
import org.bitcoinrpc.client.model.HdKey;
import org.bitcoinrpc.client.model.LoadedWallet;
import org.bitcoinrpc.client.model.OutputRef;
import org.bitcoinrpc.client.model.ReceivedByAddress;
import org.bitcoinrpc.client.model.ReceivedByLabel;
import org.bitcoinrpc.client.model.TransactionsSinceBlock;
import org.bitcoinrpc.client.model.Unspent;
import org.bitcoinrpc.client.model.WalletBalances;
import org.bitcoinrpc.client.model.WalletDescriptors;
import org.bitcoinrpc.client.model.WalletDirectory;
import org.bitcoinrpc.client.model.WalletInfo;
import org.bitcoinrpc.client.model.WalletTransaction;
import org.bitcoinrpc.client.model.WalletTransactionEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * Bitcoin Core's wallet calls (btcd has no wallet: it answers -1 "This implementation does not
 * implement wallet commands"). Everything but {@code createwallet}, {@code loadwallet} and
 * {@code listwallets} acts on one wallet: call it through a client bound to that wallet, which
 * sends it to {@code /wallet/<name>}. On {@code /} Core picks the wallet only when exactly one is
 * loaded; with several it fails with -19, with none -18.
 * <p>
 * The calls from {@code abandontransaction} on (issue 16) check their arguments and fail the
 * returned future with the {@link IllegalArgumentException} or {@link NullPointerException}
 * naming the argument (their blocking forms throw it); the older ones above throw it from the
 * async form.
 */
public interface WalletCalls extends RpcCalls {

	/** {@code createwallet <name>}: creates and loads a descriptor wallet; -4 if it exists. */
	@RpcMethod("createwallet")
	default CompletableFuture<LoadedWallet> createWalletAsync(String name) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(name, "name must not be null");
			return callAsync("createwallet", List.of(name), LoadedWallet.class);
		});
	}

	@RpcMethod("createwallet")
	default LoadedWallet createWallet(String name) {
		return RpcCalls.required(Futures.await(createWalletAsync(name)), "createwallet");
	}

	/** {@code loadwallet <name>}: loads an existing wallet; -35 if it is already loaded. */
	@RpcMethod("loadwallet")
	default CompletableFuture<LoadedWallet> loadWalletAsync(String name) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(name, "name must not be null");
			return callAsync("loadwallet", List.of(name), LoadedWallet.class);
		});
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
		return CallArguments.checked(() -> callAsync("getnewaddress", (label != null) ? List.of(label) : List.of(), String.class));
	}

	@RpcMethod("getnewaddress")
	default String getNewAddress(@Nullable String label) {
		return RpcCalls.required(Futures.await(getNewAddressAsync(label)), "getnewaddress");
	}

	/**
	 * {@code getnewaddress <label> <address_type>}: a fresh address of a type ({@code legacy},
	 * {@code p2sh-segwit}, {@code bech32}, {@code bech32m}); {@code null} label sends Core's default
	 * ({@code ""}).
	 */
	@RpcMethod("getnewaddress")
	default CompletableFuture<String> getNewAddressAsync(@Nullable String label, String addressType) {
		return CallArguments.checked(() -> callAsync("getnewaddress",
				List.of((label != null) ? label : "", checkText(addressType, "addressType")), String.class));
	}

	@RpcMethod("getnewaddress")
	default String getNewAddress(@Nullable String label, String addressType) {
		return RpcCalls.required(Futures.await(getNewAddressAsync(label, addressType)), "getnewaddress");
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
		return CallArguments.checked(() -> callAsync("gettransaction", List.of(ChainCalls.checkHash(txid, "txid")), WalletTransaction.class));
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
		return CallArguments.checked(() -> {
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
		});
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
		return CallArguments.checked(() -> callAsync("bumpfee", List.of(ChainCalls.checkHash(txid, "txid")), BumpFeeResult.class));
	}

	@RpcMethod("bumpfee")
	default BumpFeeResult bumpFee(String txid) {
		return RpcCalls.required(Futures.await(bumpFeeAsync(txid)), "bumpfee");
	}

	/**
	 * {@code abandontransaction <txid>}: marks an unconfirmed wallet transaction that is not in the
	 * mempool as abandoned, so its inputs can be spent again. -5 for one that is confirmed or in the
	 * mempool ("Transaction not eligible for abandonment") or unknown.
	 */
	@RpcMethod("abandontransaction")
	default CompletableFuture<Void> abandonTransactionAsync(String txid) {
		return CallArguments.checked(() -> callAsync("abandontransaction", List.of(ChainCalls.checkHash(txid, "txid")), Void.class));
	}

	@RpcMethod("abandontransaction")
	default void abandonTransaction(String txid) {
		Futures.await(abandonTransactionAsync(txid));
	}

	/** {@code abortrescan}: stops a running rescan; {@code false} when none was running. */
	@RpcMethod("abortrescan")
	default CompletableFuture<Boolean> abortRescanAsync() {
		return callAsync("abortrescan", List.of(), Boolean.class);
	}

	@RpcMethod("abortrescan")
	default boolean abortRescan() {
		return RpcCalls.required(Futures.await(abortRescanAsync()), "abortrescan");
	}

	/**
	 * {@code backupwallet <destination>}: copies the wallet to a file (or directory) on the
	 * <em>node's</em> file system.
	 */
	@RpcMethod("backupwallet")
	default CompletableFuture<Void> backupWalletAsync(String destination) {
		return CallArguments.checked(() -> callAsync("backupwallet", List.of(checkText(destination, "destination")), Void.class));
	}

	@RpcMethod("backupwallet")
	default void backupWallet(String destination) {
		Futures.await(backupWalletAsync(destination));
	}

	/**
	 * {@code createwalletdescriptor <type>} (Core 28 and later): adds active receiving and change
	 * descriptors of an address type ({@code legacy}, {@code p2sh-segwit}, {@code bech32},
	 * {@code bech32m}) derived from the wallet's only HD key. -4 "Descriptor already exists" when
	 * the wallet has that type already. Not resent after a lost connection by the default
	 * {@link ResendPolicy}.
	 */
	@RpcMethod("createwalletdescriptor")
	default CompletableFuture<CreatedDescriptors> createWalletDescriptorAsync(String type) {
		return createWalletDescriptorAsync(type, null, null);
	}

	@RpcMethod("createwalletdescriptor")
	default CreatedDescriptors createWalletDescriptor(String type) {
		return RpcCalls.required(Futures.await(createWalletDescriptorAsync(type)), "createwalletdescriptor");
	}

	/**
	 * {@code createwalletdescriptor <type> {internal, hdkey}}: as {@link #createWalletDescriptorAsync(String)},
	 * with Core's options: only the change ({@code internal} true) or only the receiving descriptor,
	 * and the HD key to derive from (an xpub the wallet has the private key of; needed when it has
	 * several). {@code null} leaves an option out.
	 */
	@RpcMethod("createwalletdescriptor")
	default CompletableFuture<CreatedDescriptors> createWalletDescriptorAsync(String type, @Nullable Boolean internal,
			@Nullable String hdKey) {
		return CallArguments.checked(() -> {
			checkText(type, "type");
			java.util.Map<String, Object> options = new java.util.LinkedHashMap<>();
			if (internal != null) {
				options.put("internal", internal);
			}
			if (hdKey != null) {
				options.put("hdkey", checkText(hdKey, "hdKey"));
			}
			return callAsync("createwalletdescriptor", options.isEmpty() ? List.of(type) : List.of(type, options),
					CreatedDescriptors.class);
		});
	}

	@RpcMethod("createwalletdescriptor")
	default CreatedDescriptors createWalletDescriptor(String type, @Nullable Boolean internal, @Nullable String hdKey) {
		return RpcCalls.required(Futures.await(createWalletDescriptorAsync(type, internal, hdKey)),
				"createwalletdescriptor");
	}

	/**
	 * {@code encryptwallet <passphrase>}: encrypts the wallet, which is locked afterwards; returns
	 * Core's message (a new HD seed: make a new backup). -15 when it is encrypted already. The
	 * passphrase is never put in an exception message.
	 */
	@RpcMethod("encryptwallet")
	default CompletableFuture<String> encryptWalletAsync(String passphrase) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(passphrase, "passphrase must not be null");
			if (passphrase.isEmpty()) {
				throw new IllegalArgumentException("passphrase must not be empty");
			}
			return callAsync("encryptwallet", List.of(passphrase), String.class);
		});
	}

	@RpcMethod("encryptwallet")
	default String encryptWallet(String passphrase) {
		return RpcCalls.required(Futures.await(encryptWalletAsync(passphrase)), "encryptwallet");
	}

	/**
	 * {@code getaddressesbylabel <label>}: the addresses with a label, in Core's order, each with
	 * its address-book purpose. -11 "No addresses with label ..." for a label no address has.
	 */
	@RpcMethod("getaddressesbylabel")
	default CompletableFuture<Map<String, AddressBookEntry>> getAddressesByLabelAsync(String label) {
		return CallArguments.checked(() -> callAsync("getaddressesbylabel", List.of(Objects.requireNonNull(label, "label must not be null")),
				new TypeReference<Map<String, AddressBookEntry>>() {
				}));
	}

	@RpcMethod("getaddressesbylabel")
	default Map<String, AddressBookEntry> getAddressesByLabel(String label) {
		return RpcCalls.required(Futures.await(getAddressesByLabelAsync(label)), "getaddressesbylabel");
	}

	/** {@code getaddressinfo <address>}: what the wallet knows about any valid address; -5 for an invalid one. */
	@RpcMethod("getaddressinfo")
	default CompletableFuture<AddressInfo> getAddressInfoAsync(String address) {
		return CallArguments.checked(() -> callAsync("getaddressinfo", List.of(checkText(address, "address")), AddressInfo.class));
	}

	@RpcMethod("getaddressinfo")
	default AddressInfo getAddressInfo(String address) {
		return RpcCalls.required(Futures.await(getAddressInfoAsync(address)), "getaddressinfo");
	}

	/** {@code gethdkeys} (Core 27 and later): the wallet's BIP 32 keys and the descriptors using them. */
	@RpcMethod("gethdkeys")
	default CompletableFuture<List<HdKey>> getHdKeysAsync() {
		return callAsync("gethdkeys", List.of(), new TypeReference<List<HdKey>>() {
		});
	}

	@RpcMethod("gethdkeys")
	default List<HdKey> getHdKeys() {
		return RpcCalls.required(Futures.await(getHdKeysAsync()), "gethdkeys");
	}

	/**
	 * {@code gethdkeys {active_only, private}}: only the keys of active descriptors, and with
	 * {@code withPrivate} their {@link HdKey#xprv()} (the wallet must be unlocked).
	 */
	@RpcMethod("gethdkeys")
	default CompletableFuture<List<HdKey>> getHdKeysAsync(boolean activeOnly, boolean withPrivate) {
		return callAsync("gethdkeys", List.of(Map.of("active_only", activeOnly, "private", withPrivate)),
				new TypeReference<List<HdKey>>() {
				});
	}

	@RpcMethod("gethdkeys")
	default List<HdKey> getHdKeys(boolean activeOnly, boolean withPrivate) {
		return RpcCalls.required(Futures.await(getHdKeysAsync(activeOnly, withPrivate)), "gethdkeys");
	}

	/**
	 * {@code getrawchangeaddress}: a fresh change address of the wallet's default change type
	 * (bech32 by default). Takes a key from the wallet, so it is never resent after a lost
	 * connection by the default {@link ResendPolicy}.
	 */
	@RpcMethod("getrawchangeaddress")
	default CompletableFuture<String> getRawChangeAddressAsync() {
		return callAsync("getrawchangeaddress", List.of(), String.class);
	}

	@RpcMethod("getrawchangeaddress")
	default String getRawChangeAddress() {
		return RpcCalls.required(Futures.await(getRawChangeAddressAsync()), "getrawchangeaddress");
	}

	/**
	 * {@code getrawchangeaddress <address_type>}: a fresh change address of a type
	 * ({@code legacy}, {@code p2sh-segwit}, {@code bech32}, {@code bech32m}).
	 */
	@RpcMethod("getrawchangeaddress")
	default CompletableFuture<String> getRawChangeAddressAsync(String addressType) {
		return CallArguments.checked(() -> callAsync("getrawchangeaddress", List.of(checkText(addressType, "addressType")), String.class));
	}

	@RpcMethod("getrawchangeaddress")
	default String getRawChangeAddress(String addressType) {
		return RpcCalls.required(Futures.await(getRawChangeAddressAsync(addressType)), "getrawchangeaddress");
	}

	/**
	 * {@code getreceivedbyaddress <address>}: the total the wallet's address received in
	 * transactions with at least one confirmation, BTC; -4 "Address not found in wallet" for another
	 * wallet's address.
	 */
	@RpcMethod("getreceivedbyaddress")
	default CompletableFuture<BigDecimal> getReceivedByAddressAsync(String address) {
		return CallArguments.checked(() -> callAsync("getreceivedbyaddress", List.of(checkText(address, "address")), BigDecimal.class));
	}

	@RpcMethod("getreceivedbyaddress")
	default BigDecimal getReceivedByAddress(String address) {
		return RpcCalls.required(Futures.await(getReceivedByAddressAsync(address)), "getreceivedbyaddress");
	}

	/** {@code getreceivedbyaddress <address> <minconf>}: as above, counting transactions with at least {@code minConf} confirmations (0: unconfirmed too). */
	@RpcMethod("getreceivedbyaddress")
	default CompletableFuture<BigDecimal> getReceivedByAddressAsync(String address, int minConf) {
		return CallArguments.checked(() -> callAsync("getreceivedbyaddress",
				List.of(checkText(address, "address"), ChainCalls.checkIndex(minConf, "minConf")), BigDecimal.class));
	}

	@RpcMethod("getreceivedbyaddress")
	default BigDecimal getReceivedByAddress(String address, int minConf) {
		return RpcCalls.required(Futures.await(getReceivedByAddressAsync(address, minConf)), "getreceivedbyaddress");
	}

	/** {@code getreceivedbylabel <label>}: the total the label's addresses received with at least one confirmation, BTC. */
	@RpcMethod("getreceivedbylabel")
	default CompletableFuture<BigDecimal> getReceivedByLabelAsync(String label) {
		return CallArguments.checked(() -> callAsync("getreceivedbylabel", List.of(Objects.requireNonNull(label, "label must not be null")),
				BigDecimal.class));
	}

	@RpcMethod("getreceivedbylabel")
	default BigDecimal getReceivedByLabel(String label) {
		return RpcCalls.required(Futures.await(getReceivedByLabelAsync(label)), "getreceivedbylabel");
	}

	/** {@code getreceivedbylabel <label> <minconf>}: as above, with at least {@code minConf} confirmations. */
	@RpcMethod("getreceivedbylabel")
	default CompletableFuture<BigDecimal> getReceivedByLabelAsync(String label, int minConf) {
		return CallArguments.checked(() -> callAsync("getreceivedbylabel",
				List.of(Objects.requireNonNull(label, "label must not be null"), ChainCalls.checkIndex(minConf, "minConf")),
				BigDecimal.class));
	}

	@RpcMethod("getreceivedbylabel")
	default BigDecimal getReceivedByLabel(String label, int minConf) {
		return RpcCalls.required(Futures.await(getReceivedByLabelAsync(label, minConf)), "getreceivedbylabel");
	}

	/**
	 * {@code listaddressgroupings}: groups of the wallet's addresses whose common ownership others
	 * can infer (spent together, or change), each address with its balance and label.
	 */
	@RpcMethod("listaddressgroupings")
	default CompletableFuture<List<List<AddressGroupingEntry>>> listAddressGroupingsAsync() {
		return callAsync("listaddressgroupings", List.of(), new TypeReference<List<List<AddressGroupingEntry>>>() {
		});
	}

	@RpcMethod("listaddressgroupings")
	default List<List<AddressGroupingEntry>> listAddressGroupings() {
		return RpcCalls.required(Futures.await(listAddressGroupingsAsync()), "listaddressgroupings");
	}

	/** {@code listdescriptors}: the wallet's descriptors, public keys only. */
	@RpcMethod("listdescriptors")
	default CompletableFuture<WalletDescriptors> listDescriptorsAsync() {
		return callAsync("listdescriptors", List.of(), WalletDescriptors.class);
	}

	@RpcMethod("listdescriptors")
	default WalletDescriptors listDescriptors() {
		return RpcCalls.required(Futures.await(listDescriptorsAsync()), "listdescriptors");
	}

	/**
	 * {@code listdescriptors <private>}: with {@code withPrivate}, the descriptors with their
	 * private keys (the wallet must be unlocked; -4 on a wallet without private keys). Handle the
	 * result as a secret.
	 */
	@RpcMethod("listdescriptors")
	default CompletableFuture<WalletDescriptors> listDescriptorsAsync(boolean withPrivate) {
		return callAsync("listdescriptors", List.of(withPrivate), WalletDescriptors.class);
	}

	@RpcMethod("listdescriptors")
	default WalletDescriptors listDescriptors(boolean withPrivate) {
		return RpcCalls.required(Futures.await(listDescriptorsAsync(withPrivate)), "listdescriptors");
	}

	/** {@code listlabels}: the labels in use, sorted. */
	@RpcMethod("listlabels")
	default CompletableFuture<List<String>> listLabelsAsync() {
		return callAsync("listlabels", List.of(), new TypeReference<List<String>>() {
		});
	}

	@RpcMethod("listlabels")
	default List<String> listLabels() {
		return RpcCalls.required(Futures.await(listLabelsAsync()), "listlabels");
	}

	/** {@code listlabels <purpose>}: the labels of addresses with a purpose ({@code receive}, {@code send}, {@code refund}). */
	@RpcMethod("listlabels")
	default CompletableFuture<List<String>> listLabelsAsync(String purpose) {
		return CallArguments.checked(() -> callAsync("listlabels", List.of(checkText(purpose, "purpose")),
				new TypeReference<List<String>>() {
				}));
	}

	@RpcMethod("listlabels")
	default List<String> listLabels(String purpose) {
		return RpcCalls.required(Futures.await(listLabelsAsync(purpose)), "listlabels");
	}

	/** {@code listlockunspent}: the outputs locked with {@code lockunspent}. */
	@RpcMethod("listlockunspent")
	default CompletableFuture<List<OutputRef>> listLockUnspentAsync() {
		return callAsync("listlockunspent", List.of(), new TypeReference<List<OutputRef>>() {
		});
	}

	@RpcMethod("listlockunspent")
	default List<OutputRef> listLockUnspent() {
		return RpcCalls.required(Futures.await(listLockUnspentAsync()), "listlockunspent");
	}

	/**
	 * {@code listreceivedbyaddress}: what each of the wallet's receiving addresses received with at
	 * least one confirmation (addresses that received nothing are left out).
	 */
	@RpcMethod("listreceivedbyaddress")
	default CompletableFuture<List<ReceivedByAddress>> listReceivedByAddressAsync() {
		return listReceivedByAddressAsync(ListReceivedOptions.DEFAULTS);
	}

	@RpcMethod("listreceivedbyaddress")
	default List<ReceivedByAddress> listReceivedByAddress() {
		return RpcCalls.required(Futures.await(listReceivedByAddressAsync()), "listreceivedbyaddress");
	}

	/** {@code listreceivedbyaddress minconf include_empty include_watchonly address_filter include_immature_coinbase}. */
	@RpcMethod("listreceivedbyaddress")
	default CompletableFuture<List<ReceivedByAddress>> listReceivedByAddressAsync(ListReceivedOptions options) {
		return CallArguments.checked(() -> callAsync("listreceivedbyaddress",
				Objects.requireNonNull(options, "options must not be null").byAddressParams(),
				new TypeReference<List<ReceivedByAddress>>() {
				}));
	}

	@RpcMethod("listreceivedbyaddress")
	default List<ReceivedByAddress> listReceivedByAddress(ListReceivedOptions options) {
		return RpcCalls.required(Futures.await(listReceivedByAddressAsync(options)), "listreceivedbyaddress");
	}

	/** {@code listreceivedbylabel}: what each label's addresses received with at least one confirmation. */
	@RpcMethod("listreceivedbylabel")
	default CompletableFuture<List<ReceivedByLabel>> listReceivedByLabelAsync() {
		return listReceivedByLabelAsync(ListReceivedOptions.DEFAULTS);
	}

	@RpcMethod("listreceivedbylabel")
	default List<ReceivedByLabel> listReceivedByLabel() {
		return RpcCalls.required(Futures.await(listReceivedByLabelAsync()), "listreceivedbylabel");
	}

	/**
	 * {@code listreceivedbylabel minconf include_empty include_watchonly include_immature_coinbase};
	 * options with an {@link ListReceivedOptions#addressFilter() address filter} are refused.
	 */
	@RpcMethod("listreceivedbylabel")
	default CompletableFuture<List<ReceivedByLabel>> listReceivedByLabelAsync(ListReceivedOptions options) {
		return CallArguments.checked(() -> callAsync("listreceivedbylabel",
				Objects.requireNonNull(options, "options must not be null").byLabelParams(),
				new TypeReference<List<ReceivedByLabel>>() {
				}));
	}

	@RpcMethod("listreceivedbylabel")
	default List<ReceivedByLabel> listReceivedByLabel(ListReceivedOptions options) {
		return RpcCalls.required(Futures.await(listReceivedByLabelAsync(options)), "listreceivedbylabel");
	}

	/**
	 * {@code listsinceblock}: every transaction of the wallet, and the tip as
	 * {@link TransactionsSinceBlock#lastBlock()} to pass to the next call.
	 */
	@RpcMethod("listsinceblock")
	default CompletableFuture<TransactionsSinceBlock> listSinceBlockAsync() {
		return callAsync("listsinceblock", List.of(), TransactionsSinceBlock.class);
	}

	@RpcMethod("listsinceblock")
	default TransactionsSinceBlock listSinceBlock() {
		return RpcCalls.required(Futures.await(listSinceBlockAsync()), "listsinceblock");
	}

	/**
	 * {@code listsinceblock <blockhash>}: the wallet's transactions in blocks after {@code blockHash}
	 * and unconfirmed ones. A hash no longer in the active chain lists from the fork point, and
	 * the stale blocks' transactions under {@link TransactionsSinceBlock#removed()}. -5 "Block not
	 * found" for a hash the node does not know.
	 */
	@RpcMethod("listsinceblock")
	default CompletableFuture<TransactionsSinceBlock> listSinceBlockAsync(String blockHash) {
		return listSinceBlockAsync(blockHash, ListSinceBlockOptions.DEFAULTS);
	}

	@RpcMethod("listsinceblock")
	default TransactionsSinceBlock listSinceBlock(String blockHash) {
		return RpcCalls.required(Futures.await(listSinceBlockAsync(blockHash)), "listsinceblock");
	}

	/**
	 * {@code listsinceblock blockhash target_confirmations include_watchonly include_removed
	 * include_change label}; a {@code null} {@code blockHash} lists every transaction.
	 */
	@RpcMethod("listsinceblock")
	default CompletableFuture<TransactionsSinceBlock> listSinceBlockAsync(@Nullable String blockHash,
			ListSinceBlockOptions options) {
		return CallArguments.checked(() -> {
			Objects.requireNonNull(options, "options must not be null");
			String hash = (blockHash != null) ? ChainCalls.checkHash(blockHash, "blockHash") : null;
			// Core reads a JSON null as "no block"; RpcCalls.params drops it when nothing follows.
			return callAsync("listsinceblock", options.params(hash), TransactionsSinceBlock.class);
		});
	}

	@RpcMethod("listsinceblock")
	default TransactionsSinceBlock listSinceBlock(@Nullable String blockHash, ListSinceBlockOptions options) {
		return RpcCalls.required(Futures.await(listSinceBlockAsync(blockHash, options)), "listsinceblock");
	}

	/**
	 * {@code listtransactions "*" <count>}: the wallet's {@code count} most recent entries (one per
	 * output; see {@link WalletTransactionEntry}), oldest first.
	 */
	@RpcMethod("listtransactions")
	default CompletableFuture<List<WalletTransactionEntry>> listTransactionsAsync(int count) {
		return CallArguments.checked(() -> callAsync("listtransactions", List.of("*", ChainCalls.checkIndex(count, "count")),
				new TypeReference<List<WalletTransactionEntry>>() {
				}));
	}

	@RpcMethod("listtransactions")
	default List<WalletTransactionEntry> listTransactions(int count) {
		return RpcCalls.required(Futures.await(listTransactionsAsync(count)), "listtransactions");
	}

	/**
	 * {@code listtransactions <label> <count> <skip>}: {@code count} entries after skipping the
	 * {@code skip} most recent, oldest first; a label other than {@code "*"} lists only incoming
	 * payments to addresses with that label (Core refuses {@code ""} with -8).
	 */
	@RpcMethod("listtransactions")
	default CompletableFuture<List<WalletTransactionEntry>> listTransactionsAsync(String label, int count, int skip) {
		return CallArguments.checked(() -> callAsync("listtransactions",
				List.of(Objects.requireNonNull(label, "label must not be null"), ChainCalls.checkIndex(count, "count"),
						ChainCalls.checkIndex(skip, "skip")),
				new TypeReference<List<WalletTransactionEntry>>() {
				}));
	}

	@RpcMethod("listtransactions")
	default List<WalletTransactionEntry> listTransactions(String label, int count, int skip) {
		return RpcCalls.required(Futures.await(listTransactionsAsync(label, count, skip)), "listtransactions");
	}

	/**
	 * {@code listwalletdir}: the wallets in the node's wallet directory, loaded or not. Not about
	 * one wallet: call it on the client itself.
	 */
	@RpcMethod("listwalletdir")
	default CompletableFuture<WalletDirectory> listWalletDirAsync() {
		return callAsync("listwalletdir", List.of(), WalletDirectory.class);
	}

	@RpcMethod("listwalletdir")
	default WalletDirectory listWalletDir() {
		return RpcCalls.required(Futures.await(listWalletDirAsync()), "listwalletdir");
	}

	/**
	 * {@code lockunspent false [outputs]}: keeps the outputs out of automatic coin selection until
	 * unlocked or the node restarts; -8 for an output the wallet does not know or that is spent or
	 * locked already.
	 */
	@RpcMethod("lockunspent")
	default CompletableFuture<Boolean> lockUnspentAsync(List<OutputRef> outputs) {
		return CallArguments.checked(() -> callAsync("lockunspent", List.of(false, checkOutputs(outputs)), Boolean.class));
	}

	@RpcMethod("lockunspent")
	default boolean lockUnspent(List<OutputRef> outputs) {
		return RpcCalls.required(Futures.await(lockUnspentAsync(outputs)), "lockunspent");
	}

	/**
	 * {@code lockunspent false [outputs] <persistent>}: as {@link #lockUnspentAsync(List)}; with
	 * {@code persistent} the locks are written to the wallet and survive a restart.
	 */
	@RpcMethod("lockunspent")
	default CompletableFuture<Boolean> lockUnspentAsync(List<OutputRef> outputs, boolean persistent) {
		return CallArguments.checked(() -> callAsync("lockunspent", List.of(false, checkOutputs(outputs), persistent), Boolean.class));
	}

	@RpcMethod("lockunspent")
	default boolean lockUnspent(List<OutputRef> outputs, boolean persistent) {
		return RpcCalls.required(Futures.await(lockUnspentAsync(outputs, persistent)), "lockunspent");
	}

	/** {@code lockunspent true [outputs]}: unlocks the outputs; -8 for one that is not locked. */
	@RpcMethod("lockunspent")
	default CompletableFuture<Boolean> unlockUnspentAsync(List<OutputRef> outputs) {
		return CallArguments.checked(() -> callAsync("lockunspent", List.of(true, checkOutputs(outputs)), Boolean.class));
	}

	@RpcMethod("lockunspent")
	default boolean unlockUnspent(List<OutputRef> outputs) {
		return RpcCalls.required(Futures.await(unlockUnspentAsync(outputs)), "lockunspent");
	}

	/** {@code lockunspent true}: unlocks every locked output. */
	@RpcMethod("lockunspent")
	default CompletableFuture<Boolean> unlockAllUnspentAsync() {
		return callAsync("lockunspent", List.of(true), Boolean.class);
	}

	@RpcMethod("lockunspent")
	default boolean unlockAllUnspent() {
		return RpcCalls.required(Futures.await(unlockAllUnspentAsync()), "lockunspent");
	}

	/** {@code setlabel <address> <label>}: sets (replaces) the label of one of the wallet's addresses. */
	@RpcMethod("setlabel")
	default CompletableFuture<Void> setLabelAsync(String address, String label) {
		return CallArguments.checked(() -> callAsync("setlabel",
				List.of(checkText(address, "address"), Objects.requireNonNull(label, "label must not be null")), Void.class));
	}

	@RpcMethod("setlabel")
	default void setLabel(String address, String label) {
		Futures.await(setLabelAsync(address, label));
	}

	/** A text argument: not null, not blank. */
	private static String checkText(String value, String argument) {
		Objects.requireNonNull(value, () -> argument + " must not be null");
		if (value.isBlank()) {
			throw new IllegalArgumentException(argument + " must not be blank");
		}
		return value;
	}

	/** The outputs of {@code lockunspent}: at least one, none null. */
	private static List<OutputRef> checkOutputs(List<OutputRef> outputs) {
		Objects.requireNonNull(outputs, "outputs must not be null");
		if (outputs.isEmpty()) {
			throw new IllegalArgumentException("outputs must not be empty");
		}
		return List.copyOf(outputs);
	}

}
