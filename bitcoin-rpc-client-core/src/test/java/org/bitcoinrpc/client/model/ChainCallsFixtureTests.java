package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain calls against the btcd and Core transcripts: the request each sends and the record each reply decodes to. */
class ChainCallsFixtureTests {

	private static final String BTCD_TIP = "4d2af2dca5ffa4b59662a568f8b67020f959fde5ec991bdc6d7c78894b1bf61b";

	private static final String CORE_TIP = "3d7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca43";

	@Test
	void blockchainInfoFromBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblockchaininfo.json");
		BlockchainInfo info = calls.getBlockchainInfo();
		calls.assertSentAsRecorded();
		assertThat(info.chain()).isEqualTo("simnet");
		assertThat(info.blocks()).isEqualTo(121L);
		assertThat(info.headers()).isEqualTo(121L);
		assertThat(info.bestBlockHash()).isEqualTo(BTCD_TIP);
		assertThat(info.difficulty()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(info.medianTime()).isEqualTo(1795621996L);
		assertThat(info.pruned()).isFalse();
		assertThat(info.time()).isNull();
		assertThat(info.chainWork()).isNull();
		assertThat(info.sizeOnDisk()).isNull();
		assertThat(info.verificationProgress()).isNull();
		assertThat(info.warnings()).isNull();
		assertThat(info.bip9SoftForks()).containsOnlyKeys("csv", "dummy", "dummy-min-activation", "segwit", "taproot");
		Bip9SoftFork taproot = info.bip9SoftForks().get("taproot");
		assertThat(taproot.status()).isEqualTo("started");
		assertThat(taproot.bit()).isEqualTo(2);
		assertThat(taproot.startTime()).isEqualTo(-62135596800L);
		assertThat(taproot.timeout()).isEqualTo(-62135596800L);
		assertThat(taproot.since()).isZero();
		assertThat(info.bip9SoftForks().get("dummy-min-activation").minActivationHeight()).isEqualTo(600L);
		assertThat(info.bip9SoftForks().get("dummy").bit()).isEqualTo(28);
	}

	@Test
	void blockchainInfoFromCoreInBothEnvelopes() {
		for (String name : List.of("core/http-getblockchaininfo.json", "core/http-getblockchaininfo-jsonrpc2.json")) {
			FixtureCalls calls = FixtureCalls.replaying(name);
			BlockchainInfo info = calls.getBlockchainInfo();
			calls.assertSentAsRecorded();
			assertThat(info.chain()).isEqualTo("regtest");
			assertThat(info.blocks()).isEqualTo(102L);
			assertThat(info.headers()).isEqualTo(102L);
			assertThat(info.bestBlockHash()).isEqualTo(CORE_TIP);
			assertThat(info.bits()).isEqualTo("207fffff");
			assertThat(info.target()).isEqualTo("7fffff0000000000000000000000000000000000000000000000000000000000");
			assertThat(info.difficulty()).isEqualTo(new BigDecimal("4.656542373906925e-10"));
			assertThat(info.time()).isEqualTo(1795622297L);
			assertThat(info.medianTime()).isEqualTo(1795622259L);
			assertThat(info.verificationProgress()).isEqualByComparingTo(BigDecimal.ONE);
			assertThat(info.initialBlockDownload()).isFalse();
			assertThat(info.chainWork()).isEqualTo("00000000000000000000000000000000000000000000000000000000000000ce");
			assertThat(info.sizeOnDisk()).isEqualTo(30922L);
			assertThat(info.pruned()).isFalse();
			assertThat(info.pruneHeight()).isNull();
			assertThat(info.warnings()).isEmpty();
			assertThat(info.bip9SoftForks()).isNull();
		}
	}

	@Test
	void bestBlockFromBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getbestblock.json");
		BlockRef best = calls.getBestBlock();
		calls.assertSentAsRecorded();
		assertThat(best).isEqualTo(new BlockRef(BTCD_TIP, 121));
	}

	@Test
	void headerHexFromBothNodes() {
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-getblockheader-verbose-false.json");
		String btcdHeader = btcd.getBlockHeaderHex(BTCD_TIP);
		btcd.assertSentAsRecorded();
		assertThat(btcdHeader).hasSize(160).startsWith("070040304a806fa9").endsWith("ffff7f2005000000");

		FixtureCalls core = FixtureCalls.replaying("core/http-getblockheader-verbose-false.json");
		String coreHeader = core.getBlockHeaderHex(CORE_TIP);
		core.assertSentAsRecorded();
		assertThat(coreHeader).hasSize(160).startsWith("00000020d45da2a7").endsWith("ffff7f2000000000");
	}

	@Test
	void blockHexFromBothNodes() {
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-getblock-verbosity0.json");
		String btcdBlock = btcd.getBlockHex(BTCD_TIP);
		btcd.assertSentAsRecorded();
		assertThat(btcdBlock).isEqualTo(recordedResult("btcd/http-getblock-verbosity0.json")).startsWith("07004030");

		FixtureCalls core = FixtureCalls.replaying("core/http-getblock-verbosity0.json");
		String coreBlock = core.getBlockHex(CORE_TIP);
		core.assertSentAsRecorded();
		assertThat(coreBlock).isEqualTo(recordedResult("core/http-getblock-verbosity0.json")).startsWith("00000020");

		// Recorded with the legacy boolean (Core only); the typed call sends the integer both accept.
		FixtureCalls legacy = FixtureCalls.replaying("core/http-getblock-verbose-false.json");
		assertThat(legacy.getBlockHex(CORE_TIP)).isEqualTo(coreBlock);
		legacy.assertSent("[\"" + CORE_TIP + "\",0]");
	}

	@Test
	void blockWithTransactionsFromBtcdRawtx() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getblock-verbosity2.json");
		BlockWithTransactions block = calls.getBlockWithTransactions(BTCD_TIP);
		calls.assertSentAsRecorded();
		assertThat(block.hash()).isEqualTo(BTCD_TIP);
		assertThat(block.height()).isEqualTo(121L);
		assertThat(block.confirmations()).isEqualTo(1L);
		assertThat(block.strippedSize()).isEqualTo(415L);
		assertThat(block.size()).isEqualTo(415L);
		assertThat(block.weight()).isEqualTo(1660L);
		assertThat(block.version()).isEqualTo(809500679L);
		assertThat(block.versionHex()).isEqualTo("30400007");
		assertThat(block.nonce()).isEqualTo(5L);
		assertThat(block.bits()).isEqualTo("207fffff");
		assertThat(block.difficulty()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(block.previousBlockHash()).isEqualTo("151e9b9ff43e86d9797872b1bd19cd8d3aa69c2ee95103013410581ea96f804a");
		assertThat(block.nextBlockHash()).isNull();
		assertThat(block.medianTime()).isNull();
		assertThat(block.txCount()).isNull();
		assertThat(block.transactions()).hasSize(2);

		RawTransaction coinbase = block.transactions().get(0);
		assertThat(coinbase.txid()).isEqualTo("a7b6199a333ece6469b665225dafd541d59256e12ca1df819d0bc370a7d4bec1");
		assertThat(coinbase.size()).isEqualTo(108L);
		assertThat(coinbase.weight()).isEqualTo(432L);
		assertThat(coinbase.vin()).singleElement().satisfies((in) -> {
			assertThat(in.coinbase()).isEqualTo("017908a051dc5c68fee1be0b2f503253482f627463642f");
			assertThat(in.sequence()).isEqualTo(4294967295L);
			assertThat(in.txid()).isNull();
			assertThat(in.vout()).isNull();
			assertThat(in.scriptSig()).isNull();
			assertThat(in.witness()).isNull();
		});
		assertThat(coinbase.vout()).singleElement().satisfies((out) -> {
			assertThat(out.value()).isEqualByComparingTo(new BigDecimal("50.0001"));
			assertThat(out.scriptPubKey().address()).isEqualTo("SPMwyZW6HoauCUZQZ3jKnEc99a1MXZyBWh");
			assertThat(out.scriptPubKey().requiredSignatures()).isEqualTo(1);
			assertThat(out.scriptPubKey().addresses()).containsExactly("SPMwyZW6HoauCUZQZ3jKnEc99a1MXZyBWh");
			assertThat(out.scriptPubKey().desc()).isNull();
		});
		assertThat(coinbase.blockHash()).isEqualTo(BTCD_TIP);
		assertThat(coinbase.blockTime()).isEqualTo(1795621996L);

		RawTransaction spend = block.transactions().get(1);
		assertThat(spend.txid()).isEqualTo("cb3b8af536173b590eb6379fda1aff72097820b7ae771ef78b3752eb9ea32211");
		assertThat(spend.vin().get(0).txid()).isEqualTo("7cb43dc3727b4efddff1e67280d65828fbbdea8f5d0b2945f4515abcd23f4c99");
		assertThat(spend.vin().get(0).vout()).isZero();
		assertThat(spend.vout()).extracting(TxOutput::value)
			.usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.containsExactly(new BigDecimal("10"), new BigDecimal("39.9999"));
		assertThat(spend.fee()).isNull();
	}

	@Test
	void blockWithTransactionsFromCoreTx() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblock-verbosity2.json");
		BlockWithTransactions block = calls.getBlockWithTransactions(CORE_TIP);
		calls.assertSentAsRecorded();
		assertCoreBlock(block);
		assertThat(block.transactions().get(1).vin().get(0).prevout()).isNull();
	}

	@Test
	void blockWithTransactionsReadsCoreVerbosity3Too() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getblock-verbosity3.json");
		BlockWithTransactions block = calls.getBlockWithTransactions(CORE_TIP);
		calls.assertSent("[\"" + CORE_TIP + "\",2]");
		assertCoreBlock(block);
		Prevout prevout = block.transactions().get(1).vin().get(0).prevout();
		assertThat(prevout.generated()).isTrue();
		assertThat(prevout.height()).isEqualTo(1L);
		assertThat(prevout.value()).isEqualTo(new BigDecimal("50.00000000"));
		assertThat(prevout.scriptPubKey().address()).isEqualTo("bcrt1qsr5fdlsm3uras00sj0qzmnterv5p2hlvsdk8vj");
	}

	private static void assertCoreBlock(BlockWithTransactions block) {
		assertThat(block.hash()).isEqualTo(CORE_TIP);
		assertThat(block.height()).isEqualTo(102L);
		assertThat(block.strippedSize()).isEqualTo(326L);
		assertThat(block.size()).isEqualTo(471L);
		assertThat(block.weight()).isEqualTo(1449L);
		assertThat(block.version()).isEqualTo(536870912L);
		assertThat(block.versionHex()).isEqualTo("20000000");
		assertThat(block.medianTime()).isEqualTo(1795622259L);
		assertThat(block.nonce()).isZero();
		assertThat(block.target()).startsWith("7fffff");
		assertThat(block.difficulty()).isEqualTo(new BigDecimal("4.656542373906925e-10"));
		assertThat(block.txCount()).isEqualTo(2);
		assertThat(block.previousBlockHash()).isEqualTo("24197c43eccb414640ee2c319096f0efa071efe2ba46d20db62ef932a7a25dd4");
		assertThat(block.nextBlockHash()).isNull();
		assertThat(block.transactions()).hasSize(2);

		RawTransaction coinbase = block.transactions().get(0);
		assertThat(coinbase.txid()).isEqualTo("ebfa5da47d7e6b9e98076cb2c1952108c784ff4987c70beb53732f3f834635bf");
		assertThat(coinbase.hash()).isEqualTo("1d0d46f264d0894bc88584c2f37bd74e7d6a6fce6f88a30de965e770a2554df0");
		assertThat(coinbase.version()).isEqualTo(2L);
		assertThat(coinbase.lockTime()).isEqualTo(101L);
		assertThat(coinbase.vsize()).isEqualTo(141L);
		assertThat(coinbase.fee()).isNull();
		assertThat(coinbase.blockHash()).isNull();
		assertThat(coinbase.vin().get(0).coinbase()).isEqualTo("016600");
		assertThat(coinbase.vin().get(0).witness())
			.containsExactly("0000000000000000000000000000000000000000000000000000000000000000");
		assertThat(coinbase.vin().get(0).sequence()).isEqualTo(4294967294L);
		assertThat(coinbase.vout().get(0).value()).isEqualTo(new BigDecimal("50.00003526"));
		TxOutput commitment = coinbase.vout().get(1);
		assertThat(commitment.value()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(commitment.scriptPubKey().type()).isEqualTo("nulldata");
		assertThat(commitment.scriptPubKey().address()).isNull();
		assertThat(commitment.scriptPubKey().desc()).startsWith("raw(6a24aa21a9ed");
		assertThat(commitment.scriptPubKey().requiredSignatures()).isNull();
		assertThat(coinbase.hex()).startsWith("020000000001010000");

		RawTransaction spend = block.transactions().get(1);
		assertThat(spend.txid()).isEqualTo("b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa");
		assertThat(spend.fee()).isEqualTo(new BigDecimal("0.00003526"));
		assertThat(spend.vin().get(0).txid()).isEqualTo("cfd22ce4c30c3c0aa3eccd604672e2f45782735f73d80c38fc504ad746a27ddc");
		assertThat(spend.vin().get(0).scriptSig()).isEqualTo(new ScriptSig("", ""));
		assertThat(spend.vin().get(0).witness()).hasSize(2);
		assertThat(spend.vin().get(0).sequence()).isEqualTo(4294967293L);
		assertThat(spend.vout()).extracting(TxOutput::value)
			.containsExactly(new BigDecimal("48.49996474"), new BigDecimal("1.50000000"));
	}

	@Test
	void chainTipsFromBothNodes() {
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-getchaintips.json");
		List<ChainTip> btcdTips = btcd.getChainTips();
		btcd.assertSentAsRecorded();
		assertThat(btcdTips).containsExactly(new ChainTip(121, BTCD_TIP, 0, "active"));

		FixtureCalls core = FixtureCalls.replaying("core/http-getchaintips-invalid.json");
		List<ChainTip> coreTips = core.getChainTips();
		core.assertSentAsRecorded();
		assertThat(coreTips).containsExactly(new ChainTip(102, CORE_TIP, 1, "invalid"),
				new ChainTip(101, "24197c43eccb414640ee2c319096f0efa071efe2ba46d20db62ef932a7a25dd4", 0, "active"));
	}

	@Test
	void difficultyFromBothNodes() {
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-getdifficulty.json");
		assertThat(btcd.getDifficulty()).isEqualByComparingTo(BigDecimal.ONE);
		btcd.assertSentAsRecorded();

		FixtureCalls core = FixtureCalls.replaying("core/http-getdifficulty.json");
		assertThat(core.getDifficulty()).isEqualTo(new BigDecimal("4.656542373906925e-10"));
		core.assertSentAsRecorded();
	}

	@Test
	void unspentTxOutFromBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-gettxout.json");
		Optional<TxOut> out = calls.getTxOut("cb3b8af536173b590eb6379fda1aff72097820b7ae771ef78b3752eb9ea32211", 0);
		calls.assertSentAsRecorded();
		assertThat(out).hasValueSatisfying((txOut) -> {
			assertThat(txOut.bestBlock()).isEqualTo(BTCD_TIP);
			assertThat(txOut.confirmations()).isEqualTo(1L);
			assertThat(txOut.value()).isEqualByComparingTo(BigDecimal.TEN);
			assertThat(txOut.coinbase()).isFalse();
			assertThat(txOut.scriptPubKey()).isEqualTo(new ScriptPubKey(
					"OP_DUP OP_HASH160 e84077a9f2215d78ce4e44120d49e5212c1da84c OP_EQUALVERIFY OP_CHECKSIG",
					"76a914e84077a9f2215d78ce4e44120d49e5212c1da84c88ac", null, "pubkeyhash",
					"SiU32d4RwDvHwvs3xDGDuH7qK7Ez1AxsDB", 1, List.of("SiU32d4RwDvHwvs3xDGDuH7qK7Ez1AxsDB")));
		});
	}

	@Test
	void spentTxOutIsEmpty() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-gettxout-spent.json");
		assertThat(calls.getTxOut("7cb43dc3727b4efddff1e67280d65828fbbdea8f5d0b2945f4515abcd23f4c99", 0)).isEmpty();
		calls.assertSentAsRecorded();
	}

	@Test
	void txOutWithMempoolFlagSendsThreeParams() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-gettxout-spent.json");
		assertThat(calls.getTxOut("7cb43dc3727b4efddff1e67280d65828fbbdea8f5d0b2945f4515abcd23f4c99", 0, false)).isEmpty();
		calls.assertSent("[\"7cb43dc3727b4efddff1e67280d65828fbbdea8f5d0b2945f4515abcd23f4c99\",0,false]");
	}

	static String recordedResult(String fixture) {
		return Fixtures.fixture(fixture).get("response").get("result").asString();
	}

}
