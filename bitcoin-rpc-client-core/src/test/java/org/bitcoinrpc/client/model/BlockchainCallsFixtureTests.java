package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.ChainCalls;
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcInvalidAddressOrKeyException;
import org.bitcoinrpc.client.RpcInvalidParameterException;
import org.bitcoinrpc.client.UtxoSetCalls;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bitcoinrpc.client.model.RefusedArguments.assertRefused;

/**
 * Core's blockchain calls typed in issue 16 (and btcd's {@code gettxspendingprevout} and
 * {@code verifychain}) against every recording of them, success and error.
 */
class BlockchainCallsFixtureTests {

	private static final String TIP = "3222ae972a79a67f881a76214098a94f57f1739665a95a49dbaff510632d19a0";

	private static final String PARENT = "53a385852ce351d8af7f18cb7dcc96183c233832299ded5e8e5f112602ca5603";

	private static final String CHILD = "5d2c72af2930a6ad1c526adac3aa84cde785851e7a7d34367c2cb704189379bc";

	private static final String ADDRESS = "bcrt1qwdmgj3jn6vhuxtclwwjpygrwazqwfylq8vgvwq";

	private static final ScanObject ADDRESS_SCAN = ScanObject.of(Descriptor.of("addr(" + ADDRESS + ")"));

	private static final Duration MINUTE = Duration.ofMinutes(1);

	// getblockfilter

	@Test
	void blockFilter() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockfilter.json");
		BlockFilter filter = calls.getBlockFilter(TIP);
		calls.assertSentAsRecorded();
		assertThat(filter.filter()).isEqualTo("04a410c49d2cb49e9d1c3580");
		assertThat(filter.header()).isEqualTo("2ad6a24b61401e56aa21b821702dc2e89ddf2eda7de12e4709bfc879113556bc");
	}

	@Test
	void blockFilterOfAnUnknownBlock() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockfilter-unknown-block.json");
		assertThatThrownBy(() -> calls.getBlockFilter("55".repeat(32)))
			.isInstanceOf(RpcInvalidAddressOrKeyException.class)
			.hasMessageContaining("Block not found");
		calls.assertSentAsRecorded();
	}

	// getblockfrompeer: no success recording (no peer), typed from Core's help text

	@Test
	void blockFromPeerOfABlockAlreadyThere() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockfrompeer-no-peer.json");
		assertThatThrownBy(() -> calls.getBlockFromPeer(TIP, 0))
			.isExactlyInstanceOf(RpcErrorException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(RpcErrorCode.MISC_ERROR))
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).rpcMessage()).isEqualTo("Block already downloaded"));
		calls.assertSentAsRecorded();
	}

	// getblockstats

	@Test
	void blockStatsByHeight() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockstats.json");
		BlockStats stats = calls.getBlockStats(115);
		calls.assertSentAsRecorded();
		assertThat(stats.blockHash()).isEqualTo("339d0ddd3200fd6e7112e470f0ea0e2798ebc64ede6c3631275ebc2ee613ee51");
		assertThat(stats.height()).isEqualTo(115L);
		assertThat(stats.txs()).isEqualTo(4L);
		assertThat(stats.avgFee()).isEqualTo(4462L);
		assertThat(stats.avgFeeRate()).isEqualTo(24L);
		assertThat(stats.totalFee()).isEqualTo(13388L);
		assertThat(stats.subsidy()).isEqualTo(5_000_000_000L);
		assertThat(stats.totalOut()).isEqualTo(9_882_475_612L);
		assertThat(stats.feeRatePercentiles()).containsExactly(2L, 2L, 20L, 71L, 71L);
		assertThat(stats.segwitTxs()).isEqualTo(3L);
		assertThat(stats.segwitTotalWeight()).isEqualTo(2210L);
		assertThat(stats.medianTime()).isEqualTo(1796411271L);
		assertThat(stats.utxoIncrease()).isEqualTo(6L);
		assertThat(stats.utxoSizeIncrease()).isEqualTo(450L);
		assertThat(stats.utxoIncreaseActual()).isEqualTo(5L);
		assertThat(stats.utxoSizeIncreaseActual()).isEqualTo(362L);
		assertThat(stats.minFeeRate()).isEqualTo(2L);
		assertThat(stats.maxTxSize()).isEqualTo(434L);
	}

	@Test
	void someBlockStatsByHash() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockstats-subset.json");
		BlockStats stats = calls.getBlockStats("339d0ddd3200fd6e7112e470f0ea0e2798ebc64ede6c3631275ebc2ee613ee51",
				List.of("avgfeerate", "txs", "height", "totalfee"));
		calls.assertSentAsRecorded();
		assertThat(stats.avgFeeRate()).isEqualTo(24L);
		assertThat(stats.height()).isEqualTo(115L);
		assertThat(stats.totalFee()).isEqualTo(13388L);
		assertThat(stats.txs()).isEqualTo(4L);
		assertThat(stats.blockHash()).isNull();
		assertThat(stats.feeRatePercentiles()).isNull();
		assertThat(stats.avgFee()).isNull();
	}

	@Test
	void blockStatsAboveTheTip() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblockstats-out-of-range.json");
		assertThatThrownBy(() -> calls.getBlockStats(221)).isInstanceOf(RpcInvalidParameterException.class)
			.hasMessageContaining("Target block height 221 after current tip 121");
		calls.assertSentAsRecorded();
	}

	// getchainstates, getchaintxstats, getdeploymentinfo

	@Test
	void chainStates() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getchainstates.json");
		ChainStates states = calls.getChainStates();
		calls.assertSentAsRecorded();
		assertThat(states.headers()).isEqualTo(121L);
		assertThat(states.chainstates()).singleElement().satisfies((state) -> {
			assertThat(state.blocks()).isEqualTo(121L);
			assertThat(state.bestBlockHash()).isEqualTo(TIP);
			assertThat(state.bits()).isEqualTo("207fffff");
			assertThat(state.target()).startsWith("7fffff00");
			assertThat(state.difficulty()).isEqualByComparingTo("4.656542373906925e-10");
			assertThat(state.verificationProgress()).isEqualByComparingTo(BigDecimal.ONE);
			assertThat(state.coinsDbCacheBytes()).isEqualTo(8_388_608L);
			assertThat(state.coinsTipCacheBytes()).isEqualTo(708_837_376L);
			assertThat(state.validated()).isTrue();
			assertThat(state.snapshotBlockHash()).isNull();
		});
	}

	@Test
	void chainTxStats() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getchaintxstats.json");
		ChainTxStats stats = calls.getChainTxStats();
		calls.assertSentAsRecorded();
		assertThat(stats.time()).isEqualTo(1796411272L);
		assertThat(stats.txCount()).isEqualTo(142L);
		assertThat(stats.windowFinalBlockHash()).isEqualTo(TIP);
		assertThat(stats.windowFinalBlockHeight()).isEqualTo(121L);
		assertThat(stats.windowBlockCount()).isEqualTo(120L);
		assertThat(stats.windowInterval()).isEqualTo(21L);
		assertThat(stats.windowTxCount()).isEqualTo(140L);
		assertThat(stats.txRate()).isEqualTo(new BigDecimal("6.666666666666667"));
	}

	@Test
	void chainTxStatsOverAWindowSendsItsArguments() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getchaintxstats.json");
		calls.getChainTxStats(120, null);
		calls.assertSent("[120]");
		FixtureCalls atBlock = FixtureCalls.replaying("core/http-getchaintxstats.json");
		atBlock.getChainTxStats(10, TIP);
		atBlock.assertSent("[10, \"" + TIP + "\"]");
	}

	@Test
	void deploymentInfo() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getdeploymentinfo.json");
		DeploymentInfo info = calls.getDeploymentInfo();
		calls.assertSentAsRecorded();
		assertThat(info.hash()).isEqualTo(TIP);
		assertThat(info.height()).isEqualTo(121L);
		assertThat(info.scriptFlags()).contains("P2SH", "TAPROOT", "WITNESS").hasSize(7);
		assertThat(info.deployments()).containsOnlyKeys("bip34", "bip66", "bip65", "csv", "segwit", "testdummy",
				"taproot");
		assertThat(info.deployments().get("segwit")).isEqualTo(new Deployment("buried", 0L, true, null));
		Deployment testDummy = info.deployments().get("testdummy");
		assertThat(testDummy.type()).isEqualTo("bip9");
		assertThat(testDummy.active()).isFalse();
		assertThat(testDummy.height()).isNull();
		assertThat(testDummy.bip9()).isEqualTo(new Bip9Deployment(null, 0, Long.MAX_VALUE, 0, "defined", 0,
				"defined", null, null));
		Deployment taproot = info.deployments().get("taproot");
		assertThat(taproot.height()).isEqualTo(0L);
		assertThat(taproot.bip9().startTime()).isEqualTo(-1L);
		assertThat(taproot.bip9().status()).isEqualTo("active");
		assertThat(taproot.bip9().statusNext()).isEqualTo("active");
	}

	// preciousblock, pruneblockchain, verifychain

	@Test
	void preciousBlock() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-preciousblock.json");
		calls.preciousBlock(TIP);
		calls.assertSentAsRecorded();
		assertThat(calls.preciousBlockAsync(TIP)).isCompletedWithValue(null);
	}

	// pruneblockchain: no success recording (the node did not prune), typed from Core's help text

	@Test
	void pruneWithoutPruneMode() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-pruneblockchain-not-pruned.json");
		assertThatThrownBy(() -> calls.pruneBlockchain(10)).isExactlyInstanceOf(RpcErrorException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(RpcErrorCode.MISC_ERROR))
			.hasMessageContaining("Cannot prune blocks because node is not in prune mode.");
		calls.assertSentAsRecorded();
	}

	@Test
	void verifyChainOnBothNodes() {
		FixtureCalls core = FixtureCalls.replaying("core/http-verifychain.json");
		assertThat(core.verifyChain()).isTrue();
		core.assertSentAsRecorded();
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-verifychain.json");
		assertThat(btcd.verifyChain()).isTrue();
		btcd.assertSentAsRecorded();
		FixtureCalls level3 = FixtureCalls.replaying("btcd/http-verifychain-level3.json");
		assertThat(level3.verifyChain(3, 20, MINUTE)).isTrue();
		level3.assertSentAsRecorded();
	}

	// waitforblock, waitforblockheight, waitfornewblock

	@Test
	void waitForBlockSendsTheNodeTimeoutInMilliseconds() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-waitforblock.json");
		assertThat(calls.waitForBlock(TIP, Duration.ofSeconds(1))).isEqualTo(new BlockRef(TIP, 121));
		calls.assertSentAsRecorded();
	}

	@Test
	void waitForBlockHeight() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-waitforblockheight.json");
		assertThat(calls.waitForBlockHeight(121, Duration.ofMillis(1000), MINUTE)).isEqualTo(new BlockRef(TIP, 121));
		calls.assertSentAsRecorded();
	}

	@Test
	void waitForNewBlockAnswersTheOldTipAfterTheNodeTimeout() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-waitfornewblock.json");
		assertThat(calls.waitForNewBlock(Duration.ofMillis(500))).isEqualTo(new BlockRef(TIP, 121));
		calls.assertSentAsRecorded();
	}

	@Test
	void waitForNewBlockAfterAGivenTipSendsIt() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-waitfornewblock.json");
		assertThat(calls.waitForNewBlock(Duration.ofMillis(500), TIP, MINUTE)).isEqualTo(new BlockRef(TIP, 121));
		calls.assertSent("[500, \"" + TIP + "\"]");
	}

	// gettxoutproof, verifytxoutproof

	@Test
	void txOutProofRoundTrip() {
		String txid = "b3db6afe7e00f242d3df302907db97b99049cbf349d86ae7ed31cf2ff8d06906";
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettxoutproof.json");
		String proof = calls.getTxOutProof(List.of(txid));
		calls.assertSentAsRecorded();
		assertThat(proof).startsWith("00000020ce7b3625").endsWith("30105").hasSize(302);

		FixtureCalls verify = FixtureCalls.replaying("core/http-verifytxoutproof.json");
		assertThat(verify.verifyTxOutProof(proof)).containsExactly(txid);
		verify.assertSentAsRecorded();
	}

	@Test
	void txOutProofOfAnUnknownTransaction() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettxoutproof-unknown.json");
		assertThatThrownBy(() -> calls.getTxOutProof(List.of("44".repeat(32))))
			.isInstanceOf(RpcInvalidAddressOrKeyException.class)
			.hasMessageContaining("Transaction not yet in block");
		calls.assertSentAsRecorded();
	}

	// getdescriptoractivity

	@Test
	void descriptorActivity() {
		String block113 = "79cae27b7f305fc3146e636874d8bfa409ee0639cb0762c5cffe97833c69b67b";
		String block114 = "2e8484ad68c84bed89aa3c2d37f3e3f90704b51a49fff08fe2bd6d7168051f92";
		FixtureCalls calls = FixtureCalls.replaying("core/http-getdescriptoractivity.json");
		DescriptorActivity activity = calls.getDescriptorActivity(List.of(block113, block114), List.of(ADDRESS_SCAN),
				true);
		calls.assertSentAsRecorded();
		assertThat(activity.activity()).hasSize(3);
		DescriptorActivityEntry receive = activity.activity().get(0);
		assertThat(receive.isReceive()).isTrue();
		assertThat(receive.amount()).isEqualByComparingTo("1");
		assertThat(receive.blockHash()).isEqualTo(block113);
		assertThat(receive.height()).isEqualTo(113L);
		assertThat(receive.txid()).isEqualTo("88152a762c51f86ccba2df88d3bb162f522fecd59f2565dee04165a23145b33b");
		assertThat(receive.vout()).isEqualTo(1);
		assertThat(receive.outputScript().address()).isEqualTo(ADDRESS);
		assertThat(receive.outputScript().type()).isEqualTo("witness_v0_keyhash");
		assertThat(receive.spendTxid()).isNull();
		assertThat(receive.prevoutScript()).isNull();
		DescriptorActivityEntry spend = activity.activity().get(2);
		assertThat(spend.isSpend()).isTrue();
		assertThat(spend.height()).isEqualTo(114L);
		assertThat(spend.spendTxid()).isEqualTo("5c83f710fe80a0a6b2f5f21db7249387d1e61241ebe9a90db6c5f11ec83cc208");
		assertThat(spend.spendVin()).isZero();
		assertThat(spend.prevoutTxid()).isEqualTo(receive.txid());
		assertThat(spend.prevoutVout()).isEqualTo(1);
		assertThat(spend.prevoutScript().hex()).isEqualTo("00147376894653d32fc32f1f73a412206ee880e493e0");
		assertThat(spend.txid()).isNull();
		assertThat(spend.outputScript()).isNull();
	}

	@Test
	void descriptorActivityOfAnUnknownBlock() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getdescriptoractivity-unknown-block.json");
		assertThatThrownBy(() -> calls.getDescriptorActivity(List.of("77".repeat(32)), List.of(ADDRESS_SCAN)))
			.isInstanceOf(RpcInvalidAddressOrKeyException.class)
			.hasMessageContaining("Block not found");
		calls.assertSentAsRecorded();
	}

	// getmempoolancestors, getmempooldescendants, getmempoolcluster

	@Test
	void mempoolAncestors() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getmempoolancestors.json");
		assertThat(calls.getMempoolAncestors(CHILD)).containsExactly(PARENT);
		calls.assertSentAsRecorded();

		FixtureCalls verbose = FixtureCalls.replaying("core/http-getmempoolancestors-verbose.json");
		Map<String, MempoolEntry> entries = verbose.getMempoolAncestorsVerbose(CHILD);
		verbose.assertSentAsRecorded();
		assertThat(entries).containsOnlyKeys(PARENT);
		MempoolEntry parent = entries.get(PARENT);
		assertThat(parent.vsize()).isEqualTo(160L);
		assertThat(parent.weight()).isEqualTo(637L);
		assertThat(parent.descendantCount()).isEqualTo(2L);
		assertThat(parent.chunkWeight()).isEqualTo(1074L);
		assertThat(parent.fees().base()).isEqualByComparingTo("0.000002");
		assertThat(parent.fees().descendant()).isEqualByComparingTo("0.001");
		assertThat(parent.depends()).isEmpty();
		assertThat(parent.spentBy()).containsExactly(CHILD);
		assertThat(parent.bip125Replaceable()).isTrue();
	}

	@Test
	void mempoolDescendants() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getmempooldescendants.json");
		assertThat(calls.getMempoolDescendants(PARENT)).containsExactly(CHILD);
		calls.assertSentAsRecorded();

		FixtureCalls verbose = FixtureCalls.replaying("core/http-getmempooldescendants-verbose.json");
		Map<String, MempoolEntry> entries = verbose.getMempoolDescendantsVerbose(PARENT);
		verbose.assertSentAsRecorded();
		MempoolEntry child = entries.get(CHILD);
		assertThat(entries).hasSize(1);
		assertThat(child.vsize()).isEqualTo(110L);
		assertThat(child.ancestorCount()).isEqualTo(2L);
		assertThat(child.wtxid()).isEqualTo("b97568fb6928fa9db370f0394587484819bc8e769f3ac3d38cf6c3889a807b6d");
		assertThat(child.fees().base()).isEqualByComparingTo("0.000998");
		assertThat(child.fees().chunk()).isEqualByComparingTo("0.001");
		assertThat(child.depends()).containsExactly(PARENT);
		assertThat(child.unbroadcast()).isFalse();
	}

	@Test
	void mempoolRelativesOfATransactionNotInTheMempool() {
		FixtureCalls ancestors = FixtureCalls.replaying("core/http-getmempoolancestors-not-in-mempool.json");
		assertThatThrownBy(() -> ancestors.getMempoolAncestors("22".repeat(32)))
			.isInstanceOf(RpcInvalidAddressOrKeyException.class)
			.hasMessageContaining("Transaction not in mempool");
		ancestors.assertSentAsRecorded();
		FixtureCalls descendants = FixtureCalls.replaying("core/http-getmempooldescendants-not-in-mempool.json");
		assertThatThrownBy(() -> descendants.getMempoolDescendants("66".repeat(32)))
			.isInstanceOf(RpcInvalidAddressOrKeyException.class);
		descendants.assertSentAsRecorded();
		FixtureCalls cluster = FixtureCalls.replaying("core/http-getmempoolcluster-not-in-mempool.json");
		assertThatThrownBy(() -> cluster.getMempoolCluster("66".repeat(32)))
			.isInstanceOf(RpcInvalidAddressOrKeyException.class)
			.hasMessageContaining("Transaction not in mempool");
		cluster.assertSentAsRecorded();
	}

	@Test
	void mempoolCluster() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getmempoolcluster.json");
		MempoolCluster cluster = calls.getMempoolCluster(PARENT);
		calls.assertSentAsRecorded();
		assertThat(cluster.clusterWeight()).isEqualTo(1074L);
		assertThat(cluster.txCount()).isEqualTo(2L);
		assertThat(cluster.chunks()).singleElement().satisfies((chunk) -> {
			assertThat(chunk.chunkFee()).isEqualTo(new BigDecimal("0.00100000"));
			assertThat(chunk.chunkWeight()).isEqualTo(1074L);
			assertThat(chunk.txs()).containsExactly(PARENT, CHILD);
		});
	}

	// gettxspendingprevout

	@Test
	void txSpendingPrevoutFromCoreMempool() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettxspendingprevout.json");
		List<TxSpending> spendings = calls.getTxSpendingPrevout(List.of(new OutputRef(PARENT, 1), new OutputRef(PARENT, 0)));
		calls.assertSentAsRecorded();
		assertThat(spendings).containsExactly(new TxSpending(PARENT, 1, CHILD, null, null),
				new TxSpending(PARENT, 0, null, null, null));
	}

	@Test
	void txSpendingPrevoutFromCoreIndex() {
		String block = "67ed74d2974ffc72627cca706ff0adb5770abdabc7801a9e7a68da7b208f1e76";
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettxspendingprevout-confirmed.json");
		List<TxSpending> spendings = calls.getTxSpendingPrevout(List.of(new OutputRef(PARENT, 1)));
		calls.assertSentAsRecorded();
		assertThat(spendings).containsExactly(new TxSpending(PARENT, 1, CHILD, block, null));

		FixtureCalls withTx = FixtureCalls.replaying("core/http-gettxspendingprevout-return-tx.json");
		List<TxSpending> withHex = withTx.getTxSpendingPrevout(List.of(new OutputRef(PARENT, 1)),
				TxSpendingOptions.DEFAULTS.withReturnSpendingTx(true));
		withTx.assertSentAsRecorded();
		assertThat(withHex).singleElement().satisfies((spending) -> {
			assertThat(spending.spendingTxid()).isEqualTo(CHILD);
			assertThat(spending.blockHash()).isEqualTo(block);
			assertThat(spending.spendingTx().hex()).startsWith("0200000000010103").endsWith("00000000").hasSize(382);
		});
	}

	@Test
	void txSpendingPrevoutFromBtcd() {
		String spent = "0c71698768bd0c529e58667a54e0e21e457ac43bf3235fb079cfc25f51fbad8c";
		String spender = "7204b8004054d5420bdffe7dfd2c430d34614b2e9cd233e1302978e91d1a42ca";
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-gettxspendingprevout.json");
		List<TxSpending> spendings = calls.getTxSpendingPrevout(List.of(new OutputRef(spent, 0), new OutputRef(spender, 0)));
		calls.assertSentAsRecorded();
		assertThat(spendings).containsExactly(new TxSpending(spent, 0, spender, null, null),
				new TxSpending(spender, 0, null, null, null));
	}

	/**
	 * The two error recordings send what the typed call refuses before sending: an empty list (Core
	 * -8) and a txid {@code "zz"} (btcd -32600). The typed call fails at once instead; the generic
	 * call shows how each node answers.
	 */
	@Test
	void txSpendingPrevoutRefusesWhatTheNodesRefuse() {
		FixtureCalls empty = FixtureCalls.replaying("core/http-gettxspendingprevout-empty.json");
		assertRefused(empty.getTxSpendingPrevoutAsync(List.of()), IllegalArgumentException.class)
			.withMessage("outputs must not be empty");
		assertThatThrownBy(() -> empty.call("gettxspendingprevout", List.of(List.of()), Object.class))
			.isInstanceOf(RpcInvalidParameterException.class)
			.hasMessageContaining("outputs are missing");
		empty.assertSentAsRecorded();

		assertThatIllegalArgumentException().isThrownBy(() -> new OutputRef("zz", 0))
			.withMessage("txid must be 64 hex characters, was 'zz'");
		FixtureCalls badTxid = FixtureCalls.replaying("btcd/http-gettxspendingprevout-bad-txid.json");
		assertThatThrownBy(() -> badTxid.call("gettxspendingprevout", List.of(List.of(Map.of("txid", "zz", "vout", 0))),
				Object.class))
			.isExactlyInstanceOf(RpcErrorException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(RpcErrorCode.INVALID_REQUEST));
	}

	// savemempool, importmempool

	@Test
	void saveAndImportMempool() {
		String path = "/home/bitcoin/.bitcoin/regtest/mempool.dat";
		FixtureCalls save = FixtureCalls.replaying("core/http-savemempool.json");
		assertThat(save.saveMempool()).isEqualTo(path);
		save.assertSentAsRecorded();

		FixtureCalls load = FixtureCalls.replaying("core/http-importmempool.json");
		assertThat(load.importMempoolAsync(path, MINUTE)).isCompletedWithValue(null);
		load.assertSentAsRecorded();
	}

	@Test
	void importMempoolSendsOnlyTheOptionsGiven() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-importmempool.json");
		calls.importMempool("/tmp/mempool.dat", new ImportMempoolOptions(false, null, true), MINUTE);
		calls.assertSent("[\"/tmp/mempool.dat\", {\"use_current_time\": false, \"apply_unbroadcast_set\": true}]");
		FixtureCalls none = FixtureCalls.replaying("core/http-importmempool.json");
		none.importMempool("/tmp/mempool.dat", ImportMempoolOptions.DEFAULTS, MINUTE);
		none.assertSent("[\"/tmp/mempool.dat\"]");
	}

	// dumptxoutset, loadtxoutset

	@Test
	void dumpTxOutSet() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-dumptxoutset.json");
		UtxoSnapshot snapshot = calls.dumpTxOutSet("/home/bitcoin/backups/utxo-core.dat", MINUTE);
		calls.assertSentAsRecorded();
		assertThat(snapshot).isEqualTo(new UtxoSnapshot(141, "456d9eb64ba9b5fdff2fec350c96ae5b511fb09c5fc9e3bd32fb4a7fdf463a9c",
				122, "/home/bitcoin/backups/utxo-core.dat",
				"9c3c728b0462b1f7860a863cc52f59f03ab930cab2faaa1a6dba7949fa327fe4", 143));
	}

	@Test
	void dumpTxOutSetAtAPastHeightSendsARollback() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-dumptxoutset.json");
		calls.dumpTxOutSet("utxo.dat", 110, MINUTE);
		calls.assertSent("[\"utxo.dat\", \"rollback\", {\"rollback\": 110}]");
	}

	// loadtxoutset: no success recording (only hard-coded assumeutxo heights load), typed from Core's help text

	@Test
	void loadTxOutSetOfASnapshotCoreDoesNotKnow() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-loadtxoutset-unknown-snapshot.json");
		assertThatThrownBy(() -> calls.loadTxOutSet("/home/bitcoin/backups/utxo-core.dat", MINUTE))
			.isExactlyInstanceOf(RpcErrorException.class)
			.satisfies((ex) -> assertThat(((RpcErrorException) ex).code()).isEqualTo(RpcErrorCode.INTERNAL_ERROR))
			.hasMessageContaining("Unable to load UTXO snapshot");
		calls.assertSentAsRecorded();
	}

	// gettxoutsetinfo

	@Test
	void txOutSetInfo() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettxoutsetinfo.json");
		TxOutSetInfo info = calls.getTxOutSetInfo();
		calls.assertSentAsRecorded();
		assertThat(info.height()).isEqualTo(121L);
		assertThat(info.bestBlock()).isEqualTo(TIP);
		assertThat(info.txOuts()).isEqualTo(140L);
		assertThat(info.bogoSize()).isEqualTo(10119L);
		assertThat(info.hashSerialized3()).isEqualTo("1da5c7ff22cac85d0d218807332eeee3da0627db3a3ef5861c2a0ecc901e94d2");
		assertThat(info.muHash()).isNull();
		assertThat(info.totalAmount()).isEqualByComparingTo("6050");
		assertThat(info.transactions()).isEqualTo(134L);
		assertThat(info.diskSize()).isZero();
		assertThat(info.totalUnspendableAmount()).isNull();
		assertThat(info.blockInfo()).isNull();
	}

	@Test
	void txOutSetInfoWithMuHashFromTheIndex() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettxoutsetinfo-muhash.json");
		TxOutSetInfo info = calls.getTxOutSetInfo(TxOutSetHashType.MUHASH, MINUTE);
		calls.assertSentAsRecorded();
		assertThat(info.muHash()).isEqualTo("ac480630b61893afc5bedfbb798a0ca1e3f8a35035e5e5bbf4d0298a58bc225b");
		assertThat(info.hashSerialized3()).isNull();
		assertThat(info.transactions()).isNull();
		assertThat(info.diskSize()).isNull();
		assertThat(info.totalUnspendableAmount()).isEqualByComparingTo("50");
		TxOutSetBlockInfo block = info.blockInfo();
		assertThat(block.prevoutSpent()).isEqualByComparingTo("1");
		assertThat(block.coinbase()).isEqualTo(new BigDecimal("50.00003550"));
		assertThat(block.newOutputsExCoinbase()).isEqualTo(new BigDecimal("0.99996450"));
		assertThat(block.unspendables().unclaimedRewards()).isEqualByComparingTo("0");
	}

	@Test
	void txOutSetInfoAtAPastHeight() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettxoutsetinfo-none-height.json");
		TxOutSetInfo info = calls.getTxOutSetInfo(TxOutSetHashType.NONE, 50, MINUTE);
		calls.assertSentAsRecorded();
		assertThat(info.height()).isEqualTo(50L);
		assertThat(info.bestBlock()).isEqualTo("1595a1db4360b9743b2dc1272623bb52c87ca76bd562c76adede8a459af6ffa1");
		assertThat(info.txOuts()).isEqualTo(50L);
		assertThat(info.totalAmount()).isEqualByComparingTo("2500");
		assertThat(info.hashSerialized3()).isNull();
		assertThat(info.muHash()).isNull();
		assertThat(info.blockInfo().coinbase()).isEqualByComparingTo("50");
	}

	/** The recording sends {@code "bogus"}, which the hash-type enum cannot; the generic call shows Core's -8. */
	@Test
	void txOutSetInfoWithAnUnknownHashType() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-gettxoutsetinfo-bad-hash-type.json");
		assertThatThrownBy(() -> calls.call("gettxoutsetinfo", List.of("bogus"), TxOutSetInfo.class))
			.isInstanceOf(RpcInvalidParameterException.class)
			.hasMessageContaining("'bogus' is not a valid hash_type");
		calls.assertSentAsRecorded();
	}

	// scantxoutset, scanblocks

	@Test
	void scanTxOutSet() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-scantxoutset.json");
		ScanTxOutSetResult result = calls.scanTxOutSet(List.of(ADDRESS_SCAN, ScanObject.ranged(Descriptor.of(
				"wpkh([702dc3c9/84h/1h/0h]tpubDDcJMZP5UfNtEp8PtHT6bhCVhrY53QRhfjWBwgoQLaLTQbCQc1hh5w2MXVGkEW1BnjiPxvRGSX8MTqrb6DmkfQ3G64nqTXEUs4HmLvijnuh/0/*)#eg7l3tg5"),
				10)), MINUTE);
		calls.assertSentAsRecorded();
		assertThat(result.success()).isTrue();
		assertThat(result.txOuts()).isEqualTo(124L);
		assertThat(result.height()).isEqualTo(114L);
		assertThat(result.bestBlock()).isEqualTo("2e8484ad68c84bed89aa3c2d37f3e3f90704b51a49fff08fe2bd6d7168051f92");
		assertThat(result.totalAmount()).isEqualTo(new BigDecimal("14.62489000"));
		ScannedUnspent first = result.unspents().get(0);
		assertThat(first.txid()).isEqualTo(PARENT);
		assertThat(first.vout()).isZero();
		assertThat(first.scriptPubKey()).isEqualTo("0014ef1697d08e8304125066c18edd3820190c6414d6");
		assertThat(first.desc().hasChecksum()).isTrue();
		assertThat(first.desc().withoutChecksum())
			.isEqualTo("wpkh([702dc3c9/84h/1h/0h/0/0]03d4dc0037c6e7abfb96947ca33b20e4b317be9b5bf991067170b54bd2f4924e28)");
		assertThat(first.amount()).isEqualByComparingTo("10");
		assertThat(first.coinbase()).isFalse();
		assertThat(first.height()).isEqualTo(112L);
		assertThat(first.confirmations()).isEqualTo(3L);
		assertThat(result.unspents().stream().map(ScannedUnspent::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(result.totalAmount());
	}

	@Test
	void scanTxOutSetStatusWhenNoScanRuns() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-scantxoutset-status.json");
		assertThat(calls.scanTxOutSetStatus()).isEqualTo(Optional.empty());
		calls.assertSentAsRecorded();
	}

	@Test
	void scanTxOutSetWithAnInvalidDescriptor() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-scantxoutset-invalid-descriptor.json");
		assertThatThrownBy(() -> calls.scanTxOutSet(List.of(ScanObject.of(Descriptor.of("bogus(00)"))), MINUTE))
			.isInstanceOf(RpcInvalidAddressOrKeyException.class)
			.hasMessageContaining("'bogus(00)' is not a valid descriptor function");
		calls.assertSentAsRecorded();
	}

	@Test
	void scanBlocks() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-scanblocks.json");
		ScanBlocksResult result = calls.scanBlocks(List.of(ADDRESS_SCAN), MINUTE);
		calls.assertSentAsRecorded();
		assertThat(result).isEqualTo(new ScanBlocksResult(0, 114,
				List.of("79cae27b7f305fc3146e636874d8bfa409ee0639cb0762c5cffe97833c69b67b",
						"2e8484ad68c84bed89aa3c2d37f3e3f90704b51a49fff08fe2bd6d7168051f92"),
				true));
	}

	@Test
	void scanBlocksOverARangeSendsItsHeights() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-scanblocks.json");
		calls.scanBlocks(List.of(ADDRESS_SCAN), 100, null, MINUTE);
		calls.assertSent("[\"start\", [\"addr(" + ADDRESS + ")\"], 100]");
		FixtureCalls bounded = FixtureCalls.replaying("core/http-scanblocks.json");
		bounded.scanBlocks(List.of(ADDRESS_SCAN), 100, 110L, MINUTE);
		bounded.assertSent("[\"start\", [\"addr(" + ADDRESS + ")\"], 100, 110]");
	}

	// arguments refused before sending

	@Test
	void argumentsAreCheckedAndNamed() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-waitfornewblock.json");
		assertRefused(calls.waitForNewBlockAsync(Duration.ofMillis(-1)), IllegalArgumentException.class)
			.withMessageStartingWith("nodeTimeout must be positive");
		assertRefused(calls.waitForBlockHeightAsync(1, Duration.ZERO, Duration.ZERO), IllegalArgumentException.class)
			.withMessageStartingWith("callTimeout must be positive");
		assertRefused(calls.getBlockStatsAsync(-1), IllegalArgumentException.class)
			.withMessage("height must not be negative, was -1");
		assertRefused(calls.verifyChainAsync(5, 6, MINUTE), IllegalArgumentException.class)
			.withMessage("checkLevel must be 0 to 4, was 5");
		assertRefused(calls.getTxOutProofAsync(List.of()), IllegalArgumentException.class)
			.withMessage("txids must not be empty");
		assertRefused(calls.verifyTxOutProofAsync("abc"), IllegalArgumentException.class)
			.withMessageStartingWith("proof must be");
		assertRefused(calls.scanTxOutSetAsync(List.of(), MINUTE), IllegalArgumentException.class)
			.withMessage("scanObjects must not be empty");
		assertRefused(calls.scanBlocksAsync(List.of(ADDRESS_SCAN), 10, 9L, MINUTE), IllegalArgumentException.class)
			.withMessage("stopHeight must not be below startHeight 10, was 9");
		assertRefused(calls.dumpTxOutSetAsync(" ", MINUTE), IllegalArgumentException.class)
			.withMessage("path must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> ScanObject.ranged(ADDRESS_SCAN.descriptor(), -1))
			.withMessage("rangeEnd must not be negative, was -1");
	}

	/** The long calls pass their own timeout to the generic call; the wait calls the node's plus a margin. */
	@Test
	void longCallsCarryTheirOwnTimeout() {
		List<Duration> timeouts = new ArrayList<>();
		TimeoutRecorder calls = new TimeoutRecorder(timeouts);
		calls.waitForNewBlockAsync(Duration.ofSeconds(30));
		calls.waitForBlockAsync(TIP, Duration.ofSeconds(5));
		calls.waitForBlockHeightAsync(100, Duration.ZERO, Duration.ofMinutes(10));
		calls.scanTxOutSetAsync(List.of(ADDRESS_SCAN), Duration.ofMinutes(20));
		calls.getTxOutSetInfoAsync(TxOutSetHashType.MUHASH, Duration.ofMinutes(3));
		calls.dumpTxOutSetAsync("utxo.dat", Duration.ofMinutes(4));
		calls.scanBlocksAsync(List.of(ADDRESS_SCAN), Duration.ofMinutes(5));
		assertThat(timeouts).containsExactly(Duration.ofSeconds(30).plus(ChainCalls.WAIT_MARGIN),
				Duration.ofSeconds(5).plus(ChainCalls.WAIT_MARGIN), Duration.ofMinutes(10), Duration.ofMinutes(20),
				Duration.ofMinutes(3), Duration.ofMinutes(4), Duration.ofMinutes(5));
		assertThat(ChainCalls.WAIT_MARGIN).isEqualTo(Duration.ofSeconds(10));
	}

	/** Records the timeout of each call that carries one; answers nothing. */
	private record TimeoutRecorder(List<Duration> timeouts) implements ChainCalls, UtxoSetCalls {

		@Override
		public <T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType) {
			return new CompletableFuture<>();
		}

		@Override
		public <T> CompletableFuture<T> callAsync(String method, List<?> params, Class<T> resultType, Duration timeout) {
			this.timeouts.add(timeout);
			return new CompletableFuture<>();
		}

		@Override
		public <T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType) {
			return new CompletableFuture<>();
		}

		@Override
		public <T> CompletableFuture<T> callAsync(String method, List<?> params, TypeReference<T> resultType,
				Duration timeout) {
			this.timeouts.add(timeout);
			return new CompletableFuture<>();
		}

	}

}
