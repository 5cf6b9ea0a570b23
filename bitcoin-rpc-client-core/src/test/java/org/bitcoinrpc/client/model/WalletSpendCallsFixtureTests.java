package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitcoinrpc.client.FeeEstimateMode;
import org.bitcoinrpc.client.FundedPsbtOptions;
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcInsufficientFundsException;
import org.bitcoinrpc.client.RpcInvalidAddressOrKeyException;
import org.bitcoinrpc.client.RpcWalletException;
import org.bitcoinrpc.client.RpcWalletUnlockNeededException;
import org.bitcoinrpc.client.SendAllOptions;
import org.bitcoinrpc.client.SendManyOptions;
import org.bitcoinrpc.client.SendOptions;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Core's paying, funding and signing wallet calls ({@code WalletSpendCalls}) against the Core 31 transcripts. */
class WalletSpendCallsFixtureTests {

	private static final String BOB_BECH32 = "bcrt1qautf05ywsvzpy5rxcx8d6wpqryxxg9xkyrnx48";

	private static final String BOB_TAPROOT = "bcrt1p4s4h24g5l0kqdd4264a2l2al5q5q86xk677lusat5z6s5wfwmnfsg84xzq";

	private static final String BOB_P2SH = "2NAcBYZwq3FqqcxXxPRn43XgwAQcn3UgfF7";

	/** A string member of the recorded request's params, by path. */
	private static String recordedParam(String fixture, int index) {
		return Fixtures.fixture(fixture).get("request").get("params").get(index).asString();
	}

	private static String recordedResult(String fixture, String member) {
		return Fixtures.fixture(fixture).get("response").get("result").get(member).asString();
	}

	@Test
	void sendWithAnExplicitFeeRate() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-send.json");
		SendResult result = calls.send(Map.of(BOB_TAPROOT, new BigDecimal("0.5")), SendOptions.builder()
			.estimateMode(FeeEstimateMode.UNSET)
			.feeRateSatPerVbyte(new BigDecimal("5"))
			.build());
		calls.assertSentAsRecorded();
		assertThat(result).isEqualTo(
				new SendResult("90f871164c0d1c2bd4a2e874705f02f2c950f9bc06a26f63d1f889a0bbcde0c8", true, null, null));
	}

	@Test
	void sendOptionsGoToTheirPositionsAndTheOptionsObject() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-send.json");
		calls.send(Map.of(BOB_TAPROOT, new BigDecimal("0.5")), SendOptions.builder()
			.confTarget(6)
			.estimateMode(FeeEstimateMode.CONSERVATIVE)
			.addToWallet(false)
			.changeAddress(BOB_BECH32)
			.inputs(List.of(new OutPoint("cd".repeat(32), 1)))
			.lockUnspents(true)
			.includePsbt(true)
			.replaceable(false)
			.subtractFeeFromOutputs(List.of(0))
			.build());
		calls.assertSent("[[{\"" + BOB_TAPROOT + "\": 0.50000000}], 6, \"conservative\", null, {\"add_to_wallet\": false,"
				+ " \"change_address\": \"" + BOB_BECH32 + "\", \"inputs\": [{\"txid\": \"" + "cd".repeat(32)
				+ "\", \"vout\": 1}], \"lock_unspents\": true, \"psbt\": true, \"replaceable\": false,"
				+ " \"subtract_fee_from_outputs\": [0]}]");
	}

	@Test
	void sendAllOptions() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-sendall.json");
		calls.sendAll(List.of(BOB_BECH32), SendAllOptions.builder()
			.feeRateSatPerVbyte(new BigDecimal("1.5"))
			.sendMax(true)
			.lockUnspents(false)
			.build());
		calls.assertSent("[[\"" + BOB_BECH32 + "\"], null, null, 1.5, {\"lock_unspents\": false, \"send_max\": true}]");
	}

	@Test
	void aSendResultThatNeedsMoreSignaturesCarriesThePsbt() {
		// Core's other shape of send/sendall (not recorded): no txid, the PSBT to sign elsewhere.
		String body = "{\"result\":{\"psbt\":\"cHNidP8=\",\"complete\":false},\"error\":null,\"id\":1}";
		var codec = new org.bitcoinrpc.client.protocol.JsonRpcCodec();
		var response = (org.bitcoinrpc.client.protocol.InboundMessage.Response) codec
			.decode(org.bitcoinrpc.client.protocol.JsonText.of(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		SendResult result = response.result().decode(codec.mapper(), codec.mapper().readerFor(SendResult.class));
		assertThat(result).isEqualTo(new SendResult(null, false, null, Psbt.of("cHNidP8=")));
	}

	@Test
	void sendToAnInvalidAddressIsAnInvalidAddressError() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-send-invalid-address.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.send(Map.of("bcrt1qnotanaddress", new BigDecimal("0.1"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-5))
			.withMessageContaining("Invalid Bitcoin address: bcrt1qnotanaddress");
		calls.assertSentAsRecorded();
	}

	@Test
	void sendAll() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-sendall.json");
		SendResult result = calls.sendAll(List.of(BOB_BECH32));
		calls.assertSentAsRecorded();
		assertThat(result.txid()).isEqualTo("bc2239d3d850c0f6535d87083438b98d99ddf18e295fe101dda967443b124d98");
		assertThat(result.complete()).isTrue();
		assertThat(result.hex()).isNull();
		assertThat(result.psbt()).isNull();
	}

	@Test
	void sendAllFromAnEmptyWalletIsInsufficientFunds() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-sendall-empty-wallet.json");
		assertThatExceptionOfType(RpcInsufficientFundsException.class).isThrownBy(() -> calls.sendAll(List.of(BOB_BECH32)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RpcErrorCode.WALLET_INSUFFICIENT_FUNDS))
			.withMessageContaining("Total value of UTXO pool too low");
		calls.assertSentAsRecorded();
	}

	@Test
	void sendManyKeepsTheOrderOfTheAmounts() {
		Map<String, BigDecimal> amounts = new LinkedHashMap<>();
		amounts.put(BOB_BECH32, new BigDecimal("1.5"));
		amounts.put(BOB_TAPROOT, new BigDecimal("0.75"));
		amounts.put(BOB_P2SH, new BigDecimal("0.3"));
		FixtureCalls calls = FixtureCalls.replaying("core/http-sendmany.json");
		assertThat(calls.sendMany(amounts)).isEqualTo("480708595448bcaf78253422a162ac5e1cbf5383b840d882b3ea563097e414e4");
		calls.assertSentAsRecorded();
		assertThat(calls.sentRequest().get("params").get(1).propertyNames()).containsExactly(BOB_BECH32, BOB_TAPROOT,
				BOB_P2SH);
	}

	@Test
	void sendManyBeyondTheBalanceIsInsufficientFunds() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-sendmany-insufficient-funds.json");
		assertThatExceptionOfType(RpcInsufficientFundsException.class)
			.isThrownBy(() -> calls.sendMany(Map.of(BOB_BECH32, new BigDecimal("100000.0"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-6));
		calls.assertSentAsRecorded();
	}

	@Test
	void sendManyOptionsArePositionalWithTheDummyAndMinconfLeftAtTheirDefaults() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-sendmany.json");
		calls.sendMany(Map.of(BOB_BECH32, new BigDecimal("1.5")),
				SendManyOptions.builder().replaceable(false).feeRateSatPerVbyte(new BigDecimal("2.5")).build());
		calls.assertSent("[\"\", {\"" + BOB_BECH32 + "\": 1.50000000}, null, null, null, false, null, null, 2.5]");
	}

	@Test
	void walletCreateFundedPsbtLetsTheWalletPickTheInputs() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-walletcreatefundedpsbt.json");
		FundedPsbt funded = calls.walletCreateFundedPsbt(List.of(), Map.of(BOB_P2SH, new BigDecimal("1.0")),
				FundedPsbtOptions.builder().locktime(0).feeRateSatPerVbyte(new BigDecimal("2")).build());
		calls.assertSentAsRecorded();
		assertThat(funded.psbt()).isEqualTo(Psbt.of(recordedResult("core/http-walletcreatefundedpsbt.json", "psbt")));
		assertThat(funded.psbt().base64()).startsWith("cHNidP8BAHMCAAAAAdMiwrCW3ppr");
		assertThat(funded.fee()).isEqualByComparingTo("0.00000286");
		assertThat(funded.changePosition()).isEqualTo(1);
	}

	@Test
	void walletCreateFundedPsbtBeyondTheBalanceIsAWalletErrorNotInsufficientFunds() {
		// Core 31 sends -4 here, where sendmany/sendtoaddress/sendall send -6.
		FixtureCalls calls = FixtureCalls.replaying("core/http-walletcreatefundedpsbt-insufficient-funds.json");
		assertThatExceptionOfType(RpcWalletException.class)
			.isThrownBy(() -> calls.walletCreateFundedPsbt(List.of(), Map.of(BOB_P2SH, new BigDecimal("100000.0"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RpcErrorCode.WALLET_ERROR))
			.satisfies((ex) -> assertThat(ex).isNotInstanceOf(RpcInsufficientFundsException.class))
			.withMessageContaining("Insufficient funds");
		calls.assertSentAsRecorded();
	}

	@Test
	void walletCreateFundedPsbtSendsInputsAsTxidAndVout() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-walletcreatefundedpsbt.json");
		calls.walletCreateFundedPsbt(List.of(new OutPoint("ab".repeat(32), 3)), Map.of(BOB_P2SH, new BigDecimal("1.0")),
				FundedPsbtOptions.builder().addInputs(true).changeAddress(BOB_BECH32).subtractFeeFromOutputs(List.of(0)).build());
		calls.assertSent("[[{\"txid\": \"" + "ab".repeat(32) + "\", \"vout\": 3}], [{\"" + BOB_P2SH
				+ "\": 1.00000000}], null, {\"add_inputs\": true, \"changeAddress\": \"" + BOB_BECH32
				+ "\", \"subtractFeeFromOutputs\": [0]}]");
	}

	@Test
	void walletProcessPsbtCompleteCarriesTheTransaction() {
		String fixture = "core/http-walletprocesspsbt.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		WalletProcessedPsbt processed = calls.walletProcessPsbt(Psbt.of(recordedParam(fixture, 0)));
		calls.assertSentAsRecorded();
		assertThat(processed.complete()).isTrue();
		assertThat(processed.psbt()).isEqualTo(Psbt.of(recordedResult(fixture, "psbt")));
		assertThat(processed.hex()).isEqualTo(TransactionHex.of(recordedResult(fixture, "hex")));
		assertThat(processed.hex().hex()).startsWith("02000000000101cc3fdd3f").endsWith("e00000000");
	}

	@Test
	void walletProcessPsbtPartialHasNoHex() {
		String fixture = "core/http-walletprocesspsbt-partial.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		WalletProcessedPsbt processed = calls.walletProcessPsbt(Psbt.of(recordedParam(fixture, 0)));
		calls.assertSentAsRecorded();
		assertThat(processed.complete()).isFalse();
		assertThat(processed.hex()).isNull();
		assertThat(processed.psbt()).isEqualTo(Psbt.of(recordedResult(fixture, "psbt")));
		assertThat(processed.psbt()).isNotEqualTo(Psbt.of(recordedParam(fixture, 0)));
	}

	@Test
	void walletProcessPsbtErrors() {
		FixtureCalls invalid = FixtureCalls.replaying("core/http-walletprocesspsbt-invalid.json");
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> invalid.walletProcessPsbt(Psbt.of("bm90IGEgcHNidA==")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RpcErrorCode.DESERIALIZATION_ERROR))
			.withMessageContaining("Invalid PSBT magic bytes");
		invalid.assertSentAsRecorded();

		String fixture = "core/http-walletprocesspsbt-wallet-locked.json";
		FixtureCalls locked = FixtureCalls.replaying(fixture);
		assertThatExceptionOfType(RpcWalletUnlockNeededException.class)
			.isThrownBy(() -> locked.walletProcessPsbt(Psbt.of(recordedParam(fixture, 0))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-13));
		locked.assertSentAsRecorded();
	}

	@Test
	void walletProcessPsbtWithoutSigning() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-walletprocesspsbt-partial.json");
		calls.walletProcessPsbt(Psbt.of("cHNidP8="), false);
		calls.assertSent("[\"cHNidP8=\", false]");
	}

	@Test
	void psbtBumpFee() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-psbtbumpfee.json");
		PsbtBumpFeeResult bumped = calls.psbtBumpFee("bd9cfc567eaf72bfd5a395851ef121aa98c0ea3299305791dbc85c7a75c58af3");
		calls.assertSentAsRecorded();
		assertThat(bumped.psbt().base64()).startsWith("cHNidP8BAHECAAAAAUE0PYcA2VfM").endsWith("AAAAAA=");
		assertThat(bumped.originalFee()).isEqualByComparingTo("0.0000262");
		assertThat(bumped.fee()).isEqualByComparingTo("0.00003296");
		assertThat(bumped.errors()).isEmpty();
	}

	@Test
	void signRawTransactionWithWalletComplete() {
		String fixture = "core/http-signrawtransactionwithwallet.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		WalletSignedTransaction signed = calls.signRawTransactionWithWallet(TransactionHex.of(recordedParam(fixture, 0)));
		calls.assertSentAsRecorded();
		assertThat(signed.complete()).isTrue();
		assertThat(signed.errors()).isNull();
		assertThat(signed.hex()).isEqualTo(TransactionHex.of(recordedResult(fixture, "hex")));
		assertThat(signed.hex().hex()).startsWith("020000000001010bf3382a");
	}

	@Test
	void signRawTransactionWithWalletPartialListsTheInputItCouldNotSign() {
		String fixture = "core/http-signrawtransactionwithwallet-partial.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		WalletSignedTransaction signed = calls.signRawTransactionWithWallet(TransactionHex.of(recordedParam(fixture, 0)));
		calls.assertSentAsRecorded();
		assertThat(signed.complete()).isFalse();
		assertThat(signed.hex().hex()).startsWith("020000000001021de3c1e5");
		assertThat(signed.errors()).containsExactly(new WalletSignedTransaction.InputError(
				"480708595448bcaf78253422a162ac5e1cbf5383b840d882b3ea563097e414e4", 1, List.of(), "", 4294967293L,
				"Witness program hash mismatch"));
	}

	@Test
	void signRawTransactionWithWalletAndPreviousOutputs() {
		String fixture = "core/http-signrawtransactionwithwallet-prevtxs.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		WalletSignedTransaction signed = calls.signRawTransactionWithWallet(TransactionHex.of(recordedParam(fixture, 0)),
				List.of(PreviousOutput.of("53a385852ce351d8af7f18cb7dcc96183c233832299ded5e8e5f112602ca5603", 1,
						"00141aad55ec860d7bd73258f2353d19be1d7c4135ab", new BigDecimal("39.999998"))));
		calls.assertSentAsRecorded();
		assertThat(signed.complete()).isTrue();
		assertThat(signed.errors()).isNull();
		assertThat(signed.hex()).isEqualTo(TransactionHex.of(recordedResult(fixture, "hex")));
	}

	@Test
	void signRawTransactionWithWalletOfBadHex() {
		// The transcript sent "00zz", which TransactionHex refuses before sending: the typed call sends
		// well-formed hex, and the recorded reply (-22) still surfaces as the RPC error.
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionHex.of("00zz"));
		FixtureCalls calls = FixtureCalls.replaying("core/http-signrawtransactionwithwallet-bad-hex.json");
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> calls.signRawTransactionWithWallet(TransactionHex.of("00")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-22))
			.withMessageContaining("TX decode failed");
		calls.assertSent("[\"00\"]");
	}

	@Test
	void signMessage() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-signmessage.json");
		assertThat(calls.signMessage("n2PsZq9MP8cFeBBTZPyferZZqF76ZLcaXE", "fixture message 2026-12-04"))
			.isEqualTo("IImoQCNDiknG0MFaH+HZoI4rcyYerut0LVuAjyJ/srxUNz2mBzFG9nWrftfR6uXr+E1w6yyzeVj/KuhMc9+/itQ=");
		calls.assertSentAsRecorded();
	}

	@Test
	void signMessageWithASegwitAddressIsATypeError() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-signmessage-segwit-address.json");
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> calls.signMessage("bcrt1qy3kq94j32ppjypa2lwhp6w3tdr0qt9ptf4gvcp", "fixture message 2026-12-04"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(RpcErrorCode.TYPE_ERROR))
			.withMessageContaining("Address does not refer to key");
		calls.assertSentAsRecorded();
	}

	@Test
	void simulateRawTransaction() {
		String fixture = "core/http-simulaterawtransaction.json";
		String hex = Fixtures.fixture(fixture).get("request").get("params").get(0).get(0).asString();
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		SimulatedTransactions simulated = calls.simulateRawTransaction(List.of(TransactionHex.of(hex)));
		calls.assertSentAsRecorded();
		assertThat(simulated.balanceChange()).isEqualByComparingTo("-1.250031");
	}

	@Test
	void refusedArgumentsFailTheFutureAndNameTheArgument() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-sendmany.json");
		assertThat(calls.sendManyAsync(Map.of(BOB_BECH32, new BigDecimal("0.000000001"))))
			.failsWithin(java.time.Duration.ZERO)
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessage("outputs amount for " + BOB_BECH32 + " must have at most 8 decimals, was 0.000000001");
		assertThat(calls.sendAsync(Map.of())).failsWithin(java.time.Duration.ZERO)
			.withThrowableThat()
			.havingRootCause()
			.withMessage("outputs must not be empty");
		assertThat(calls.psbtBumpFeeAsync("xyz")).failsWithin(java.time.Duration.ZERO)
			.withThrowableThat()
			.havingRootCause()
			.withMessage("txid must be 64 hex characters, was 'xyz'");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.sendAll(List.of()))
			.withMessage("recipients must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> SendOptions.builder().feeRateSatPerVbyte(new BigDecimal("-1")))
			.withMessage("feeRateSatPerVbyte must not be negative, was -1");
	}

}
