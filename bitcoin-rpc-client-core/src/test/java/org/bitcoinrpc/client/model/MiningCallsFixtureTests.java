package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import org.bitcoinrpc.client.RpcErrorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The mining and fee calls against the btcd and Core transcripts. */
class MiningCallsFixtureTests {

	@Test
	void miningInfoFromBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getmininginfo.json");
		MiningInfo info = calls.getMiningInfo();
		calls.assertSentAsRecorded();
		assertThat(info.blocks()).isEqualTo(121L);
		assertThat(info.currentBlockSize()).isEqualTo(415L);
		assertThat(info.currentBlockWeight()).isEqualTo(1660L);
		assertThat(info.currentBlockTx()).isEqualTo(2L);
		assertThat(info.difficulty()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(info.errors()).isEmpty();
		assertThat(info.generate()).isFalse();
		assertThat(info.genProcLimit()).isEqualTo(2);
		assertThat(info.hashesPerSec()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(info.networkHashPs()).isEqualTo(new BigDecimal("11.428571428571429"));
		assertThat(info.pooledTx()).isZero();
		assertThat(info.testnet()).isFalse();
		assertThat(info.bits()).isNull();
		assertThat(info.next()).isNull();
		assertThat(info.warnings()).isNull();
		assertThat(info.chain()).isNull();
	}

	@Test
	void miningInfoFromCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getmininginfo.json");
		MiningInfo info = calls.getMiningInfo();
		calls.assertSentAsRecorded();
		assertThat(info.blocks()).isEqualTo(102L);
		assertThat(info.currentBlockSize()).isNull();
		assertThat(info.currentBlockWeight()).isEqualTo(8561L);
		assertThat(info.currentBlockTx()).isEqualTo(1L);
		assertThat(info.bits()).isEqualTo("207fffff");
		assertThat(info.difficulty()).isEqualTo(new BigDecimal("4.656542373906925e-10"));
		assertThat(info.target()).isEqualTo("7fffff0000000000000000000000000000000000000000000000000000000000");
		assertThat(info.networkHashPs()).isEqualTo(new BigDecimal("4.088719644400846e-07"));
		assertThat(info.pooledTx()).isZero();
		assertThat(info.blockMinTxFee()).isEqualTo(new BigDecimal("0.00000001"));
		assertThat(info.chain()).isEqualTo("regtest");
		assertThat(info.next()).isEqualTo(new NextBlockInfo(103, "207fffff", new BigDecimal("4.656542373906925e-10"),
				"7fffff0000000000000000000000000000000000000000000000000000000000"));
		assertThat(info.warnings()).isEmpty();
		assertThat(info.errors()).isNull();
		assertThat(info.generate()).isNull();
	}

	@Test
	void generateOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-generate.json");
		List<String> hashes = calls.generate(2);
		calls.assertSentAsRecorded();
		assertThat(hashes).containsExactly("46e0b4c3fa0cd5804a5fea734acedb5f92ce4a4114f88027a7e8a6cc51d9381d",
				"57faffd451ddd4f10f4c2d73751a1e4c3ead15326a7314ec57c5a18d7bf3accf");
	}

	@Test
	void generateToAddressOnCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-generatetoaddress.json");
		List<String> hashes = calls.generateToAddress(2, "bcrt1qsr5fdlsm3uras00sj0qzmnterv5p2hlvsdk8vj");
		calls.assertSentAsRecorded();
		assertThat(hashes).containsExactly("4bd55c410f64e38855415cca3806e153207bdd8226d7a64cf1e2963ac3e0b023",
				"022f4e6d09c78deabe4f660cc457687bdc0e2b2b1b8736523303b06a32981308");
	}

	@Test
	void smartFeeWithoutDataOnCore() {
		for (String name : List.of("core/http-estimatesmartfee.json", "core/http-estimatesmartfee-v1.json")) {
			FixtureCalls calls = FixtureCalls.replaying(name);
			SmartFeeEstimate estimate = calls.estimateSmartFee(6);
			calls.assertSentAsRecorded();
			assertThat(estimate).isEqualTo(new SmartFeeEstimate(null, List.of("Insufficient data or no feerate found"), 0));
		}
	}

	@Test
	void smartFeeDoesNotExistOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-estimatesmartfee.json");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.estimateSmartFee(6))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(-32601));
		calls.assertSentAsRecorded();
	}

	@Test
	void estimateFeeOnBtcdKeepsEveryDigit() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-estimatefee.json");
		assertThat(calls.estimateFee(6)).isEqualTo(new BigDecimal("0.0004424778761061947"));
		calls.assertSentAsRecorded();
	}

}
