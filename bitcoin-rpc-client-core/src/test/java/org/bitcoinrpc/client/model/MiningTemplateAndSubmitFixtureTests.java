package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.bitcoinrpc.client.BlockTemplateRequest;
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcInvalidParameterException;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** getblocktemplate, getnetworkhashps, prioritisation, submitblock and submitheader against the transcripts. */
class MiningTemplateAndSubmitFixtureTests {

	private static final String CORE_MEMPOOL_TX = "53a385852ce351d8af7f18cb7dcc96183c233832299ded5e8e5f112602ca5603";

	@Test
	void blockTemplateFromCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblocktemplate.json");
		BlockTemplate template = calls.getBlockTemplate();
		calls.assertSentAsRecorded();
		assertThat(template.capabilities()).containsExactly("proposal");
		assertThat(template.version()).isEqualTo(536870912L);
		assertThat(template.rules()).containsExactly("csv", "!segwit", "taproot");
		assertThat(template.vbAvailable()).isEmpty();
		assertThat(template.vbRequired()).isZero();
		assertThat(template.previousBlockHash())
			.isEqualTo("339d0ddd3200fd6e7112e470f0ea0e2798ebc64ede6c3631275ebc2ee613ee51");
		assertThat(template.transactions()).singleElement().satisfies((tx) -> {
			assertThat(tx.txid()).isEqualTo("0ef994eb6a369b7c6c71c0a85358c992e86bd5eea40f5d05cc57d900873d3441");
			assertThat(tx.hash()).isEqualTo("b8efdf0f2b394b875b3ead5e7b476acd10828134080d9fff6b603d30e5345e16");
			assertThat(tx.data().hex()).startsWith("020000000001013090fc0a").endsWith("73000000");
			assertThat(tx.depends()).isEmpty();
			assertThat(tx.fee()).isEqualTo(3300L);
			assertThat(tx.sigops()).isEqualTo(1L);
			assertThat(tx.weight()).isEqualTo(657L);
		});
		assertThat(template.coinbaseAux()).isEmpty();
		assertThat(template.coinbaseValue()).isEqualTo(5000003300L);
		assertThat(template.coinbaseTxn()).isNull();
		assertThat(template.longPollId())
			.isEqualTo("339d0ddd3200fd6e7112e470f0ea0e2798ebc64ede6c3631275ebc2ee613ee51146");
		assertThat(template.target()).isEqualTo("7fffff0000000000000000000000000000000000000000000000000000000000");
		assertThat(template.minTime()).isEqualTo(1796411272L);
		assertThat(template.maxTime()).isNull();
		assertThat(template.mutable()).containsExactly("time", "transactions", "prevblock");
		assertThat(template.nonceRange()).isEqualTo("00000000ffffffff");
		assertThat(template.sigOpLimit()).isEqualTo(80000L);
		assertThat(template.sizeLimit()).isEqualTo(4000000L);
		assertThat(template.weightLimit()).isEqualTo(4000000L);
		assertThat(template.curTime()).isEqualTo(1796411272L);
		assertThat(template.bits()).isEqualTo("207fffff");
		assertThat(template.height()).isEqualTo(116L);
		assertThat(template.defaultWitnessCommitment())
			.isEqualTo("6a24aa21a9ede7c54ef0fd557867aed094bfe86f78412e0a29d73880d425b9655dbda4e64fad");
	}

	@Test
	void blockTemplateWithoutTheSegwitRuleIsRefusedByCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblocktemplate-no-segwit-rule.json");
		assertThatExceptionOfType(RpcInvalidParameterException.class)
			.isThrownBy(() -> calls.getBlockTemplate(BlockTemplateRequest.segwit().withRules()))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).startsWith("getblocktemplate must be called with the segwit"));
		calls.assertSentAsRecorded();
	}

	@Test
	void blockTemplateFromBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblocktemplate.json");
		BlockTemplate template = calls.getBlockTemplate();
		calls.assertSentAsRecorded();
		assertThat(template.rules()).isNull();
		assertThat(template.vbAvailable()).isNull();
		assertThat(template.vbRequired()).isNull();
		assertThat(template.defaultWitnessCommitment()).isNull();
		assertThat(template.version()).isEqualTo(809500679L);
		assertThat(template.height()).isEqualTo(121L);
		assertThat(template.transactions()).hasSize(3)
			.extracting(BlockTemplate.Transaction::fee)
			.containsExactly(1930L, 1930L, 1940L);
		assertThat(template.transactions().get(2).txid())
			.isEqualTo("14d3e8f91939174089c5bbdf1ef1aedb9f1ba850423487dd322e83e673c42ded");
		assertThat(template.coinbaseAux()).containsExactly(Map.entry("flags", "0b2f503253482f627463642f"));
		assertThat(template.coinbaseValue()).isEqualTo(5000005800L);
		assertThat(template.coinbaseTxn()).isNull();
		assertThat(template.longPollId())
			.isEqualTo("415ecef1b9b0cde1159f990bb5177170a357c7bd75d1fce3f963eba9fd123a29-1796411351");
		assertThat(template.maxTime()).isEqualTo(1796418551L);
		assertThat(template.minTime()).isEqualTo(1796411368L);
		assertThat(template.mutable()).containsExactly("time", "transactions/add", "prevblock", "coinbase/append");
		assertThat(template.capabilities()).containsExactly("proposal");
	}

	@Test
	void blockTemplateWithACoinbaseMadeByBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblocktemplate-coinbasetxn.json");
		BlockTemplate template = calls
			.getBlockTemplate(BlockTemplateRequest.segwit().withCapabilities("coinbasetxn"));
		calls.assertSentAsRecorded();
		assertThat(template.coinbaseValue()).isNull();
		assertThat(template.coinbaseAux()).isNull();
		assertThat(template.coinbaseTxn()).isNotNull().satisfies((coinbase) -> {
			assertThat(coinbase.txid()).isEmpty();
			assertThat(coinbase.hash()).isEqualTo("11b2751f413f5191a861a063f21a53376f25c6c426493997760612ea44d3ecba");
			assertThat(coinbase.fee()).isEqualTo(-5800L);
			assertThat(coinbase.sigops()).isZero();
			assertThat(coinbase.weight()).isZero();
			assertThat(coinbase.depends()).isEmpty();
		});
		assertThat(template.transactions()).hasSize(3);
	}

	@Test
	void blockTemplateWithAnUnknownModeIsRefusedByBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblocktemplate-invalid-mode.json");
		assertThatExceptionOfType(RpcInvalidParameterException.class)
			.isThrownBy(() -> calls.getBlockTemplate(BlockTemplateRequest.segwit().withRules().withMode("bogus")))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Invalid mode"));
		calls.assertSentAsRecorded();
	}

	@Test
	void networkHashRateOnBothNodes() {
		FixtureCalls core = FixtureCalls.replaying("core/http-getnetworkhashps.json");
		assertThat(core.getNetworkHashPs()).isEqualTo(new BigDecimal("4.602552861175085e-07"));
		core.assertSentAsRecorded();
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-getnetworkhashps.json");
		assertThat(btcd.getNetworkHashPs()).isEqualByComparingTo(new BigDecimal("6.074119273395327e-7"));
		btcd.assertSentAsRecorded();
	}

	@Test
	void networkHashRateSinceTheLastDifficultyChange() {
		FixtureCalls core = FixtureCalls.replaying("core/http-getnetworkhashps-since-difficulty-change.json");
		assertThat(core.getNetworkHashPs(-1, 50)).isEqualByComparingTo(new BigDecimal("2.001109979685752e-07"));
		core.assertSentAsRecorded();
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-getnetworkhashps-height.json");
		assertThat(btcd.getNetworkHashPs(-1, 60)).isEqualByComparingTo(new BigDecimal("3.0370597135620923e-07"));
		btcd.assertSentAsRecorded();
	}

	@Test
	void prioritiseTransactionInSatoshis() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-prioritisetransaction.json");
		assertThat(calls.prioritiseTransaction(CORE_MEMPOOL_TX, 10_000L)).isTrue();
		calls.assertSentAsRecorded();
	}

	@Test
	void prioritisedTransactions() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getprioritisedtransactions.json");
		Map<String, PrioritisedTransaction> prioritised = calls.getPrioritisedTransactions();
		calls.assertSentAsRecorded();
		assertThat(prioritised).containsExactly(Map.entry(CORE_MEMPOOL_TX, new PrioritisedTransaction(10000, true, 10200L)));
	}

	@Test
	void submittedBlocksAreAcceptedOnBothNodes() {
		for (String fixture : List.of("core/http-submitblock.json", "btcd/http-submitblock.json")) {
			FixtureCalls calls = FixtureCalls.replaying(fixture);
			SubmitBlockResult result = calls.submitBlock(recordedParam(fixture));
			calls.assertSentAsRecorded();
			assertThat(result.isAccepted()).as(fixture).isTrue();
			assertThat(result.isDuplicate()).as(fixture).isFalse();
			assertThat(result.rejectReason()).as(fixture).isNull();
		}
	}

	@Test
	void aKnownBlockIsNotAcceptedOnCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-submitblock-duplicate.json");
		SubmitBlockResult result = calls.submitBlock(recordedParam("core/http-submitblock-duplicate.json"));
		calls.assertSentAsRecorded();
		assertThat(result.isAccepted()).isFalse();
		assertThat(result.isDuplicate()).isTrue();
		assertThat(result.rejectReason()).isEqualTo("duplicate");
	}

	@Test
	void aKnownBlockIsNotAcceptedOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-submitblock-duplicate.json");
		SubmitBlockResult result = calls.submitBlock(recordedParam("btcd/http-submitblock-duplicate.json"));
		calls.assertSentAsRecorded();
		assertThat(result.isAccepted()).isFalse();
		assertThat(result.isDuplicate()).isTrue();
		assertThat(result.rejectReason()).isEqualTo(
				"rejected: already have block 7969f5f98408e5c0b094d1d47aafaa3ae81f64a379d84471e2099187fbc9f988");
	}

	@Test
	void otherRejectionsAreNeitherAcceptedNorDuplicates() {
		SubmitBlockResult invalid = new SubmitBlockResult("bad-txnmrklroot");
		assertThat(invalid.isAccepted()).isFalse();
		assertThat(invalid.isDuplicate()).isFalse();
		assertThat(new SubmitBlockResult("duplicate-invalid").isDuplicate()).isFalse();
		assertThat(new SubmitBlockResult("inconclusive").isAccepted()).isFalse();
	}

	@Test
	void undecodableBlocksFailOnBothNodes() {
		for (String fixture : List.of("core/http-submitblock-bad-hex.json", "btcd/http-submitblock-bad-block.json")) {
			FixtureCalls calls = FixtureCalls.replaying(fixture);
			assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.submitBlock("00"))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(RpcErrorCode.DESERIALIZATION_ERROR);
					assertThat(ex.rpcMessage()).startsWith("Block decode failed");
				});
			calls.assertSentAsRecorded();
		}
	}

	@Test
	void submitHeader() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-submitheader.json");
		calls.submitHeader(recordedParam("core/http-submitheader.json"));
		calls.assertSentAsRecorded();
	}

	@Test
	void undecodableHeaderFails() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-submitheader-bad-hex.json");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.submitHeader("00"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.DESERIALIZATION_ERROR);
				assertThat(ex.rpcMessage()).isEqualTo("Block header decode failed");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void argumentsAreCheckedInTheFuture() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getnetworkhashps.json");
		assertThat(calls.submitBlockAsync("abc")).isCompletedExceptionally();
		assertThatIllegalArgumentException().isThrownBy(() -> calls.submitBlock("abc"))
			.withMessage("blockHex must be a non-empty, even number of hex characters");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.getNetworkHashPs(-2, 0))
			.withMessage("blocks must be -1 or more, was -2");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.prioritiseTransaction("xyz", 1))
			.withMessage("txid must be 64 hex characters, was 'xyz'");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> calls.getBlockTemplate(null))
			.withMessage("request must not be null");
		calls.getNetworkHashPs();
		calls.assertSentAsRecorded();
	}

	private static String recordedParam(String fixture) {
		return Fixtures.fixture(fixture).get("request").get("params").get(0).asString();
	}

}
