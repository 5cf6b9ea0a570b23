package org.bitcoinrpc.client.model;

import java.util.List;
import java.util.Map;

import org.bitcoinrpc.client.BtcdNodeCommand;
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcInvalidAddressOrKeyException;
import org.bitcoinrpc.client.RpcInvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** btcd's own methods against the btcd transcripts. */
class BtcdCallsFixtureTests {

	private static final String BLOCK = "6f91f556ae117d175bdfff0aed24cdff63eb49781de2e5110eb5272b2b5186e3";

	private static final String UNKNOWN = "00".repeat(32);

	@Test
	void debugLevelShowListsSubsystems() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-debuglevel-show.json");
		assertThat(calls.debugLevel("show")).isEqualTo(
				"Supported subsystems [ADXR AMGR BCDB BTCD CHAN CMGR DISC INDX MINR PEER RPCS SCRP SRVR SYNC TXMP]");
		calls.assertSentAsRecorded();
	}

	@Test
	void debugLevelSet() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-debuglevel.json");
		assertThat(calls.debugLevel("info")).isEqualTo("Done.");
		calls.assertSentAsRecorded();
	}

	@Test
	void debugLevelInvalid() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-debuglevel-invalid.json");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.debugLevel("bogus"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.INVALID_PARAMS);
				assertThat(ex.rpcMessage()).isEqualTo("The specified debug level [bogus] is invalid");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void compactFilter() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getcfilter.json");
		assertThat(calls.getCFilter(BLOCK)).contains("018ce040");
		calls.assertSentAsRecorded();
	}

	@Test
	void compactFilterOfAnUnknownBlockIsNoFilterNotAnEmptyOne() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getcfilter-unknown-block.json");
		assertThat(calls.getCFilter(UNKNOWN)).isEmpty();
		calls.assertSentAsRecorded();
	}

	@Test
	void compactFilterOfAnUnknownTypeFails() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getcfilter-unknown-type.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class).isThrownBy(() -> calls.getCFilter(BLOCK, 1))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Block not found"));
		calls.assertSentAsRecorded();
	}

	@Test
	void compactFilterHeader() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getcfilterheader.json");
		assertThat(calls.getCFilterHeader(BLOCK))
			.isEqualTo("b919bad9693c71fbcf4d131379c285383af5030ab6ebeb629860ff8834072e54");
		calls.assertSentAsRecorded();
	}

	@Test
	void compactFilterHeaderOfAnUnknownBlockFails() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getcfilterheader-unknown-block.json");
		assertThatExceptionOfType(RpcInvalidAddressOrKeyException.class)
			.isThrownBy(() -> calls.getCFilterHeader(UNKNOWN))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Block not found"));
		calls.assertSentAsRecorded();
	}

	@Test
	void headers() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getheaders.json");
		List<String> headers = calls.getHeaders(
				List.of("6d92bd92c868c7b9389c573e86ff648753bb9e905f9c8a91faf34791cc92f345"),
				"2a395c8b343ee5807517112d46f03fa84ac16d8b5e901fcf96c1f157bb959bbd");
		calls.assertSentAsRecorded();
		assertThat(headers).hasSize(5).allSatisfy((header) -> assertThat(header).hasSize(160));
		assertThat(headers.get(0)).isEqualTo("0700403045f392cc9147f3fa918a9c5f909ebb538764ff863e579c38b9c768c892bd926d0"
				+ "03439122721ff570a026ad87104580dfab31dc5bf068ac0170da2dc0c285733e50f136bffff7f2000000000");
		assertThat(headers.get(4)).endsWith("e60f136bffff7f2001000000");
	}

	@Test
	void headersWithABadLocatorAreRefusedBeforeSending() {
		// btcd/http-getheaders-bad-locator.json sends ["zz"] (answered -22): the typed call refuses
		// a locator that is not a hash, so that request cannot be made through it.
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getheaders-bad-locator.json");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.getHeaders(List.of("zz"), null))
			.withMessage("locator hash must be 64 hex characters, was 'zz'");
		// Its reply still surfaces as the -22 it is, for a call that gets through.
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.getHeaders(List.of(UNKNOWN), null))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.DESERIALIZATION_ERROR);
				assertThat(ex.rpcMessage()).isEqualTo("Argument must be hexadecimal string (not \"zz\")");
			});
		calls.assertSent("[[\"" + UNKNOWN + "\"], \"\"]");
	}

	@Test
	void cpuMiner() {
		FixtureCalls get = FixtureCalls.replaying("btcd/http-getgenerate.json");
		assertThat(get.getGenerate()).isFalse();
		get.assertSentAsRecorded();
		FixtureCalls set = FixtureCalls.replaying("btcd/http-setgenerate-false.json");
		set.setGenerate(false);
		set.assertSentAsRecorded();
		FixtureCalls rate = FixtureCalls.replaying("btcd/http-gethashespersec.json");
		assertThat(rate.getHashesPerSec()).isZero();
		rate.assertSentAsRecorded();
	}

	@Test
	void nodeConnect() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-node-connect.json");
		calls.nodeConnect("127.0.0.1:18998", false);
		calls.assertSentAsRecorded();
	}

	@Test
	void nodeDisconnectOfAnUnknownPeerFails() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-node-disconnect-not-found.json");
		assertThatExceptionOfType(RpcInvalidParameterException.class)
			.isThrownBy(() -> calls.node(BtcdNodeCommand.DISCONNECT, "127.0.0.1:18998"))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("peer not found"));
		calls.assertSentAsRecorded();
	}

	@Test
	void nodeRemoveOfSomethingNotAPeerFails() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-node-remove-invalid.json");
		assertThatExceptionOfType(RpcInvalidParameterException.class)
			.isThrownBy(() -> calls.node(BtcdNodeCommand.REMOVE, "notanaddress"))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("invalid address or node ID"));
		calls.assertSentAsRecorded();
	}

	@Test
	void apiVersion() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-version.json");
		Map<String, BtcdApiVersion> versions = calls.apiVersion();
		calls.assertSentAsRecorded();
		assertThat(versions).containsExactly(Map.entry("btcdjsonrpcapi", new BtcdApiVersion("1.3.0", 1, 3, 0, "", "")));
	}

	@Test
	void argumentsAreChecked() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-version.json");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.getCFilter(BLOCK, 256))
			.withMessage("filterType must be 0 to 255, was 256");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.setGenerate(true, -2))
			.withMessage("threads must be -1 or more, was -2");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.debugLevel(""))
			.withMessage("levelSpec must not be blank");
		assertThat(calls.nodeAsync(null, "x")).isCompletedExceptionally();
		calls.apiVersion();
		calls.assertSentAsRecorded();
	}

}
