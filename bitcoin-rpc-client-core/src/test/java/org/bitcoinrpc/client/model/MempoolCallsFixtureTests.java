package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.bitcoinrpc.client.RpcErrorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The mempool calls against the btcd and Core transcripts. */
class MempoolCallsFixtureTests {

	private static final String BTCD_TX = "cb3b8af536173b590eb6379fda1aff72097820b7ae771ef78b3752eb9ea32211";

	private static final String CORE_TX = "b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e";

	@Test
	void mempoolInfoFromBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getmempoolinfo.json");
		MempoolInfo info = calls.getMempoolInfo();
		calls.assertSentAsRecorded();
		assertThat(info.size()).isEqualTo(1L);
		assertThat(info.bytes()).isEqualTo(226L);
		assertThat(info.loaded()).isNull();
		assertThat(info.usage()).isNull();
		assertThat(info.totalFee()).isNull();
		assertThat(info.mempoolMinFee()).isNull();
		assertThat(info.fullRbf()).isNull();
	}

	@Test
	void mempoolInfoFromCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getmempoolinfo.json");
		MempoolInfo info = calls.getMempoolInfo();
		calls.assertSentAsRecorded();
		assertThat(info.size()).isEqualTo(1L);
		assertThat(info.bytes()).isEqualTo(141L);
		assertThat(info.loaded()).isTrue();
		assertThat(info.usage()).isEqualTo(1224L);
		assertThat(info.totalFee()).isEqualTo(new BigDecimal("0.00002820"));
		assertThat(info.maxMempool()).isEqualTo(300000000L);
		assertThat(info.mempoolMinFee()).isEqualTo(new BigDecimal("0.00000100"));
		assertThat(info.minRelayTxFee()).isEqualByComparingTo("0.000001");
		assertThat(info.incrementalRelayFee()).isEqualByComparingTo("0.000001");
		assertThat(info.unbroadcastCount()).isEqualTo(1L);
		assertThat(info.fullRbf()).isTrue();
		assertThat(info.permitBareMultisig()).isTrue();
		assertThat(info.maxDataCarrierSize()).isEqualTo(100000L);
		assertThat(info.limitClusterCount()).isEqualTo(64L);
		assertThat(info.limitClusterSize()).isEqualTo(101000L);
		assertThat(info.optimal()).isTrue();
	}

	@Test
	void rawMempoolFromBothNodes() {
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-getrawmempool.json");
		assertThat(btcd.getRawMempool()).containsExactly(BTCD_TX);
		btcd.assertSentAsRecorded();

		FixtureCalls empty = FixtureCalls.replaying("btcd/http-getrawmempool-empty.json");
		assertThat(empty.getRawMempool()).isEmpty();
		empty.assertSentAsRecorded();

		FixtureCalls core = FixtureCalls.replaying("core/http-getrawmempool.json");
		assertThat(core.getRawMempool()).containsExactly(CORE_TX);
		core.assertSentAsRecorded();

		// Recorded with an explicit false; the typed call leaves the default.
		FixtureCalls explicitFalse = FixtureCalls.replaying("btcd/http-getrawmempool-false.json");
		assertThat(explicitFalse.getRawMempool()).containsExactly(BTCD_TX);
		explicitFalse.assertSent("[]");
	}

	@Test
	void verboseRawMempoolFromBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getrawmempool-verbose.json");
		Map<String, MempoolEntry> mempool = calls.getRawMempoolVerbose();
		calls.assertSentAsRecorded();
		assertThat(mempool).containsOnlyKeys(BTCD_TX);
		MempoolEntry entry = mempool.get(BTCD_TX);
		assertThat(entry.size()).isEqualTo(226L);
		assertThat(entry.vsize()).isEqualTo(226L);
		assertThat(entry.weight()).isEqualTo(904L);
		assertThat(entry.fee()).isEqualByComparingTo("0.0001");
		assertThat(entry.time()).isEqualTo(1795621975L);
		assertThat(entry.height()).isEqualTo(120L);
		assertThat(entry.startingPriority()).isEqualTo(new BigDecimal("7628205128.205129"));
		assertThat(entry.currentPriority()).isEqualTo(new BigDecimal("7692307692.307693"));
		assertThat(entry.depends()).isEmpty();
		assertThat(entry.fees()).isNull();
		assertThat(entry.wtxid()).isNull();
		assertThat(entry.spentBy()).isNull();
		assertThat(entry.bip125Replaceable()).isNull();
	}

	@Test
	void emptyVerboseRawMempoolIsAnEmptyMap() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getrawmempool-verbose-empty.json");
		assertThat(calls.getRawMempoolVerbose()).isEmpty();
		calls.assertSentAsRecorded();
	}

	@Test
	void verboseRawMempoolFromCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getrawmempool-verbose.json");
		Map<String, MempoolEntry> mempool = calls.getRawMempoolVerbose();
		calls.assertSentAsRecorded();
		assertThat(mempool).containsOnlyKeys(CORE_TX);
		assertCoreEntry(mempool.get(CORE_TX));
	}

	@Test
	void mempoolEntryFromCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getmempoolentry.json");
		MempoolEntry entry = calls.getMempoolEntry(CORE_TX);
		calls.assertSentAsRecorded();
		assertCoreEntry(entry);
	}

	private static void assertCoreEntry(MempoolEntry entry) {
		assertThat(entry.size()).isNull();
		assertThat(entry.fee()).isNull();
		assertThat(entry.startingPriority()).isNull();
		assertThat(entry.vsize()).isEqualTo(141L);
		assertThat(entry.weight()).isEqualTo(561L);
		assertThat(entry.time()).isEqualTo(1795622272L);
		assertThat(entry.height()).isEqualTo(101L);
		assertThat(entry.descendantCount()).isEqualTo(1L);
		assertThat(entry.descendantSize()).isEqualTo(141L);
		assertThat(entry.ancestorCount()).isEqualTo(1L);
		assertThat(entry.ancestorSize()).isEqualTo(141L);
		assertThat(entry.wtxid()).isEqualTo("fba8f90032068f84163ee2e68a66f396d9e9ba4d264ee415f732094efad83bcd");
		assertThat(entry.chunkWeight()).isEqualTo(561L);
		BigDecimal fee = new BigDecimal("0.00002820");
		assertThat(entry.fees()).isEqualTo(new MempoolFees(fee, fee, fee, fee, fee));
		assertThat(entry.depends()).isEmpty();
		assertThat(entry.spentBy()).isEmpty();
		assertThat(entry.bip125Replaceable()).isTrue();
		assertThat(entry.unbroadcast()).isTrue();
	}

	@Test
	void mempoolEntryIsUnimplementedInBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getmempoolentry.json");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.getMempoolEntry(BTCD_TX))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(-1);
				assertThat(ex.rpcMessage()).isEqualTo("Command unimplemented");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void rawMempoolWithSequenceFromCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getrawmempool-sequence.json");
		MempoolSequence sequence = calls.getRawMempoolSequence();
		calls.assertSentAsRecorded();
		assertThat(sequence).isEqualTo(new MempoolSequence(List.of(CORE_TX), 2));

		FixtureCalls after = FixtureCalls.replaying("core/http-getrawmempool-after-invalidate.json");
		MempoolSequence afterInvalidate = after.getRawMempoolSequence();
		after.assertSentAsRecorded();
		assertThat(afterInvalidate.txids())
			.containsExactly("b243ec29316631f00ec5d583265677be154979281d07707a02be3aa2e6d5ceaa");
		assertThat(afterInvalidate.mempoolSequence()).isEqualTo(6L);
	}

}
