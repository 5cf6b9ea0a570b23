package org.bitcoinrpc.client.model;

import java.time.Duration;
import java.util.List;

import org.bitcoinrpc.client.ImportDescriptorsResult;
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcInvalidAddressOrKeyException;
import org.bitcoinrpc.client.RpcWalletException;
import org.bitcoinrpc.client.RpcWalletPassphraseIncorrectException;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Core's wallet management calls ({@code WalletManagementCalls}) against the Core 31 transcripts. */
class WalletManagementCallsFixtureTests {

	private static final String WATCH_PUBKEY = "029f1c86baade18756446147174de27f76fe3a63bd2b8eba8bde320a0cb4c0c550";

	private static final String TPRV = "tprv8ZgxMBicQKsPejQcbqCQNjdt6SN4DFZqYaUuWA7ig8feHeqYxTfyoZCYDo4vybHu6PngPY1433Gq4eXfGQdLejsYYB8Uw6fGERjwjz4afTR";

	@Test
	void importDescriptorsWithAFullRescan() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-importdescriptors.json");
		ImportDescriptorsResult result = calls.importDescriptors(
				List.of(DescriptorImport.since(Descriptor.of("wpkh(" + WATCH_PUBKEY + ")#fnezmls9"), 0).label("cold")));
		calls.assertSentAsRecorded();
		assertThat(result.allSucceeded()).isTrue();
		assertThat(result.failures()).isEmpty();
		assertThat(result.results()).containsExactly(new DescriptorImportResult(true, null, null));
		assertThat(result.requireAllSucceeded()).isSameAs(result);
	}

	@Test
	void importDescriptorsActiveAndRangedFromNow() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-importdescriptors-active-ranged.json");
		DescriptorImport request = DescriptorImport.fromNow(Descriptor.of("wpkh(" + TPRV + "/84h/1h/0h/0/*)#xr65s3rz"))
			.active(true)
			.range(0, 20)
			.internal(false);
		ImportDescriptorsResult result = calls.importDescriptors(List.of(request));
		calls.assertSentAsRecorded();
		assertThat(result.allSucceeded()).isTrue();
		assertThat(result.results().get(0).success()).isTrue();
		assertThat(result.results().get(0).warnings()).isNull();
		// The request holds a private key: its toString (and so the result's) names only the checksum.
		assertThat(request.toString()).doesNotContain("tprv").contains("#xr65s3rz").contains("range=[0, 20]");
		assertThat(result.toString()).doesNotContain("tprv");
	}

	@Test
	void importDescriptorsWithABadChecksumIsAFailedResultNotAnRpcError() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-importdescriptors-bad-checksum.json");
		ImportDescriptorsResult result = calls.importDescriptors(
				List.of(DescriptorImport.fromNow(Descriptor.of("wpkh(" + WATCH_PUBKEY + ")#aaaaaaaa"))));
		calls.assertSentAsRecorded();
		assertThat(result.allSucceeded()).isFalse();
		assertThat(result.results()).containsExactly(new DescriptorImportResult(false, null, new DescriptorImportResult.Error(
				-5, "Provided checksum 'aaaaaaaa' does not match computed checksum 'fnezmls9'")));
		assertThat(result.failures()).singleElement().satisfies((failure) -> {
			assertThat(failure.index()).isZero();
			assertThat(failure.code()).isEqualTo(RpcErrorCode.INVALID_ADDRESS_OR_KEY);
			assertThat(failure.codeName()).contains("INVALID_ADDRESS_OR_KEY");
			assertThat(failure.message()).startsWith("Provided checksum 'aaaaaaaa'");
		});
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class).isThrownBy(result::requireAllSucceeded)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-5))
			.withMessageContaining("importdescriptors")
			.withMessageContaining("request 0: Provided checksum 'aaaaaaaa' does not match computed checksum 'fnezmls9'");
	}

	@Test
	void importDescriptorsSendsTheOtherMembersOnlyWhenSet() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-importdescriptors.json");
		calls.importDescriptors(List.of(DescriptorImport.since(Descriptor.of("wpkh(00)"), 1700000000L)
			.active(true)
			.range(5, 9)
			.nextIndex(6)
			.internal(true)));
		calls.assertSent("[[{\"desc\": \"wpkh(00)\", \"timestamp\": 1700000000, \"active\": true, \"range\": [5, 9],"
				+ " \"next_index\": 6, \"internal\": true}]]");
		assertThatIllegalArgumentException().isThrownBy(() -> DescriptorImport.fromNow(Descriptor.of("x")).range(3, 2))
			.withMessage("range must be 0 <= start <= end, was [3, 2]");
	}

	@Test
	void importPrunedFunds() {
		String fixture = "core/http-importprunedfunds.json";
		var params = Fixtures.fixture(fixture).get("request").get("params");
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		calls.importPrunedFunds(TransactionHex.of(params.get(0).asString()), params.get(1).asString());
		calls.assertSentAsRecorded();
	}

	@Test
	void removePrunedFunds() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-removeprunedfunds.json");
		calls.removePrunedFunds("b3db6afe7e00f242d3df302907db97b99049cbf349d86ae7ed31cf2ff8d06906");
		calls.assertSentAsRecorded();
	}

	@Test
	void keypoolRefill() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-keypoolrefill.json");
		calls.keypoolRefill();
		calls.assertSentAsRecorded();

		FixtureCalls sized = FixtureCalls.replaying("core/http-keypoolrefill.json");
		sized.keypoolRefill(200);
		sized.assertSent("[200]");
	}

	@Test
	void migratingADescriptorWalletIsAWalletError() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-migratewallet-descriptor-wallet.json");
		assertThatExceptionOfType(RpcWalletException.class).isThrownBy(calls::migrateWallet)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RpcErrorCode.WALLET_ERROR))
			.withMessageContaining("This wallet is already a descriptor wallet");
		calls.assertSentAsRecorded();
	}

	@Test
	void migrateWalletByNameDecodesCoresDocumentedShape() {
		// No transcript of a migration (Core 31 cannot create a legacy wallet); the shape is Core's help text.
		String body = "{\"result\":{\"wallet_name\":\"old\",\"watchonly_name\":\"old_watchonly\","
				+ "\"backup_path\":\"/home/bitcoin/.bitcoin/old-123.legacy.bak\"},\"error\":null,\"id\":1}";
		var codec = new org.bitcoinrpc.client.protocol.JsonRpcCodec();
		var response = (org.bitcoinrpc.client.protocol.InboundMessage.Response) codec
			.decode(org.bitcoinrpc.client.protocol.JsonText.of(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		MigratedWallet migrated = response.result().decode(codec.mapper(), codec.mapper().readerFor(MigratedWallet.class));
		assertThat(migrated).isEqualTo(
				new MigratedWallet("old", "old_watchonly", null, "/home/bitcoin/.bitcoin/old-123.legacy.bak"));

		FixtureCalls calls = FixtureCalls.replaying("core/http-migratewallet-descriptor-wallet.json");
		assertThatExceptionOfType(RpcWalletException.class).isThrownBy(() -> calls.migrateWallet("old", null));
		calls.assertSent("[\"old\"]");
	}

	@Test
	void rescanBlockchainFromAHeight() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-rescanblockchain.json");
		assertThat(calls.rescanBlockchain(118)).isEqualTo(new RescanRange(118, 119));
		calls.assertSentAsRecorded();

		FixtureCalls both = FixtureCalls.replaying("core/http-rescanblockchain.json");
		both.rescanBlockchain(118, 119);
		both.assertSent("[118, 119]");
	}

	@Test
	void restoreWalletLeavesOutWarningsWhenThereAreNone() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-restorewallet.json");
		assertThat(calls.restoreWallet("alice-restored", "/home/bitcoin/backups/alice-backup.dat"))
			.isEqualTo(new LoadedWallet("alice-restored", null));
		calls.assertSentAsRecorded();
	}

	@Test
	void unloadWalletByName() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-unloadwallet.json");
		UnloadedWallet unloaded = calls.unloadWallet("alice-restored");
		calls.assertSentAsRecorded();
		assertThat(unloaded.warnings()).isNull();

		FixtureCalls bound = FixtureCalls.replaying("core/http-unloadwallet.json");
		bound.unloadWallet();
		bound.assertSent("[]");
	}

	@Test
	void setWalletFlagWarningIsOneString() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-setwalletflag.json");
		WalletFlagChange change = calls.setWalletFlag("avoid_reuse");
		calls.assertSentAsRecorded();
		assertThat(change.flagName()).isEqualTo("avoid_reuse");
		assertThat(change.flagState()).isTrue();
		assertThat(change.warnings()).startsWith("You need to rescan the blockchain in order to correctly mark used")
			.endsWith("even if the opposite is the case.");

		FixtureCalls clear = FixtureCalls.replaying("core/http-setwalletflag.json");
		clear.setWalletFlag("avoid_reuse", false);
		clear.assertSent("[\"avoid_reuse\", false]");
	}

	@Test
	void walletLock() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-walletlock.json");
		calls.walletLock();
		calls.assertSentAsRecorded();
	}

	@Test
	void walletPassphraseSendsTheTimeoutInSeconds() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-walletpassphrase.json");
		calls.walletPassphrase("correct horse", Duration.ofMinutes(1));
		calls.assertSentAsRecorded();
	}

	@Test
	void wrongWalletPassphraseIsNamedAndNotQuoted() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-walletpassphrase-wrong.json");
		assertThatExceptionOfType(RpcWalletPassphraseIncorrectException.class)
			.isThrownBy(() -> calls.walletPassphrase("wrong", Duration.ofSeconds(60)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-14))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\"wrong\"").doesNotContain("'wrong'"));
		calls.assertSentAsRecorded();
	}

	@Test
	void walletPassphraseChange() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-walletpassphrasechange.json");
		calls.walletPassphraseChange("correct horse", "battery staple");
		calls.assertSentAsRecorded();
	}

	@Test
	void refusedPassphrasesAreNeverQuoted() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-walletpassphrasechange.json");
		assertThat(calls.walletPassphraseChangeAsync("correct horse", "")).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessage("newPassphrase must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> calls.walletPassphrase("correct horse", Duration.ofSeconds(-5)))
			.withMessage("timeout must not be negative, was PT-5S");
	}

	@Test
	void refusedHeightsAndSizesAreNamed() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-rescanblockchain.json");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.rescanBlockchain(5, 2))
			.withMessage("stopHeight must not be below startHeight 5, was 2");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.keypoolRefill(-1))
			.withMessage("newSize must not be negative, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.importDescriptors(List.of()))
			.withMessage("requests must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.importPrunedFunds(TransactionHex.of("00"), "xyz"))
			.withMessageStartingWith("txOutProof must be");
	}

}
