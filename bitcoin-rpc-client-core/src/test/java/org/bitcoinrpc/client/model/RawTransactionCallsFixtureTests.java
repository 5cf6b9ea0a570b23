package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcInvalidAddressOrKeyException;
import org.bitcoinrpc.client.RpcTransactionRejectedException;
import org.bitcoinrpc.client.RpcWalletException;
import org.bitcoinrpc.client.protocol.JsonRpcCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.bitcoinrpc.client.model.RefusedArguments.assertRefused;
import static org.bitcoinrpc.client.model.PsbtCallsFixtureTests.param;
import static org.bitcoinrpc.client.model.PsbtCallsFixtureTests.result;

/**
 * The raw transaction calls added to {@link org.bitcoinrpc.client.TransactionCalls} (Core's
 * "rawtransactions" category but the PSBT calls, and btcd's {@code searchrawtransactions}) against
 * the btcd and Core transcripts.
 */
class RawTransactionCallsFixtureTests {

	private static final String BTCD_TXID = "d22051e1003a16146c6fcaf336b991b938ff3d504813bdaa92480a6e8991d87e";

	private static final String BTCD_ADDRESS = "SQSoyveCHGDSXcwk1EiJv2JN1MY19cCcsc";

	@Test
	void createRawTransactionOnCoreSendsOrderedArrayWithData() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createrawtransaction.json");
		TransactionHex tx = calls.createRawTransaction(
				List.of(RawTxInput.of("5899a198ba7d9b0e9399ee78e605173a80f231750c105292fe98143e2a38f30b", 0)),
				Outputs.builder()
					.pay("bcrt1qautf05ywsvzpy5rxcx8d6wpqryxxg9xkyrnx48", BigDecimal.TEN)
					.pay("bcrt1qr2k4tmyxp4aawvjc7g6n6xd7r47yzddtvmecd4", new BigDecimal("39.999998"))
					.data("6669787475726573")
					.build(),
				null);
		calls.assertSentAsRecorded();
		assertThat(tx.hex()).startsWith("02000000010bf3382a3e1498fe9252100c7531f2803a1705e678ee99930e9b7dba98a19958")
			.endsWith("0a6a08666978747572657300000000");
	}

	@Test
	void createRawTransactionOnCoreWithoutInputs() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createrawtransaction-no-inputs.json");
		TransactionHex tx = calls.createRawTransaction(List.of(),
				Outputs.pay("bcrt1p4s4h24g5l0kqdd4264a2l2al5q5q86xk677lusat5z6s5wfwmnfsg84xzq", new BigDecimal("1.25")),
				RawTransactionOptions.DEFAULTS);
		calls.assertSentAsRecorded();
		assertThat(tx).isEqualTo(TransactionHex.of("0200000000014059730700000000225120ac2b755514fbec06b6aad57aafabbfa02803e8d6d7bdfe43aba0b50a392edcd300000000"));
	}

	@Test
	void createRawTransactionOnCoreWithAnInvalidAddressIsMinus5() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createrawtransaction-invalid-address.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.createRawTransaction(List.of(), Outputs.pay("bcrt1qbad", BigDecimal.ONE), null))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Invalid Bitcoin address: bcrt1qbad"));
		calls.assertSentAsRecorded();
	}

	@Test
	void createRawTransactionOnBtcdSendsAnObject() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-createrawtransaction.json");
		TransactionHex tx = calls.createRawTransactionBtcd(List.of(RawTxInput.of(BTCD_TXID, 0)),
				Outputs.pay(BTCD_ADDRESS, new BigDecimal("49.99990000")), null);
		calls.assertSentAsRecorded();
		assertThat(tx.hex()).isEqualTo("01000000017ed891896e0a4892aabd1348503dff38b991b936f3ca6f6c14163a00e15120d2"
				+ "0000000000ffffffff01f0ca052a010000001976a9142292e58e1792f455761f35a0722c4e991c53da5b88ac00000000");
	}

	@Test
	void createRawTransactionOnBtcdWithLockTime() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-createrawtransaction-locktime.json");
		TransactionHex tx = calls.createRawTransactionBtcd(List.of(RawTxInput.of(BTCD_TXID, 0)),
				Outputs.pay(BTCD_ADDRESS, new BigDecimal("49.9999")), 1000L);
		calls.assertSentAsRecorded();
		// The lock time makes btcd set the sequence to 0xfffffffe and append e8030000.
		assertThat(tx.hex()).contains("0000000000feffffff01").endsWith("88ace8030000");
	}

	@Test
	void createRawTransactionOnBtcdWithAnInvalidAddressIsMinus5() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-createrawtransaction-invalid-address.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.createRawTransactionBtcd(List.of(RawTxInput.of(BTCD_TXID, 0)),
					Outputs.pay("notanaddress", new BigDecimal("1.0")), null))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Invalid address or key: checksum mismatch"));
		calls.assertSentAsRecorded();
	}

	@Test
	void createRawTransactionOnBtcdRefusesDataOutputs() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-createrawtransaction.json");
		assertRefused(calls.createRawTransactionBtcdAsync(List.of(),
					Outputs.builder().pay(BTCD_ADDRESS, BigDecimal.ONE).data("00").build(), null), IllegalArgumentException.class)
			.withMessage("outputs must not have a data output: btcd has no form for it");
	}

	@Test
	void combineRawTransactionMergesSignatures() {
		String fixture = "core/http-combinerawtransaction.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		TransactionHex combined = calls.combineRawTransaction(List.of(
				TransactionHex.of(param(fixture, 0).get(0).stringValue()),
				TransactionHex.of(param(fixture, 0).get(1).stringValue())));
		calls.assertSentAsRecorded();
		assertThat(combined.hex()).hasSize(740).startsWith("020000000001021de3c1e5ac3ec195e8551c96cb50d2ab")
			.isEqualTo(result(fixture).stringValue());
	}

	@Test
	void combineRawTransactionWithAnUndecodableOneIsMinus22() {
		// The transcript's second element is "zz", which TransactionHex refuses; "00" (hex, but no
		// transaction either) stands in for it to show how the node's answer surfaces.
		String fixture = "core/http-combinerawtransaction-bad-hex.json";
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionHex.of(param(fixture, 0).get(1).stringValue()))
			.withMessageStartingWith("a serialized transaction must be hex of whole bytes");
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		String first = param(fixture, 0).get(0).stringValue();
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> calls.combineRawTransaction(List.of(TransactionHex.of(first), TransactionHex.of("00"))))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.DESERIALIZATION_ERROR);
				assertThat(ex.rpcMessage()).isEqualTo("TX decode failed for tx 1. Make sure the tx has at least one input.");
			});
		calls.assertSent("[[\"" + first + "\",\"00\"]]");
	}

	@Test
	void decodeMultisigScriptOnCore() {
		String fixture = "core/http-decodescript.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		DecodedScript script = calls.decodeScript(param(fixture, 0).stringValue());
		calls.assertSentAsRecorded();
		assertThat(script.type()).isEqualTo("multisig");
		assertThat(script.asm()).startsWith("2 02bd18c3b6e938b81fd349c671b8b9f79172a2").endsWith("3 OP_CHECKMULTISIG");
		assertThat(script.desc()).startsWith("multi(2,02bd18c3").endsWith("#lg0gkfxl");
		assertThat(script.p2sh()).isEqualTo("2MzfoTSwMmbJvqjpxzpFthRhtocYPvqrtow");
		assertThat(script.address()).isNull();
		assertThat(script.hex()).isNull();
		assertThat(script.requiredSignatures()).isNull();
		DecodedScript segwit = script.segwit();
		assertThat(segwit.type()).isEqualTo("witness_v0_scripthash");
		assertThat(segwit.hex()).isEqualTo("00201ed4b8e708c63a723e2786e4b33635925ea0b932c379110661e4f4908b540d42");
		assertThat(segwit.address()).isEqualTo("bcrt1qrm2t3ecgcca8y038smjtxd34jf02pwfjcdu3zpnpun6fpz65p4pqkzkv5d");
		assertThat(segwit.p2shSegwit()).isEqualTo("2NCxkgUhGc1ov3ZdKeSz4ZcgFgMFVfNvXu4");
		assertThat(segwit.segwit()).isNull();
	}

	@Test
	void decodeP2wpkhScriptOnCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-decodescript-p2wpkh.json");
		DecodedScript script = calls.decodeScript("00147376894653d32fc32f1f73a412206ee880e493e0");
		calls.assertSentAsRecorded();
		assertThat(script).isEqualTo(new DecodedScript("0 7376894653d32fc32f1f73a412206ee880e493e0", null,
				"addr(bcrt1qwdmgj3jn6vhuxtclwwjpygrwazqwfylq8vgvwq)#v4lrgdat", "witness_v0_keyhash",
				"bcrt1qwdmgj3jn6vhuxtclwwjpygrwazqwfylq8vgvwq", null, null, "2N2VGPdHe27ViPcbdUEvEmtt3swjpdpJcJu", null,
				null));
	}

	@Test
	void decodeP2pkhScriptOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-decodescript-p2pkh.json");
		DecodedScript script = calls.decodeScript("76a9142292e58e1792f455761f35a0722c4e991c53da5b88ac");
		calls.assertSentAsRecorded();
		assertThat(script).isEqualTo(new DecodedScript(
				"OP_DUP OP_HASH160 2292e58e1792f455761f35a0722c4e991c53da5b OP_EQUALVERIFY OP_CHECKSIG", null, null,
				"pubkeyhash", BTCD_ADDRESS, List.of(BTCD_ADDRESS), 1, "rf1ta6vjHNnzSexCk1M33dPRaUxZDZGize", null, null));
	}

	@Test
	void decodeBareMultisigScriptOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-decodescript.json");
		DecodedScript script = calls
			.decodeScript("51210272380cfc0ad156f9ba8476bbc39b88b6887c0a1e64d6f1762ff3ae040fed063851ae");
		calls.assertSentAsRecorded();
		assertThat(script.type()).isEqualTo("multisig");
		assertThat(script.requiredSignatures()).isEqualTo(1);
		assertThat(script.addresses()).containsExactly(BTCD_ADDRESS);
		assertThat(script.p2sh()).isEqualTo("rf7Z5nyTWhi8BF2vZd94gyd8rSkRva5ggj");
		assertThat(script.desc()).isNull();
		assertThat(script.segwit()).isNull();
	}

	@Test
	void decodeScriptRefusesNonHexBeforeSendingWhichBtcdWouldAnswerMinus22() {
		// The transcript sends "zz", which the typed call refuses; the node's answer to it still
		// surfaces as the -22 error through the same call.
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-decodescript-bad-hex.json");
		assertRefused(calls.decodeScriptAsync("zz"), IllegalArgumentException.class)
			.withMessage("hex must be an even number of hex characters");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.decodeScript(""))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.DESERIALIZATION_ERROR);
				assertThat(ex.rpcMessage()).isEqualTo("Argument must be hexadecimal string (not \"zz\")");
			});
		calls.assertSent("[\"\"]");
	}

	@Test
	void signRawTransactionWithKeyAndPrevTxs() {
		String fixture = "core/http-signrawtransactionwithkey.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		SignedTransaction signed = calls.signRawTransactionWithKey(TransactionHex.of(param(fixture, 0).stringValue()),
				List.of("cSvTnzNjQLUBYV5su9oBaLc2Jxzr79cKwEmdmrddHxZhnUkaVBw4"),
				List.of(PrevTx.of("88152a762c51f86ccba2df88d3bb162f522fecd59f2565dee04165a23145b33b", 1,
						"00147376894653d32fc32f1f73a412206ee880e493e0", BigDecimal.ONE)),
				null);
		calls.assertSentAsRecorded();
		assertThat(signed.complete()).isTrue();
		assertThat(signed.errors()).isNull();
		assertThat(signed.hex().hex()).hasSize(382).startsWith("020000000001013bb34531a26541e0");
	}

	@Test
	void signRawTransactionWithAnInvalidKeyIsMinus5() {
		String fixture = "core/http-signrawtransactionwithkey-invalid-key.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.signRawTransactionWithKey(TransactionHex.of(param(fixture, 0).stringValue()),
					List.of("cNotAKey"), null, null))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Invalid private key"));
		calls.assertSentAsRecorded();
	}

	@Test
	void signingErrorsAreDecodedAsCoreDocumentsThem() {
		// No transcript has an input that could not be signed; the shape is Core's help text.
		SignedTransaction signed = JsonRpcCodec.defaultMapper().readValue("""
				{"hex": "0200000000", "complete": false, "errors": [{"txid": "%s", "vout": 1,
				"witness": [], "scriptSig": "", "sequence": 4294967293, "error": "Input not found or already spent"}]}
				""".formatted(BTCD_TXID), SignedTransaction.class);
		assertThat(signed.complete()).isFalse();
		assertThat(signed.errors()).singleElement()
			.isEqualTo(new SignedTransaction.SigningError(BTCD_TXID, 1, List.of(), "", 4294967293L,
					"Input not found or already spent"));
	}

	@Test
	void fundRawTransactionAddsInputsAndChange() {
		String fixture = "core/http-fundrawtransaction.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		FundedTransaction funded = calls.fundRawTransaction(TransactionHex.of(param(fixture, 0).stringValue()), null);
		calls.assertSentAsRecorded();
		assertThat(funded.fee()).isEqualByComparingTo("0.000031");
		assertThat(funded.changePosition()).isZero();
		assertThat(funded.hex().hex()).hasSize(274).startsWith("0200000001c8e0cdbba089f8d1636f");
	}

	@Test
	void fundRawTransactionWithoutFundsIsMinus4NotMinus6() {
		String fixture = "core/http-fundrawtransaction-insufficient-funds.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		assertThatExceptionOfType(RpcWalletException.class)
			.isThrownBy(() -> calls.fundRawTransaction(TransactionHex.of(param(fixture, 0).stringValue()),
					FundOptions.DEFAULTS))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.WALLET_ERROR);
				assertThat(ex.rpcMessage()).isEqualTo("Insufficient funds");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void fundOptionsAreSentAsAnObjectWithCoresNames() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-fundrawtransaction.json");
		calls.fundRawTransaction(TransactionHex.of("0200000000"),
				new FundOptions(null, 1, new BigDecimal("2.5"), null, true, null, List.of(0)));
		calls.assertSent("[\"0200000000\",{\"changePosition\":1,\"fee_rate\":2.5,\"lockUnspents\":true,"
				+ "\"subtractFeeFromOutputs\":[0]}]");
	}

	@Test
	void submitPackageKeysResultsByWtxid() {
		String fixture = "core/http-submitpackage.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		PackageSubmission submission = calls.submitPackage(List.of(
				TransactionHex.of(param(fixture, 0).get(0).stringValue()),
				TransactionHex.of(param(fixture, 0).get(1).stringValue())), null, null);
		calls.assertSentAsRecorded();
		assertThat(submission.isSuccess()).isTrue();
		assertThat(submission.replacedTransactions()).isEmpty();
		String parentWtxid = "c4762b442bc41742807718c7cbb199879afde0050fa5d7f3e80bf47781a06f0f";
		String childWtxid = "b97568fb6928fa9db370f0394587484819bc8e769f3ac3d38cf6c3889a807b6d";
		assertThat(submission.transactionResults()).containsOnlyKeys(parentWtxid, childWtxid);
		PackageSubmission.TransactionResult parent = submission.transactionResults().get(parentWtxid);
		assertThat(parent.txid()).isEqualTo("53a385852ce351d8af7f18cb7dcc96183c233832299ded5e8e5f112602ca5603");
		assertThat(parent.vsize()).isEqualTo(160);
		assertThat(parent.fees().base()).isEqualByComparingTo("0.000002");
		assertThat(parent.fees().effectiveFeeRate()).isEqualByComparingTo("0.0000125");
		assertThat(parent.fees().effectiveIncludes()).containsExactly(parentWtxid);
		assertThat(parent.error()).isNull();
		assertThat(submission.baseFee(childWtxid)).isEqualByComparingTo("0.000998");
		assertThat(submission.transactionResults().get(childWtxid).fees().effectiveFeeRate())
			.isEqualByComparingTo("0.00907272");
	}

	@Test
	void submitPackageInTheWrongOrderIsMinus25() {
		String fixture = "core/http-submitpackage-unsorted.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		assertThatExceptionOfType(RpcTransactionRejectedException.class)
			.isThrownBy(() -> calls.submitPackage(List.of(TransactionHex.of(param(fixture, 0).get(0).stringValue()),
					TransactionHex.of(param(fixture, 0).get(1).stringValue())), null, null))
			.satisfies((ex) -> assertThat(ex.rpcMessage())
				.isEqualTo("package topology disallowed. not child-with-parents or parents depend on each other."));
		calls.assertSentAsRecorded();
	}

	@Test
	void submitPackageWithUndecodableHexIsMinus22() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-submitpackage-bad-hex.json");
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> calls.submitPackage(List.of(TransactionHex.of("00")), null, null))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.DESERIALIZATION_ERROR);
				assertThat(ex.rpcMessage()).isEqualTo("TX decode failed: 00 Make sure the tx has at least one input.");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void privateBroadcastQueueIsEmptyWithoutTor() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getprivatebroadcastinfo.json");
		PrivateBroadcastInfo info = calls.getPrivateBroadcastInfo();
		calls.assertSentAsRecorded();
		assertThat(info.transactions()).isEmpty();
	}

	@Test
	void abortingATransactionNotQueuedIsMinus5() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-abortprivatebroadcast-not-queued.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.abortPrivateBroadcast("941a7cb5cc199f6a0453df6b4c04cae7873ab042221f27d22bbee81ce6f653ed"))
			.satisfies((ex) -> assertThat(ex.rpcMessage())
				.isEqualTo("Transaction not in private broadcast queue. Check getprivatebroadcastinfo."));
		calls.assertSentAsRecorded();
	}

	@Test
	void searchRawTransactionsOldestFirst() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-searchrawtransactions.json");
		List<SearchedTransaction> txs = calls.searchRawTransactions(BTCD_ADDRESS, SearchOptions.page(0, 2));
		calls.assertSentAsRecorded();
		assertThat(txs).extracting(SearchedTransaction::txid)
			.containsExactly("0c71698768bd0c529e58667a54e0e21e457ac43bf3235fb079cfc25f51fbad8c", BTCD_TXID);
		SearchedTransaction first = txs.get(0);
		assertThat(first.hash()).isEmpty();
		assertThat(first.size()).isEmpty();
		assertThat(first.vsize()).isEmpty();
		assertThat(first.weight()).isEmpty();
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.lockTime()).isZero();
		assertThat(first.vin()).singleElement()
			.isEqualTo(new SearchedTransaction.Input(null, null, null, "510833a1fa815140c5860b2f503253482f627463642f", null,
					null, 4294967295L));
		assertThat(first.vout()).singleElement().satisfies((out) -> {
			assertThat(out.value()).isEqualByComparingTo("50");
			assertThat(out.scriptPubKey().address()).isEqualTo(BTCD_ADDRESS);
		});
		assertThat(first.blockHash()).isEqualTo("75919a56533ad1a5a002c83c1fc6b1baa0e0691eeab77ac69cce28baa9123716");
		assertThat(first.confirmations()).isEqualTo(121);
		assertThat(first.time()).isEqualTo(1796411347L);
		assertThat(first.blockTime()).isEqualTo(1796411347L);
		assertThat(txs.get(1).confirmations()).isEqualTo(120);
	}

	@Test
	void searchRawTransactionsWithVinExtraAndReverse() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-searchrawtransactions-vinextra-reverse.json");
		List<SearchedTransaction> txs = calls.searchRawTransactions(BTCD_ADDRESS,
				new SearchOptions(0, 1, true, true, null));
		calls.assertSentAsRecorded();
		SearchedTransaction tx = txs.get(0);
		assertThat(tx.txid()).isEqualTo("14d3e8f91939174089c5bbdf1ef1aedb9f1ba850423487dd322e83e673c42ded");
		assertThat(tx.confirmations()).isEqualTo(1);
		SearchedTransaction.Input in = tx.vin().get(0);
		assertThat(in.txid()).isEqualTo("f96c7f4b22a2cc2bd2f2d7b743ba8be3064f1b2df8b24d534d5a01d1669d89c9");
		assertThat(in.vout()).isZero();
		assertThat(in.scriptSig().hex()).startsWith("483045022100bda219031c5252f0377eae07e1d82966b1d966");
		assertThat(in.prevOut().addresses()).containsExactly(BTCD_ADDRESS);
		assertThat(in.prevOut().value()).isEqualByComparingTo("50");
		assertThat(tx.vout().get(0).value()).isEqualByComparingTo("49.9999806");
	}

	@Test
	void searchRawTransactionsSerialized() {
		String fixture = "btcd/http-searchrawtransactions-hex.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		List<TransactionHex> txs = calls.searchRawTransactionsHex(BTCD_ADDRESS, SearchOptions.page(0, 2));
		calls.assertSentAsRecorded();
		assertThat(txs).hasSize(2).allSatisfy((tx) -> assertThat(tx.hex()).startsWith("0100000001000000000000"));
		assertThat(txs.get(1).hex()).isEqualTo(result(fixture).get(1).stringValue());
	}

	@Test
	void searchRawTransactionsForAnInvalidAddressIsMinus5() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-searchrawtransactions-invalid-address.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.searchRawTransactions("notanaddress"))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Invalid address or key: checksum mismatch"));
		calls.assertSentAsRecorded();
	}

	@Test
	void searchRawTransactionsForAnAddressWithoutHistoryIsMinus5NotEmpty() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-searchrawtransactions-no-history.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.searchRawTransactions("SMJ2EsMn4iEfrGr1c7hW9KnykTxwffDZkM"))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("No information available about address"));
		calls.assertSentAsRecorded();
	}

	@Test
	void searchOptionsFillGapsWithNullAndSendFilterAddresses() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-searchrawtransactions.json");
		calls.searchRawTransactions(BTCD_ADDRESS, new SearchOptions(null, null, false, null, List.of(BTCD_ADDRESS)));
		calls.assertSent("[\"" + BTCD_ADDRESS + "\",1,null,null,0,null,[\"" + BTCD_ADDRESS + "\"]]");
		assertThatIllegalArgumentException().isThrownBy(() -> SearchOptions.page(-1, 1))
			.withMessage("skip must not be negative, was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> SearchOptions.page(0, 0))
			.withMessage("count must be at least 1, was 0");
	}

}
