package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcInvalidAddressOrKeyException;
import org.bitcoinrpc.client.RpcInvalidParameterException;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The PSBT calls ({@link org.bitcoinrpc.client.PsbtCalls}) against the Core transcripts. */
class PsbtCallsFixtureTests {

	private static final String NOT_A_PSBT = "bm90IGEgcHNidA==";

	private static final String FUNDING_TXID = "6616d704f45fda664fc93c5bb185a87fd750195e48801068a99aa5973fdd3fcc";

	/** The recorded request's {@code params[index]}, for arguments too long to repeat here. */
	static JsonNode param(String fixture, int index) {
		return Fixtures.fixture(fixture).get("request").get("params").get(index);
	}

	static Psbt psbtParam(String fixture, int index) {
		return Psbt.of(param(fixture, index).stringValue());
	}

	static JsonNode result(String fixture) {
		return Fixtures.fixture(fixture).get("response").get("result");
	}

	@Test
	void createPsbtSendsInputsAndOrderedOutputs() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createpsbt.json");
		Psbt psbt = calls.createPsbt(List.of(RawTxInput.of(FUNDING_TXID, 0)),
				Outputs.builder()
					.pay("bcrt1qautf05ywsvzpy5rxcx8d6wpqryxxg9xkyrnx48", new BigDecimal("5.0"))
					.pay("bcrt1qr2k4tmyxp4aawvjc7g6n6xd7r47yzddtvmecd4", new BigDecimal("44.9999"))
					.build(),
				null);
		calls.assertSentAsRecorded();
		assertThat(psbt.base64()).isEqualTo("cHNidP8BAHECAAAAAcw/3T+XpZqpaBCASF4ZUNd/qIWxWzzJT2baX/QE1xZmAAAAAAD9////"
				+ "AgBlzR0AAAAAFgAU7xaX0I6DBBJQZsGO3TggGQxkFNbwZTgMAQAAABYAFBqtVeyGDXvXMljyNT0Zvh18QTWrAAAAAAAAAAA=");
	}

	@Test
	void createPsbtWithAnInvalidAddressIsMinus5() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createpsbt-invalid-address.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.createPsbt(List.of(RawTxInput.of(FUNDING_TXID, 0)),
					Outputs.pay("bcrt1qbad", new BigDecimal("1.0")), RawTransactionOptions.DEFAULTS))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Invalid Bitcoin address: bcrt1qbad"));
		calls.assertSentAsRecorded();
	}

	@Test
	void decodeFreshPsbtHasEmptyInputMapsAndNoFee() {
		String fixture = "core/http-decodepsbt-unsigned.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		DecodedPsbt decoded = calls.decodePsbt(psbtParam(fixture, 0));
		calls.assertSentAsRecorded();
		assertThat(decoded.tx().txid()).isEqualTo("ae0e000932a101600ff9956e41a06629269258bc09ede91b1fee9fbd0afc9030");
		assertThat(decoded.tx().vin()).singleElement().satisfies((in) -> {
			assertThat(in.txid()).isEqualTo(FUNDING_TXID);
			assertThat(in.sequence()).isEqualTo(4294967293L);
		});
		assertThat(decoded.tx().vout()).extracting(TxOutput::value)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("5"), new BigDecimal("44.9999"));
		assertThat(decoded.psbtVersion()).isZero();
		assertThat(decoded.globalXpubs()).isEmpty();
		assertThat(decoded.unknown()).isEmpty();
		assertThat(decoded.inputs()).singleElement()
			.isEqualTo(new DecodedPsbt.Input(null, null, null, null, null, null, null, null, null, null));
		assertThat(decoded.outputs()).hasSize(2);
		assertThat(decoded.fee()).isNull();
	}

	@Test
	void decodeSignedPsbtHasUtxosFinalWitnessAndFee() {
		String fixture = "core/http-decodepsbt.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		DecodedPsbt decoded = calls.decodePsbt(psbtParam(fixture, 0));
		calls.assertSentAsRecorded();
		assertThat(decoded.fee()).isEqualByComparingTo("0.0001");
		DecodedPsbt.Input input = decoded.inputs().get(0);
		assertThat(input.witnessUtxo().amount()).isEqualByComparingTo("50");
		assertThat(input.witnessUtxo().scriptPubKey().address()).isEqualTo("bcrt1q4yw9rynr5m0lsqzzq8vee7y8arhe5z662sac7t");
		assertThat(input.nonWitnessUtxo().txid()).isEqualTo(FUNDING_TXID);
		assertThat(input.nonWitnessUtxo().vin().get(0).coinbase()).isEqualTo("5200");
		assertThat(input.finalScriptWitness()).hasSize(2)
			.endsWith("020bf44b8849d61cf3965e0093b6ed9f561737bf0f11fbd5711acd485272a3b96e");
		assertThat(decoded.outputs().get(0).bip32Derivations()).isNull();
		assertThat(decoded.outputs().get(1).bip32Derivations()).singleElement()
			.isEqualTo(new DecodedPsbt.Bip32Derivation("02c66cd79198285c5d4cc7fefdd3e7e15c16083ff94837190e709bca133b1edaa7",
					"95a770fd", "m/84h/1h/0h/1/1"));
	}

	@Test
	void decodeOfNotAPsbtIsADeserializationError() {
		assertDecodeError("core/http-decodepsbt-invalid.json",
				(calls) -> calls.decodePsbt(Psbt.of(NOT_A_PSBT)));
	}

	@Test
	void analyzeUnsignedPsbtNeedsTheUpdater() {
		String fixture = "core/http-analyzepsbt-unsigned.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		PsbtAnalysis analysis = calls.analyzePsbt(psbtParam(fixture, 0));
		calls.assertSentAsRecorded();
		assertThat(analysis).isEqualTo(new PsbtAnalysis(List.of(new PsbtAnalysis.Input(false, false, null, "updater")),
				null, null, null, "updater", null));
	}

	@Test
	void analyzeUpdatedPsbtHasFeeAndMissingPubkeys() {
		String fixture = "core/http-analyzepsbt.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		PsbtAnalysis analysis = calls.analyzePsbt(psbtParam(fixture, 0));
		calls.assertSentAsRecorded();
		assertThat(analysis.fee()).isEqualByComparingTo("0.0001");
		assertThat(analysis.next()).isEqualTo("updater");
		assertThat(analysis.estimatedVsize()).isNull();
		assertThat(analysis.inputs()).singleElement().satisfies((in) -> {
			assertThat(in.hasUtxo()).isTrue();
			assertThat(in.isFinal()).isFalse();
			assertThat(in.missing())
				.isEqualTo(new PsbtAnalysis.Missing(List.of("a91c519263a6dff8004201d99cf887e8ef9a0b5a"), null, null, null));
		});
	}

	@Test
	void analyzeCompletePsbtEstimatesSizeAndRate() {
		String fixture = "core/http-analyzepsbt-complete.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		PsbtAnalysis analysis = calls.analyzePsbt(psbtParam(fixture, 0));
		calls.assertSentAsRecorded();
		assertThat(analysis.next()).isEqualTo("extractor");
		assertThat(analysis.estimatedVsize()).isEqualTo(272);
		assertThat(analysis.estimatedFeeRate()).isEqualByComparingTo("0.00002088");
		assertThat(analysis.fee()).isEqualByComparingTo("0.00000568");
		assertThat(analysis.inputs()).hasSize(2)
			.allSatisfy((in) -> assertThat(in).isEqualTo(new PsbtAnalysis.Input(true, true, null, "extractor")));
	}

	@Test
	void analyzeOfNotAPsbtIsADeserializationError() {
		assertDecodeError("core/http-analyzepsbt-invalid.json", (calls) -> calls.analyzePsbt(Psbt.of(NOT_A_PSBT)));
	}

	@Test
	void combinePsbtReturnsOnePsbt() {
		String fixture = "core/http-combinepsbt.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		Psbt combined = calls.combinePsbt(List.of(Psbt.of(param(fixture, 0).get(0).stringValue()),
				Psbt.of(param(fixture, 0).get(1).stringValue())));
		calls.assertSentAsRecorded();
		assertThat(combined.base64()).startsWith("cHNidP8BANoCAAAAAtMiwrCW3ppr")
			.endsWith("yVQAAIABAACAAAAAgAEAAAABAAAAAA==")
			.isEqualTo(result(fixture).stringValue());
	}

	@Test
	void combiningPsbtsOfDifferentTransactionsIsMinus8() {
		String fixture = "core/http-combinepsbt-different-tx.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		assertThatExceptionOfType(RpcInvalidParameterException.class)
			.isThrownBy(() -> calls.combinePsbt(List.of(Psbt.of(param(fixture, 0).get(0).stringValue()),
					Psbt.of(param(fixture, 0).get(1).stringValue()))))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("PSBTs not compatible (different transactions)"));
		calls.assertSentAsRecorded();
	}

	@Test
	void joinPsbtsReturnsOnePsbt() {
		String fixture = "core/http-joinpsbts.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		Psbt joined = calls.joinPsbts(List.of(Psbt.of(param(fixture, 0).get(0).stringValue()),
				Psbt.of(param(fixture, 0).get(1).stringValue())));
		calls.assertSentAsRecorded();
		assertThat(joined.base64()).startsWith("cHNidP8BANoCAAAAAtMiwrCW3ppr").isEqualTo(result(fixture).stringValue());
	}

	@Test
	void joiningOnePsbtIsMinus8() {
		String fixture = "core/http-joinpsbts-one.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		assertThatExceptionOfType(RpcInvalidParameterException.class)
			.isThrownBy(() -> calls.joinPsbts(List.of(Psbt.of(param(fixture, 0).get(0).stringValue()))))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("At least two PSBTs are required to join PSBTs."));
		calls.assertSentAsRecorded();
	}

	@Test
	void convertUnsignedTransactionToPsbt() {
		String fixture = "core/http-converttopsbt.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		Psbt psbt = calls.convertToPsbt(TransactionHex.of(param(fixture, 0).stringValue()), null, null);
		calls.assertSentAsRecorded();
		assertThat(psbt).isEqualTo(Psbt.of(
				"cHNidP8BAF4CAAAAAWzY7QOC3ifi+/4vADAAXMPR6GWFy43l5pAChCf8h+80AAAAAAD9////AfDKBSoBAAAAIlEgrCt1VRT77Aa2qtV6r6u/oCgD6NbXvf5Dq6C1Cjku3NMAAAAAAAAA"));
	}

	@Test
	void convertingASignedTransactionIsMinus22() {
		String fixture = "core/http-converttopsbt-signed.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> calls.convertToPsbt(TransactionHex.of(param(fixture, 0).stringValue()), null, null))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.DESERIALIZATION_ERROR);
				assertThat(ex.rpcMessage()).isEqualTo("Inputs must not have scriptSigs and scriptWitnesses");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void utxoUpdateAddsTheWitnessUtxo() {
		String fixture = "core/http-utxoupdatepsbt.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		Psbt updated = calls.utxoUpdatePsbt(psbtParam(fixture, 0), null);
		calls.assertSentAsRecorded();
		assertThat(updated.base64()).endsWith("+aC1oAAAA=").isEqualTo(result(fixture).stringValue());
		assertThat(updated).isNotEqualTo(psbtParam(fixture, 0));
	}

	@Test
	void utxoUpdateOfNotAPsbtIsADeserializationError() {
		assertDecodeError("core/http-utxoupdatepsbt-invalid.json",
				(calls) -> calls.utxoUpdatePsbt(Psbt.of(NOT_A_PSBT), null));
	}

	@Test
	void finalizeExtractsTheTransaction() {
		String fixture = "core/http-finalizepsbt.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		FinalizedPsbt finalized = calls.finalizePsbt(psbtParam(fixture, 0));
		calls.assertSentAsRecorded();
		assertThat(finalized.complete()).isTrue();
		assertThat(finalized.psbt()).isNull();
		assertThat(finalized.hex().hex()).hasSize(444).startsWith("02000000000101cc3fdd3f97a59aa9").endsWith("00000000");
	}

	@Test
	void finalizeWithoutExtractReturnsThePsbt() {
		String fixture = "core/http-finalizepsbt-no-extract.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		FinalizedPsbt finalized = calls.finalizePsbt(psbtParam(fixture, 0), false);
		calls.assertSentAsRecorded();
		assertThat(finalized).isEqualTo(new FinalizedPsbt(Psbt.of(result(fixture).get("psbt").stringValue()), null, true));
		assertThat(finalized.psbt().base64()).endsWith("ABAAAAAA==");
	}

	@Test
	void finalizeOfAnUnsignedPsbtIsIncompleteNotAnError() {
		String fixture = "core/http-finalizepsbt-incomplete.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		FinalizedPsbt finalized = calls.finalizePsbt(psbtParam(fixture, 0));
		calls.assertSentAsRecorded();
		assertThat(finalized.complete()).isFalse();
		assertThat(finalized.hex()).isNull();
		assertThat(finalized.psbt()).isEqualTo(psbtParam(fixture, 0));
	}

	@Test
	void finalizeOfNotAPsbtIsADeserializationError() {
		assertDecodeError("core/http-finalizepsbt-invalid.json", (calls) -> calls.finalizePsbt(Psbt.of(NOT_A_PSBT)));
	}

	@Test
	void descriptorProcessSignsWithTheDescriptorsKey() {
		String fixture = "core/http-descriptorprocesspsbt.json";
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		ProcessedPsbt processed = calls.descriptorProcessPsbt(psbtParam(fixture, 0),
				List.of(Descriptor.of("wpkh(cSvTnzNjQLUBYV5su9oBaLc2Jxzr79cKwEmdmrddHxZhnUkaVBw4)")), null);
		calls.assertSentAsRecorded();
		assertThat(processed.complete()).isTrue();
		assertThat(processed.psbt().base64()).startsWith("cHNidP8BAHECAAAAAdMiwrCW3ppr+u").hasSize(568);
		assertThat(processed.hex().hex()).startsWith("02000000000101d322c2b096de9a6b").hasSize(444);
	}

	@Test
	void descriptorProcessOfNotAPsbtIsADeserializationError() {
		assertDecodeError("core/http-descriptorprocesspsbt-invalid.json",
				(calls) -> calls.descriptorProcessPsbt(Psbt.of(NOT_A_PSBT), List.of(), PsbtSigningOptions.DEFAULTS));
	}

	@Test
	void optionalArgumentsAreSentInPlaceWithNullsForGaps() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-createpsbt.json");
		calls.createPsbt(List.of(new RawTxInput(FUNDING_TXID, 1, 0xfffffffeL)), Outputs.builder().data("cafe").build(),
				new RawTransactionOptions(1000L, null, 3));
		calls.assertSent("[[{\"txid\":\"" + FUNDING_TXID + "\",\"vout\":1,\"sequence\":4294967294}],"
				+ "[{\"data\":\"cafe\"}],1000,null,3]");
		FixtureCalls signing = FixtureCalls.replaying("core/http-descriptorprocesspsbt.json");
		signing.descriptorProcessPsbt(Psbt.of("cHNidP8="), List.of(), new PsbtSigningOptions("ALL", null, false));
		signing.assertSent("[\"cHNidP8=\",[],\"ALL\",null,false]");
	}

	@Test
	void outputsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> Outputs.pay("addr", BigDecimal.ZERO))
			.withMessage("amount must be positive, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Outputs.builder().pay("a", BigDecimal.ONE).pay("a", BigDecimal.TEN))
			.withMessage("address a is already paid");
		assertThatIllegalArgumentException().isThrownBy(() -> Outputs.builder().data("00").data("01"))
			.withMessage("there is already a data output");
		assertThatIllegalArgumentException().isThrownBy(() -> Outputs.builder().data("0"))
			.withMessage("data must be hex of whole bytes, was '0'");
		assertThatIllegalStateException().isThrownBy(() -> Outputs.builder().build())
			.withMessage("outputs must not be empty");
		assertThatIllegalStateException().isThrownBy(() -> Outputs.builder().data("00").build().asObject())
			.withMessageContaining("btcd");
		assertThatIllegalArgumentException().isThrownBy(() -> new RawTxInput("xyz", 0, null))
			.withMessage("txid must be 64 hex characters, was 'xyz'");
		assertThatIllegalArgumentException().isThrownBy(() -> new RawTxInput(FUNDING_TXID, 0, 1L << 32))
			.withMessage("sequence must be an unsigned 32-bit number, was 4294967296");
	}

	private static void assertDecodeError(String fixture, java.util.function.Consumer<FixtureCalls> call) {
		FixtureCalls calls = FixtureCalls.replaying(fixture);
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> call.accept(calls)).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(RpcErrorCode.DESERIALIZATION_ERROR);
			assertThat(ex.rpcMessage()).isEqualTo("TX decode failed Invalid PSBT magic bytes: iostream error");
		});
		calls.assertSentAsRecorded();
	}

}
