package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.bitcoinrpc.client.ListReceivedOptions;
import org.bitcoinrpc.client.RpcInvalidAddressOrKeyException;
import org.bitcoinrpc.client.RpcInvalidParameterException;
import org.bitcoinrpc.client.RpcWalletException;
import org.bitcoinrpc.client.protocol.InboundMessage;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.bitcoinrpc.client.protocol.JsonText;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Core's wallet calls about addresses, labels, keys, descriptors, locks and the wallet file,
 * against the Core 31 transcripts: every success and error transcript of these methods.
 */
class WalletAddressAndKeyFixtureTests {

	private static final String BOB_1 = "bcrt1qautf05ywsvzpy5rxcx8d6wpqryxxg9xkyrnx48";

	private static final String BOB_2 = "bcrt1p4s4h24g5l0kqdd4264a2l2al5q5q86xk677lusat5z6s5wfwmnfsg84xzq";

	private static final String BOB_3 = "2NAcBYZwq3FqqcxXxPRn43XgwAQcn3UgfF7";

	private static final String PAY_BOB = "480708595448bcaf78253422a162ac5e1cbf5383b840d882b3ea563097e414e4";

	private static final String LOCKED = "5899a198ba7d9b0e9399ee78e605173a80f231750c105292fe98143e2a38f30b";

	@Test
	void abandonTransaction() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-abandontransaction.json");
		calls.abandonTransaction("bd9cfc567eaf72bfd5a395851ef121aa98c0ea3299305791dbc85c7a75c58af3");
		calls.assertSentAsRecorded();
		assertThat(calls.abandonTransactionAsync("bd9cfc567eaf72bfd5a395851ef121aa98c0ea3299305791dbc85c7a75c58af3"))
			.isCompletedWithValue(null);

		FixtureCalls confirmed = FixtureCalls.replaying("core/http-abandontransaction-confirmed.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> confirmed.abandonTransaction(PAY_BOB))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Transaction not eligible for abandonment"));
		confirmed.assertSentAsRecorded();
	}

	@Test
	void abortRescanAndBackupWallet() {
		FixtureCalls abort = FixtureCalls.replaying("core/http-abortrescan.json");
		assertThat(abort.abortRescan()).isFalse();
		abort.assertSentAsRecorded();

		FixtureCalls backup = FixtureCalls.replaying("core/http-backupwallet.json");
		backup.backupWallet("/home/bitcoin/backups/alice-backup.dat");
		backup.assertSentAsRecorded();
		assertThat(backup.backupWalletAsync(" ")).isCompletedExceptionally();
	}

	@Test
	void createWalletDescriptor() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createwalletdescriptor.json");
		CreatedDescriptors created = calls.createWalletDescriptor("bech32m");
		calls.assertSentAsRecorded();
		String xpub = "tr([d3fe89d7/86h/1h/0h]tpubDCTjfMAVk4S3KvRFW4zoNeFuTedarmAWqpfaYvfeps2KHfozwYpn8wfz3UXhTrKuJ1ssnJJk2tJDPUGCYJ6eTMwALQfWowwteCetr9XPH21";
		assertThat(created.descs()).containsExactly(Descriptor.of(xpub + "/0/*)#dgrx4pzd"),
				Descriptor.of(xpub + "/1/*)#uux8g5j4"));
		assertThat(created.descs().get(0).hasChecksum()).isTrue();

		FixtureCalls exists = FixtureCalls.replaying("core/http-createwalletdescriptor-exists.json");
		assertThatExceptionOfType(RpcWalletException.class).isThrownBy(() -> exists.createWalletDescriptor("bech32m"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-4))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Descriptor already exists"));
		exists.assertSentAsRecorded();

		FixtureCalls options = FixtureCalls.replaying("core/http-createwalletdescriptor.json");
		options.createWalletDescriptor("bech32", true, "tpubX");
		options.assertSent("[\"bech32\", {\"internal\": true, \"hdkey\": \"tpubX\"}]");
	}

	@Test
	void encryptWallet() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-encryptwallet.json");
		assertThat(calls.encryptWallet("correct horse")).startsWith("wallet encrypted; The keypool has been flushed")
			.endsWith("You need to make a new backup with the backupwallet RPC.");
		calls.assertSentAsRecorded();

		FixtureCalls again = FixtureCalls.replaying("core/http-encryptwallet-already-encrypted.json");
		assertThatExceptionOfType(RpcWalletException.class).isThrownBy(() -> again.encryptWallet("again"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-15))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("again"));
		again.assertSentAsRecorded();
		assertThatIllegalArgumentException().isThrownBy(() -> again.encryptWallet(""))
			.withMessage("passphrase must not be empty");
	}

	@Test
	void addressesByLabel() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getaddressesbylabel.json");
		Map<String, AddressBookEntry> addresses = calls.getAddressesByLabel("bob-1");
		calls.assertSentAsRecorded();
		assertThat(addresses).containsExactly(Map.entry(BOB_1, new AddressBookEntry("receive")));

		FixtureCalls unknown = FixtureCalls.replaying("core/http-getaddressesbylabel-unknown.json");
		assertThatExceptionOfType(RpcWalletException.class).isThrownBy(() -> unknown.getAddressesByLabel("no-such-label"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-11))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("No addresses with label no-such-label"));
		unknown.assertSentAsRecorded();
	}

	@Test
	void addressInfoOfAWalletAddress() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getaddressinfo.json");
		AddressInfo info = calls.getAddressInfo(BOB_1);
		calls.assertSentAsRecorded();
		assertThat(info.address()).isEqualTo(BOB_1);
		assertThat(info.scriptPubKey()).isEqualTo("0014ef1697d08e8304125066c18edd3820190c6414d6");
		assertThat(info.isMine()).isTrue();
		assertThat(info.solvable()).isTrue();
		assertThat(info.isWatchOnly()).isFalse();
		assertThat(info.isScript()).isFalse();
		assertThat(info.isWitness()).isTrue();
		assertThat(info.isChange()).isFalse();
		assertThat(info.witnessVersion()).isZero();
		assertThat(info.witnessProgram()).isEqualTo("ef1697d08e8304125066c18edd3820190c6414d6");
		assertThat(info.pubkey()).isEqualTo("03d4dc0037c6e7abfb96947ca33b20e4b317be9b5bf991067170b54bd2f4924e28");
		assertThat(info.desc()).isEqualTo(
				"wpkh([702dc3c9/84h/1h/0h/0/0]03d4dc0037c6e7abfb96947ca33b20e4b317be9b5bf991067170b54bd2f4924e28)#pw586zdk");
		assertThat(info.parentDesc()).startsWith("wpkh([702dc3c9/84h/1h/0h]tpubDDcJMZP5").endsWith("/0/*)#eg7l3tg5");
		assertThat(info.timestamp()).isEqualTo(1796411251L);
		assertThat(info.hdKeyPath()).isEqualTo("m/84h/1h/0h/0/0");
		assertThat(info.hdSeedId()).isEqualTo("0".repeat(40));
		assertThat(info.hdMasterFingerprint()).isEqualTo("702dc3c9");
		assertThat(info.labels()).containsExactly("bob-1");
		assertThat(info.embedded()).isNull();
		assertThat(info.isCompressed()).isNull();
		assertThat(info.script()).isNull();
	}

	@Test
	void addressInfoOfTaprootAndForeignAddresses() {
		FixtureCalls taproot = FixtureCalls.replaying("core/http-getaddressinfo-taproot.json");
		AddressInfo tr = taproot.getAddressInfo(BOB_2);
		taproot.assertSentAsRecorded();
		assertThat(tr.witnessVersion()).isEqualTo(1);
		assertThat(tr.pubkey()).isNull();
		assertThat(tr.isScript()).isTrue();
		assertThat(tr.hdKeyPath()).isEqualTo("m/86h/1h/0h/0/0");
		assertThat(tr.labels()).containsExactly("bob-2");

		FixtureCalls foreign = FixtureCalls.replaying("core/http-getaddressinfo-foreign.json");
		AddressInfo other = foreign.getAddressInfo("bcrt1q4yw9rynr5m0lsqzzq8vee7y8arhe5z662sac7t");
		foreign.assertSentAsRecorded();
		assertThat(other.isMine()).isFalse();
		assertThat(other.solvable()).isFalse();
		assertThat(other.desc()).isNull();
		assertThat(other.parentDesc()).isNull();
		assertThat(other.pubkey()).isNull();
		assertThat(other.hdKeyPath()).isNull();
		assertThat(other.timestamp()).isNull();
		assertThat(other.labels()).isEmpty();
		assertThat(other.witnessProgram()).isEqualTo("a91c519263a6dff8004201d99cf887e8ef9a0b5a");

		FixtureCalls invalid = FixtureCalls.replaying("core/http-getaddressinfo-invalid.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> invalid.getAddressInfo("notanaddress"))
			.satisfies((ex) -> assertThat(ex.rpcMessage())
				.isEqualTo("Invalid checksum or length of Base58 address (P2PKH or P2SH)"));
		invalid.assertSentAsRecorded();
	}

	@Test
	void addressInfoWithAnEmbeddedAddress() {
		// Core's shape for a P2SH-wrapped segwit address, which no transcript shows: the embedded
		// address has no ismine/iswatchonly/timestamp/hdkeypath.
		AddressInfo info = decode("{\"address\":\"" + BOB_3 + "\",\"scriptPubKey\":\"a914b\",\"ismine\":true,"
				+ "\"solvable\":true,\"iswatchonly\":false,\"isscript\":true,\"iswitness\":false,"
				+ "\"script\":\"witness_v0_keyhash\",\"hex\":\"0014ab\",\"embedded\":{\"isscript\":false,"
				+ "\"iswitness\":true,\"witness_version\":0,\"witness_program\":\"ab\",\"pubkey\":\"02aa\","
				+ "\"address\":\"bcrt1qx\",\"scriptPubKey\":\"0014ab\"},\"ischange\":false,\"labels\":[\"bob-3\"]}",
				new TypeReference<AddressInfo>() {
				});
		assertThat(info.script()).isEqualTo("witness_v0_keyhash");
		assertThat(info.embedded()).isNotNull();
		assertThat(info.embedded().isMine()).isNull();
		assertThat(info.embedded().pubkey()).isEqualTo("02aa");
		assertThat(info.embedded().witnessVersion()).isZero();
		assertThat(info.embedded().labels()).isNull();
	}

	@Test
	void hdKeys() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gethdkeys.json");
		List<HdKey> keys = calls.getHdKeys();
		calls.assertSentAsRecorded();
		assertThat(keys).singleElement().satisfies((key) -> {
			assertThat(key.xpub()).startsWith("tpubD6NzVbkrYhZ4YCSQVUrzn9Hz").endsWith("qvw2dEZ");
			assertThat(key.hasPrivate()).isTrue();
			assertThat(key.xprv()).isNull();
			assertThat(key.descriptors()).containsExactly(new HdKey.KeyDescriptor(Descriptor.of(
					"wpkh([d3fe89d7/84h/1h/0h]tpubDCYPNw6wFfMjVD9S24rz5TuMaRUwURipcLVGgdsSza2sS1ELocPqjBh9AAuHjjZY8pE8LCWMAqarGZVn7o2wEuUuFYLNpDmX5bd45S922Eg/0/*)#xnz4933f"),
					true));
		});

		HdKey withPrivate = new HdKey("tpubA", true, "tprvSECRET", List.of());
		assertThat(withPrivate.toString()).doesNotContain("SECRET").contains("tpubA");

		FixtureCalls options = FixtureCalls.replaying("core/http-gethdkeys.json");
		options.getHdKeys(true, false);
		options.assertSent("[{\"active_only\": true, \"private\": false}]");
	}

	@Test
	void rawChangeAddress() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getrawchangeaddress.json");
		assertThat(calls.getRawChangeAddress()).isEqualTo("bcrt1qr2k4tmyxp4aawvjc7g6n6xd7r47yzddtvmecd4");
		calls.assertSentAsRecorded();

		FixtureCalls typed = FixtureCalls.replaying("core/http-getrawchangeaddress.json");
		typed.getRawChangeAddress("bech32m");
		typed.assertSent("[\"bech32m\"]");
	}

	@Test
	void receivedByAddressAndLabel() {
		FixtureCalls confirmed = FixtureCalls.replaying("core/http-getreceivedbyaddress.json");
		assertThat(confirmed.getReceivedByAddress(BOB_1)).isEqualTo(new BigDecimal("1.50000000"));
		confirmed.assertSentAsRecorded();

		FixtureCalls withUnconfirmed = FixtureCalls.replaying("core/http-getreceivedbyaddress-minconf0.json");
		assertThat(withUnconfirmed.getReceivedByAddress(BOB_1, 0)).isEqualTo(new BigDecimal("1.62500000"));
		withUnconfirmed.assertSentAsRecorded();

		FixtureCalls notMine = FixtureCalls.replaying("core/http-getreceivedbyaddress-not-mine.json");
		assertThatExceptionOfType(RpcWalletException.class)
			.isThrownBy(() -> notMine.getReceivedByAddress("bcrt1q4yw9rynr5m0lsqzzq8vee7y8arhe5z662sac7t"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-4))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Address not found in wallet"));
		notMine.assertSentAsRecorded();

		FixtureCalls label = FixtureCalls.replaying("core/http-getreceivedbylabel.json");
		assertThat(label.getReceivedByLabel("bob-1")).isEqualTo(new BigDecimal("1.50000000"));
		label.assertSentAsRecorded();
		FixtureCalls labelMinConf = FixtureCalls.replaying("core/http-getreceivedbylabel.json");
		labelMinConf.getReceivedByLabel("", 6);
		labelMinConf.assertSent("[\"\", 6]");
		assertThatIllegalArgumentException().isThrownBy(() -> labelMinConf.getReceivedByAddress(BOB_1, -1))
			.withMessage("minConf must not be negative, was -1");
	}

	@Test
	void addressGroupingsAreTuplesWithAnOptionalLabel() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listaddressgroupings.json");
		List<List<AddressGroupingEntry>> groups = calls.listAddressGroupings();
		calls.assertSentAsRecorded();
		assertThat(groups).hasSize(2);
		assertThat(groups.get(0)).containsExactly(new AddressGroupingEntry("bcrt1qy3kq94j32ppjypa2lwhp6w3tdr0qt9ptf4gvcp",
				new BigDecimal("0.00000000"), "alice-recv"));
		assertThat(groups.get(1)).containsExactly(
				new AddressGroupingEntry("bcrt1q9c4swmyd96rwl40wdhsw0a7n02rqlncc37kclw", new BigDecimal("47.32492820"), null),
				new AddressGroupingEntry("bcrt1q4yw9rynr5m0lsqzzq8vee7y8arhe5z662sac7t", new BigDecimal("450.00000000"),
						"mining"),
				new AddressGroupingEntry("bcrt1psqy8tua5rtc5z2nyw4ls7dy0xu0yzx0vp3creczesss3ct9hslls4duu4s",
						new BigDecimal("0.00000000"), null),
				new AddressGroupingEntry("bcrt1pese4wvqy3gayddvvxk35sqqa7v2tffwsal5jh37uym0ch25v472swc85yh",
						new BigDecimal("49.49999175"), null));
	}

	@Test
	void listDescriptors() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listdescriptors.json");
		WalletDescriptors descriptors = calls.listDescriptors();
		calls.assertSentAsRecorded();
		assertThat(descriptors.walletName()).isEqualTo("alice");
		assertThat(descriptors.descriptors()).hasSize(8).allSatisfy((d) -> {
			assertThat(d.active()).isTrue();
			assertThat(d.internal()).isNotNull();
			assertThat(d.timestamp()).isEqualTo(1796411251L);
		});
		WalletDescriptor change = descriptors.descriptors().get(7);
		assertThat(change.desc().toString()).startsWith("wpkh([95a770fd/84h/1h/0h]tpubDDVci4Tw").endsWith("/1/*)#6gya0k60");
		assertThat(change.internal()).isTrue();
		assertThat(change.range()).containsExactly(0L, 1003L);
		assertThat(change.next()).isEqualTo(4L);
		assertThat(change.nextIndex()).isEqualTo(4L);
		assertThat(descriptors.descriptors().get(0).internal()).isFalse();
	}

	@Test
	void listDescriptorsWithPrivateKeys() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listdescriptors-private.json");
		WalletDescriptors descriptors = calls.listDescriptors(true);
		calls.assertSentAsRecorded();
		assertThat(descriptors.walletName()).isEqualTo("carol");
		WalletDescriptor inactive = descriptors.descriptors().get(0);
		assertThat(inactive.desc().toString()).startsWith("pkh(tprv8ZgxMBicQKsPe6sksAR5").endsWith("#fl7ghz9y");
		assertThat(inactive.active()).isFalse();
		assertThat(inactive.internal()).as("only active descriptors say internal").isNull();
		assertThat(inactive.range()).containsExactly(0L, 999L);
		assertThat(inactive.nextIndex()).isZero();
		assertThat(descriptors.descriptors().get(2).internal()).isFalse();
		assertThat(descriptors.descriptors().get(3).internal()).isTrue();

		assertThat(descriptors.toString()).doesNotContain("tprv").contains("#fl7ghz9y");

		FixtureCalls watchOnly = FixtureCalls.replaying("core/http-listdescriptors-private-watchonly.json");
		assertThatExceptionOfType(RpcWalletException.class).isThrownBy(() -> watchOnly.listDescriptors(true))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-4))
			.satisfies((ex) -> assertThat(ex.rpcMessage())
				.isEqualTo("Can't get private descriptor string for watch-only wallets"));
		watchOnly.assertSentAsRecorded();
	}

	@Test
	void listLabels() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listlabels.json");
		assertThat(calls.listLabels()).containsExactly("bob-1", "bob-2", "bob-3");
		calls.assertSentAsRecorded();

		FixtureCalls receive = FixtureCalls.replaying("core/http-listlabels-receive.json");
		assertThat(receive.listLabels("receive")).containsExactly("bob-1", "bob-2", "bob-3");
		receive.assertSentAsRecorded();
	}

	@Test
	void lockAndUnlockUnspent() {
		OutputRef coinbase = new OutputRef(LOCKED, 0);
		FixtureCalls lock = FixtureCalls.replaying("core/http-lockunspent.json");
		assertThat(lock.lockUnspent(List.of(coinbase))).isTrue();
		lock.assertSentAsRecorded();

		FixtureCalls list = FixtureCalls.replaying("core/http-listlockunspent.json");
		assertThat(list.listLockUnspent()).containsExactly(coinbase);
		list.assertSentAsRecorded();

		FixtureCalls unlock = FixtureCalls.replaying("core/http-lockunspent-unlock.json");
		assertThat(unlock.unlockUnspent(List.of(coinbase))).isTrue();
		unlock.assertSentAsRecorded();

		FixtureCalls unknown = FixtureCalls.replaying("core/http-lockunspent-unknown.json");
		assertThatExceptionOfType(RpcInvalidParameterException.class)
			.isThrownBy(() -> unknown.lockUnspent(List.of(new OutputRef("1".repeat(64), 0))))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Invalid parameter, unknown transaction"));
		unknown.assertSentAsRecorded();

		FixtureCalls others = FixtureCalls.replaying("core/http-lockunspent.json");
		others.lockUnspent(List.of(coinbase), true);
		others.assertSent("[false, [{\"txid\": \"" + LOCKED + "\", \"vout\": 0}], true]");
		FixtureCalls all = FixtureCalls.replaying("core/http-lockunspent-unlock.json");
		all.unlockAllUnspent();
		all.assertSent("[true]");
		assertThat(all.lockUnspentAsync(List.of())).isCompletedExceptionally();
		assertThatIllegalArgumentException().isThrownBy(() -> new OutputRef(LOCKED, -1))
			.withMessage("vout must not be negative, was -1");
	}

	@Test
	void listReceivedByAddress() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listreceivedbyaddress.json");
		List<ReceivedByAddress> received = calls.listReceivedByAddress();
		calls.assertSentAsRecorded();
		assertThat(received).containsExactly(
				new ReceivedByAddress(BOB_3, new BigDecimal("0.30000000"), 1, "bob-3", List.of(PAY_BOB)),
				new ReceivedByAddress(BOB_1, new BigDecimal("1.50000000"), 1, "bob-1", List.of(PAY_BOB)),
				new ReceivedByAddress(BOB_2, new BigDecimal("1.25000000"), 1, "bob-2",
						List.of("90f871164c0d1c2bd4a2e874705f02f2c950f9bc06a26f63d1f889a0bbcde0c8", PAY_BOB)));

		FixtureCalls options = FixtureCalls.replaying("core/http-listreceivedbyaddress.json");
		options.listReceivedByAddress(ListReceivedOptions.builder().minConf(0).includeEmpty(true).addressFilter(BOB_1)
			.build());
		options.assertSent("[0, true, false, \"" + BOB_1 + "\"]");
	}

	@Test
	void listReceivedByLabel() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listreceivedbylabel.json");
		List<ReceivedByLabel> received = calls.listReceivedByLabel();
		calls.assertSentAsRecorded();
		assertThat(received).containsExactly(new ReceivedByLabel(new BigDecimal("1.50000000"), 1, "bob-1"),
				new ReceivedByLabel(new BigDecimal("1.25000000"), 1, "bob-2"),
				new ReceivedByLabel(new BigDecimal("0.30000000"), 1, "bob-3"));

		FixtureCalls options = FixtureCalls.replaying("core/http-listreceivedbylabel.json");
		options.listReceivedByLabel(ListReceivedOptions.builder().minConf(3).includeImmatureCoinbase(true).build());
		options.assertSent("[3, null, false, true]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> options.listReceivedByLabel(ListReceivedOptions.builder().addressFilter(BOB_1).build()))
			.withMessage("addressFilter is for listreceivedbyaddress only");
	}

	@Test
	void listWalletDir() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listwalletdir.json");
		WalletDirectory directory = calls.listWalletDir();
		calls.assertSentAsRecorded();
		assertThat(directory.wallets()).extracting(WalletDirectory.Entry::name)
			.containsExactly("watch", "eve", "bob", "carol", "alice");
		assertThat(directory.wallets()).allSatisfy((entry) -> assertThat(entry.warnings()).isEmpty());
	}

	@Test
	void setLabel() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-setlabel.json");
		calls.setLabel(BOB_3, "bob-3");
		calls.assertSentAsRecorded();
		assertThat(calls.setLabelAsync("", "x")).isCompletedExceptionally();
		assertThatNullPointerException().isThrownBy(() -> calls.setLabel(BOB_3, null)).withMessage("label must not be null");
	}

	@Test
	void anEntryOfAnUnknownCategoryStillDecodes() {
		List<WalletTransactionEntry> entries = decode("[{\"category\":\"teleport\",\"amount\":1.00000000,\"vout\":0,"
				+ "\"abandoned\":false,\"confirmations\":0,\"trusted\":true,\"txid\":\"" + PAY_BOB + "\",\"wtxid\":\""
				+ PAY_BOB + "\",\"walletconflicts\":[],\"mempoolconflicts\":[],\"time\":1,\"timereceived\":2,"
				+ "\"bip125-replaceable\":\"yes\",\"comment\":\"c\",\"to\":\"t\"}]",
				new TypeReference<List<WalletTransactionEntry>>() {
				});
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.category()).isEqualTo(WalletTransactionCategory.UNKNOWN);
			assertThat(entry.address()).isNull();
			assertThat(entry.comment()).isEqualTo("c");
			assertThat(entry.to()).isEqualTo("t");
			assertThat(entry.timeReceived()).isEqualTo(2L);
		});
	}

	private static <T> T decode(String result, TypeReference<T> type) {
		String body = "{\"result\":" + result + ",\"error\":null,\"id\":1}";
		JsonRpcCodec codec = new JsonRpcCodec();
		InboundMessage.Response response = (InboundMessage.Response) codec
			.decode(JsonText.of(body.getBytes(StandardCharsets.UTF_8)));
		return response.result().decode(codec.mapper(), codec.mapper().readerFor(type));
	}

}
