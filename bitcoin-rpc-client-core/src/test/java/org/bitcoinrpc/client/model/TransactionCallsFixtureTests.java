package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The transaction calls against the btcd and Core transcripts. */
class TransactionCallsFixtureTests {

	private static final String BTCD_COINBASE = "7cb43dc3727b4efddff1e67280d65828fbbdea8f5d0b2945f4515abcd23f4c99";

	private static final String BTCD_SPEND = "cb3b8af536173b590eb6379fda1aff72097820b7ae771ef78b3752eb9ea32211";

	private static final String BTCD_TIP = "4d2af2dca5ffa4b59662a568f8b67020f959fde5ec991bdc6d7c78894b1bf61b";

	private static final String CORE_COINBASE = "ebfa5da47d7e6b9e98076cb2c1952108c784ff4987c70beb53732f3f834635bf";

	private static final String CORE_MINED = "b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa";

	private static final String CORE_MEMPOOL = "b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e";

	private static final String CORE_TIP = "3d7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca43";

	@Test
	void rawTransactionHexFromBothNodes() {
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-getrawtransaction-nonverbose.json");
		assertThat(btcd.getRawTransactionHex(BTCD_SPEND))
			.isEqualTo(ChainCallsFixtureTests.recordedResult("btcd/http-getrawtransaction-nonverbose.json"))
			.startsWith("0100000001994c3fd2");
		btcd.assertSentAsRecorded();

		// Core was recorded without a verbosity; the typed call sends the 0 that btcd needs.
		FixtureCalls core = FixtureCalls.replaying("core/http-getrawtransaction-nonverbose.json");
		assertThat(core.getRawTransactionHex(CORE_MINED)).startsWith("02000000000101dc7da246").endsWith("65000000");
		core.assertSent("[\"" + CORE_MINED + "\",0]");
	}

	@Test
	void btcdCoinbaseTransaction() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getrawtransaction-coinbase-verbose.json");
		RawTransaction tx = calls.getRawTransaction(BTCD_COINBASE);
		calls.assertSentAsRecorded();
		assertThat(tx.txid()).isEqualTo(BTCD_COINBASE);
		assertThat(tx.hash()).isEqualTo(BTCD_COINBASE);
		assertThat(tx.size()).isEqualTo(107L);
		assertThat(tx.vsize()).isEqualTo(107L);
		assertThat(tx.weight()).isEqualTo(428L);
		assertThat(tx.version()).isEqualTo(1L);
		assertThat(tx.lockTime()).isZero();
		assertThat(tx.vin()).containsExactly(
				new TxInput(null, null, null, "51089e7ada37733ea99b0b2f503253482f627463642f", null, null, 4294967295L));
		assertThat(tx.vout()).singleElement().satisfies((out) -> {
			assertThat(out.value()).isEqualByComparingTo("50");
			assertThat(out.n()).isZero();
			assertThat(out.scriptPubKey().type()).isEqualTo("pubkeyhash");
		});
		assertThat(tx.blockHash()).isEqualTo("46e0b4c3fa0cd5804a5fea734acedb5f92ce4a4114f88027a7e8a6cc51d9381d");
		assertThat(tx.confirmations()).isEqualTo(121L);
		assertThat(tx.time()).isEqualTo(1795621975L);
		assertThat(tx.blockTime()).isEqualTo(1795621975L);
		assertThat(tx.fee()).isNull();
	}

	@Test
	void btcdConfirmedAndMempoolTransaction() {
		FixtureCalls confirmedCalls = FixtureCalls.replaying("btcd/http-getrawtransaction-confirmed-verbose.json");
		RawTransaction confirmed = confirmedCalls.getRawTransaction(BTCD_SPEND);
		confirmedCalls.assertSentAsRecorded();
		assertBtcdSpend(confirmed);
		assertThat(confirmed.hex()).startsWith("0100000001994c3fd2");
		assertThat(confirmed.size()).isEqualTo(226L);
		assertThat(confirmed.blockHash()).isEqualTo(BTCD_TIP);
		assertThat(confirmed.confirmations()).isEqualTo(1L);
		assertThat(confirmed.blockTime()).isEqualTo(1795621996L);

		FixtureCalls mempoolCalls = FixtureCalls.replaying("btcd/http-getrawtransaction-mempool-verbose.json");
		RawTransaction mempool = mempoolCalls.getRawTransaction(BTCD_SPEND);
		mempoolCalls.assertSentAsRecorded();
		assertBtcdSpend(mempool);
		assertThat(mempool.blockHash()).isNull();
		assertThat(mempool.confirmations()).isNull();
		assertThat(mempool.time()).isNull();
		assertThat(mempool.blockTime()).isNull();
	}

	@Test
	void btcdDecodeRawTransaction() {
		String hex = Fixtures.fixture("btcd/http-decoderawtransaction.json").get("request").get("params").get(0).asString();
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-decoderawtransaction.json");
		RawTransaction tx = calls.decodeRawTransaction(hex);
		calls.assertSentAsRecorded();
		assertBtcdSpend(tx);
		assertThat(tx.hash()).isNull();
		assertThat(tx.size()).isNull();
		assertThat(tx.vsize()).isNull();
		assertThat(tx.weight()).isNull();
		assertThat(tx.hex()).isNull();
		assertThat(tx.blockHash()).isNull();
	}

	private static void assertBtcdSpend(RawTransaction tx) {
		assertThat(tx.txid()).isEqualTo(BTCD_SPEND);
		assertThat(tx.version()).isEqualTo(1L);
		assertThat(tx.lockTime()).isZero();
		assertThat(tx.vin()).singleElement().satisfies((in) -> {
			assertThat(in.txid()).isEqualTo(BTCD_COINBASE);
			assertThat(in.vout()).isZero();
			assertThat(in.scriptSig().hex()).startsWith("483045022100e367fff5").hasSize(214);
			assertThat(in.scriptSig().asm()).endsWith(" 03b2afc6e4449e92a6cb30b6480715da5dd4c4eff3d207c0a549e975acdd88df53");
			assertThat(in.coinbase()).isNull();
			assertThat(in.witness()).isNull();
			assertThat(in.sequence()).isEqualTo(4294967295L);
		});
		assertThat(tx.vout()).hasSize(2);
		assertThat(tx.vout().get(0).value()).isEqualByComparingTo("10");
		assertThat(tx.vout().get(0).scriptPubKey().address()).isEqualTo("SiU32d4RwDvHwvs3xDGDuH7qK7Ez1AxsDB");
		assertThat(tx.vout().get(1).value()).isEqualTo(new BigDecimal("39.9999"));
		assertThat(tx.vout().get(1).n()).isEqualTo(1);
	}

	@Test
	void coreConfirmedTransaction() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getrawtransaction-verbosity1-int.json");
		RawTransaction tx = calls.getRawTransaction(CORE_MINED);
		calls.assertSentAsRecorded();
		assertCoreMined(tx);
		assertThat(tx.fee()).isNull();
		assertThat(tx.vin().get(0).prevout()).isNull();

		// Recorded with verbose=true (Core accepts the boolean); the typed call sends 1.
		FixtureCalls bool = FixtureCalls.replaying("core/http-getrawtransaction-verbose.json");
		assertCoreMined(bool.getRawTransaction(CORE_MINED));
		bool.assertSent("[\"" + CORE_MINED + "\",1]");
	}

	private static void assertCoreMined(RawTransaction tx) {
		assertThat(tx.txid()).isEqualTo(CORE_MINED);
		assertThat(tx.hash()).isEqualTo("b836122fe2f102be6aede0c8cf9a92bf9fcb8ba115259f16872e5e3f3d2d0db6");
		assertThat(tx.version()).isEqualTo(2L);
		assertThat(tx.size()).isEqualTo(222L);
		assertThat(tx.vsize()).isEqualTo(141L);
		assertThat(tx.weight()).isEqualTo(561L);
		assertThat(tx.lockTime()).isEqualTo(101L);
		TxInput in = tx.vin().get(0);
		assertThat(in.txid()).isEqualTo("cfd22ce4c30c3c0aa3eccd604672e2f45782735f73d80c38fc504ad746a27ddc");
		assertThat(in.vout()).isZero();
		assertThat(in.scriptSig()).isEqualTo(new ScriptSig("", ""));
		assertThat(in.witness()).containsExactly(
				"30440220080b7f2b39bc257e38481d8562bb353af0bde202565b8fdcd01ade18fa1bc76d022020a2fa12d68374c962a21aa202cd8bb9d6b994f3b39f4c82af946993932f3a1001",
				"0280b1e3cb76251cb8975ad7bf9f637cbc145b824e802006b9d40adf4289bd87c4");
		assertThat(in.sequence()).isEqualTo(4294967293L);
		assertThat(tx.vout()).extracting(TxOutput::value)
			.containsExactly(new BigDecimal("48.49996474"), new BigDecimal("1.50000000"));
		ScriptPubKey script = tx.vout().get(1).scriptPubKey();
		assertThat(script.address()).isEqualTo("bcrt1qjalcu8z3yajklsm5fcjjn9ekxmp5prla4u3h4d");
		assertThat(script.desc()).isEqualTo("addr(bcrt1qjalcu8z3yajklsm5fcjjn9ekxmp5prla4u3h4d)#368st7e9");
		assertThat(script.type()).isEqualTo("witness_v0_keyhash");
		assertThat(script.asm()).isEqualTo("0 977f8e1c5127656fc3744e2529973636c3408ffd");
		assertThat(script.addresses()).isNull();
		assertThat(tx.hex()).startsWith("02000000000101dc7da246");
		assertThat(tx.blockHash()).isEqualTo(CORE_TIP);
		assertThat(tx.confirmations()).isEqualTo(1L);
		assertThat(tx.time()).isEqualTo(1795622297L);
		assertThat(tx.blockTime()).isEqualTo(1795622297L);
	}

	@Test
	void coreCoinbaseAndMempoolTransactions() {
		FixtureCalls coinbaseCalls = FixtureCalls.replaying("core/http-getrawtransaction-coinbase-verbose.json");
		RawTransaction coinbase = coinbaseCalls.getRawTransaction(CORE_COINBASE);
		coinbaseCalls.assertSent("[\"" + CORE_COINBASE + "\",1]");
		assertThat(coinbase.vin()).containsExactly(new TxInput(null, null, null, "016600",
				List.of("0000000000000000000000000000000000000000000000000000000000000000"), null, 4294967294L));
		assertThat(coinbase.vout().get(0).value()).isEqualTo(new BigDecimal("50.00003526"));
		assertThat(coinbase.vout().get(1).value()).isEqualTo(new BigDecimal("0.00000000"));
		assertThat(coinbase.vout().get(1).scriptPubKey().address()).isNull();
		assertThat(coinbase.confirmations()).isEqualTo(1L);
		assertThat(coinbase.blockHash()).isEqualTo(CORE_TIP);

		FixtureCalls mempoolCalls = FixtureCalls.replaying("core/http-getrawtransaction-mempool-verbose.json");
		RawTransaction mempool = mempoolCalls.getRawTransaction(CORE_MEMPOOL);
		mempoolCalls.assertSent("[\"" + CORE_MEMPOOL + "\",1]");
		assertThat(mempool.hash()).isEqualTo("fba8f90032068f84163ee2e68a66f396d9e9ba4d264ee415f732094efad83bcd");
		assertThat(mempool.vout()).extracting(TxOutput::value)
			.containsExactly(new BigDecimal("1.50000000"), new BigDecimal("48.49997180"));
		assertThat(mempool.blockHash()).isNull();
		assertThat(mempool.confirmations()).isNull();
		assertThat(mempool.time()).isNull();
		assertThat(mempool.blockTime()).isNull();
	}

	@Test
	void coreVerbosity2AddsFeeAndPrevout() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getrawtransaction-verbosity2.json");
		RawTransaction tx = calls.getRawTransactionWithPrevouts(CORE_MINED);
		calls.assertSentAsRecorded();
		assertCoreMined(tx);
		assertThat(tx.fee()).isEqualTo(new BigDecimal("0.00003526"));
		Prevout prevout = tx.vin().get(0).prevout();
		assertThat(prevout.generated()).isTrue();
		assertThat(prevout.height()).isEqualTo(1L);
		assertThat(prevout.value()).isEqualTo(new BigDecimal("50.00000000"));
		assertThat(prevout.scriptPubKey().hex()).isEqualTo("001480e896fe1b8f07d83df093c02dcd791b28155fec");
	}

	@Test
	void unknownTransactionFailsWithMinus5() {
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-getrawtransaction-notfound.json");
		String unknown = "1111111111111111111111111111111111111111111111111111111111111111";
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> btcd.getRawTransaction(unknown))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-5));
		btcd.assertSentAsRecorded();

		FixtureCalls core = FixtureCalls.replaying("core/http-getrawtransaction-notfound.json");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> core.getRawTransaction(unknown))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).startsWith("No such mempool or blockchain transaction"));
		core.assertSent("[\"" + unknown + "\",1]");
	}

	@Test
	void sendRawTransactionReturnsTheTxid() {
		String btcdHex = requestParam("btcd/http-sendrawtransaction.json");
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-sendrawtransaction.json");
		assertThat(btcd.sendRawTransaction(btcdHex)).isEqualTo(BTCD_SPEND);
		btcd.assertSentAsRecorded();

		String coreHex = requestParam("core/http-sendrawtransaction-already-in-mempool.json");
		FixtureCalls core = FixtureCalls.replaying("core/http-sendrawtransaction-already-in-mempool.json");
		assertThat(core.sendRawTransaction(coreHex)).isEqualTo(CORE_MEMPOOL);
		core.assertSentAsRecorded();
	}

	@Test
	void sendRawTransactionRejections() {
		record Case(String fixture, int code) {
		}
		for (Case c : List.of(new Case("btcd/http-sendrawtransaction-duplicate.json", -26),
				new Case("btcd/http-sendrawtransaction-badhex.json", -22),
				new Case("core/http-sendrawtransaction-bad-hex.json", -22),
				new Case("core/http-sendrawtransaction-bad-hex-v1.json", -22),
				new Case("core/http-sendrawtransaction-already-in-chain.json", -27),
				new Case("core/http-sendrawtransaction-already-in-chain-v1.json", -27),
				new Case("core/http-sendrawtransaction-replaced.json", -26))) {
			FixtureCalls calls = FixtureCalls.replaying(c.fixture());
			assertThatExceptionOfType(RpcErrorException.class)
				.isThrownBy(() -> calls.sendRawTransaction(requestParam(c.fixture())))
				.satisfies((ex) -> assertThat(ex.code()).as(c.fixture()).isEqualTo(c.code()));
			calls.assertSentAsRecorded();
		}
	}

	@Test
	void testMempoolAcceptOnBtcdSendsTheDefaultMaxFeeRate() {
		String hex = requestParam("btcd/http-testmempoolaccept.json");
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-testmempoolaccept.json");
		List<MempoolAcceptResult> results = calls.testMempoolAccept(List.of(hex), null);
		calls.assertSentAsRecorded();
		assertThat(results).singleElement().satisfies((result) -> {
			assertThat(result.txid()).isEqualTo("845574342906fb2797f16c429183b5787aad508ed55a0fe4c3828231e6a5c3c3");
			assertThat(result.wtxid()).isEqualTo(result.txid());
			assertThat(result.packageError()).isEmpty();
			assertThat(result.allowed()).isTrue();
			assertThat(result.accepted()).isTrue();
			assertThat(result.vsize()).isEqualTo(191L);
			assertThat(result.fees().base()).isEqualByComparingTo("0.00005");
			assertThat(result.fees().effectiveFeeRate()).isEqualTo(new BigDecimal("0.00026178"));
			assertThat(result.fees().effectiveIncludes()).isNull();
			assertThat(result.rejectReason()).isNull();
		});

		FixtureCalls explicit = FixtureCalls.replaying("btcd/http-testmempoolaccept.json");
		explicit.testMempoolAccept(List.of(hex), new BigDecimal("0.1"));
		explicit.assertSentAsRecorded();
	}

	@Test
	void testMempoolAcceptRejectionOnBtcdLeavesAllowedOut() {
		String hex = requestParam("btcd/http-testmempoolaccept-spent.json");
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-testmempoolaccept-spent.json");
		List<MempoolAcceptResult> results = calls.testMempoolAccept(List.of(hex), null);
		calls.assertSentAsRecorded();
		assertThat(results).containsExactly(new MempoolAcceptResult(BTCD_SPEND, BTCD_SPEND, "", null, null, null,
				"transaction already exists in blockchain", null));
		assertThat(results.get(0).accepted()).isFalse();
	}

	@Test
	void testMempoolAcceptWithUndecodableHexFailsOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-testmempoolaccept-invalid.json");
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> calls.testMempoolAccept(List.of("0100deadbeef"), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-22));
		calls.assertSentAsRecorded();
	}

	@Test
	void testMempoolAcceptNeverSendsTheOneParamFormBtcdRejects() {
		String hex = requestParam("btcd/http-testmempoolaccept-one-param.json");
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-testmempoolaccept.json");
		calls.testMempoolAccept(List.of(hex), null);
		assertThat(calls.sentRequest().get("params")).hasSize(2);
		assertThat(calls.sentRequest().get("params").get(1).decimalValue()).isEqualByComparingTo("0.10");
	}

	@Test
	void testMempoolAcceptOnCore() {
		String okHex = requestParam("core/http-testmempoolaccept-ok.json");
		FixtureCalls ok = FixtureCalls.replaying("core/http-testmempoolaccept-ok.json");
		List<MempoolAcceptResult> accepted = ok.testMempoolAccept(List.of(okHex), null);
		// Core was recorded without maxfeerate; the typed call sends Core's own default explicitly.
		ok.assertSent("[[\"" + okHex + "\"],0.1]");
		assertThat(accepted).singleElement().satisfies((result) -> {
			assertThat(result.txid()).isEqualTo("576879a96473548a10bce543412b8c209ab2566dd3cc5813058d4a170ffed873");
			assertThat(result.wtxid()).isEqualTo("dce1bbb36152af44742f371687b8796117fe2cfa0e26354b34e95f75b0dde450");
			assertThat(result.allowed()).isTrue();
			assertThat(result.vsize()).isEqualTo(110L);
			assertThat(result.fees()).isEqualTo(new MempoolAcceptFees(new BigDecimal("0.00010000"),
					new BigDecimal("0.00090909"), List.of("dce1bbb36152af44742f371687b8796117fe2cfa0e26354b34e95f75b0dde450")));
			assertThat(result.packageError()).isNull();
		});

		String inMempoolHex = requestParam("core/http-testmempoolaccept-in-mempool.json");
		FixtureCalls inMempool = FixtureCalls.replaying("core/http-testmempoolaccept-in-mempool.json");
		List<MempoolAcceptResult> rejected = inMempool.testMempoolAccept(List.of(inMempoolHex), null);
		inMempool.assertSent("[[\"" + inMempoolHex + "\"],0.1]");
		assertThat(rejected).containsExactly(new MempoolAcceptResult(CORE_MEMPOOL,
				"fba8f90032068f84163ee2e68a66f396d9e9ba4d264ee415f732094efad83bcd", null, Boolean.FALSE, null, null,
				"txn-already-in-mempool", "txn-already-in-mempool"));
	}

	/** The transcript's first param as text, or the first element when it is an array. */
	private static String requestParam(String fixture) {
		var first = Fixtures.fixture(fixture).get("request").get("params").get(0);
		return first.isArray() ? first.get(0).asString() : first.asString();
	}

}
