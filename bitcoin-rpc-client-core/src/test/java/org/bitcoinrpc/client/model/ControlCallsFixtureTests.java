package org.bitcoinrpc.client.model;

import java.util.List;
import java.util.Map;

import org.bitcoinrpc.client.RpcInvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The control and zmq calls (and the hidden invalidateblock/reconsiderblock) against the transcripts. */
class ControlCallsFixtureTests {

	private static final String CORE_TIP = "3d7fcbd8d999e5b4a1cf4e69d04241871a5adfca3e5bd1b23a2196ba1307ca43";

	private static final String BTCD_TIP = "6f91f556ae117d175bdfff0aed24cdff63eb49781de2e5110eb5272b2b5186e3";

	@Test
	void helpFromCoreIsGroupedByCategory() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-help.json");
		String help = calls.help();
		calls.assertSentAsRecorded();
		assertThat(help).startsWith("== Blockchain ==\ndumptxoutset \"path\"")
			.contains("\ngetbestblockhash\n")
			.endsWith("== Zmq ==\ngetzmqnotifications");
	}

	@Test
	void helpOfOneCommandFromCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-help-scantxoutset.json");
		String help = calls.help("scantxoutset");
		calls.assertSentAsRecorded();
		assertThat(help).startsWith("scantxoutset \"action\" ( [scanobjects,...] )\n\nScans the unspent")
			.endsWith("http://127.0.0.1:8332/\n");
	}

	@Test
	void helpFromBtcdIsOneSortedList() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-help.json");
		String help = calls.help();
		calls.assertSentAsRecorded();
		assertThat(help).startsWith("addnode \"addr\" \"add|remove|onetry\"\n").doesNotContain("==").endsWith("\nversion");
	}

	@Test
	void helpOfOneCommandFromBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-help-getblockcount.json");
		assertThat(calls.help("getblockcount")).isEqualTo("getblockcount\n\nReturns the number of blocks in the "
				+ "longest block chain.\n\nArguments:\nNone\n\nResult:\nn (numeric) The current block count\n");
		calls.assertSentAsRecorded();
	}

	@Test
	void helpOfAnUnknownCommandFailsOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-help-unknown-command.json");
		assertThatExceptionOfType(RpcInvalidParameterException.class).isThrownBy(() -> calls.help("nosuchcommand"))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("Unknown command: nosuchcommand"));
		calls.assertSentAsRecorded();
	}

	@Test
	void stopAnswersInEachNodesOwnWords() {
		FixtureCalls core = FixtureCalls.replaying("core/http-stop.json");
		assertThat(core.stopNode()).isEqualTo("Bitcoin Core stopping");
		core.assertSentAsRecorded();
		FixtureCalls btcd = FixtureCalls.replaying("btcd/http-stop.json");
		assertThat(btcd.stopNode()).isEqualTo("btcd stopping.");
		btcd.assertSentAsRecorded();
	}

	@Test
	void memoryInfo() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getmemoryinfo.json");
		MemoryInfo info = calls.getMemoryInfo();
		calls.assertSentAsRecorded();
		assertThat(info.locked()).isEqualTo(new MemoryInfo.LockedPool(352, 261792, 262144, 262144, 1, 1));
	}

	@Test
	void mallocInfoIsXmlText() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getmemoryinfo-mallocinfo.json");
		String xml = calls.getMallocInfo();
		calls.assertSentAsRecorded();
		assertThat(xml).startsWith("<malloc version=\"1\">\n<heap nr=\"0\">\n<sizes>\n")
			.contains("<aspace type=\"mprotect\" size=\"6881280\"/>")
			.endsWith("</malloc>\n");
	}

	@Test
	void rpcInfo() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getrpcinfo.json");
		RpcInfo info = calls.getRpcInfo();
		calls.assertSentAsRecorded();
		assertThat(info.activeCommands()).containsExactly(new RpcInfo.ActiveCommand("getrpcinfo", 19));
		assertThat(info.logPath()).isEqualTo("/home/bitcoin/.bitcoin/regtest/debug.log");
	}

	@Test
	void loggingCategories() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-logging.json");
		Map<String, Boolean> categories = calls.logging();
		calls.assertSentAsRecorded();
		assertThat(categories).hasSize(30).containsEntry("net", false).containsEntry("zmq", false)
			.containsEntry("addrman", false)
			.doesNotContainValue(true);
	}

	@Test
	void loggingTurnsACategoryOn() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-logging-include.json");
		Map<String, Boolean> categories = calls.logging(List.of("net"), List.of());
		calls.assertSentAsRecorded();
		assertThat(categories).hasSize(30).containsEntry("net", true).containsEntry("mempool", false);
		assertThat(categories.values().stream().filter(Boolean::booleanValue)).hasSize(1);
	}

	@Test
	void zmqNotifications() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getzmqnotifications.json");
		List<ZmqNotification> notifications = calls.getZmqNotifications();
		calls.assertSentAsRecorded();
		assertThat(notifications).hasSize(5)
			.first()
			.isEqualTo(new ZmqNotification("pubhashblock", "tcp://127.0.0.1:28332", 1000));
		assertThat(notifications).extracting(ZmqNotification::type)
			.containsExactly("pubhashblock", "pubhashtx", "pubrawblock", "pubrawtx", "pubsequence");
		assertThat(notifications.get(4).address()).isEqualTo("tcp://127.0.0.1:28334");
	}

	@Test
	void invalidateAndReconsiderOnCore() {
		FixtureCalls invalidate = FixtureCalls.replaying("core/http-invalidateblock.json");
		invalidate.invalidateBlock(CORE_TIP);
		invalidate.assertSentAsRecorded();
		FixtureCalls reconsider = FixtureCalls.replaying("core/http-reconsiderblock.json");
		reconsider.reconsiderBlock(CORE_TIP);
		reconsider.assertSentAsRecorded();
	}

	@Test
	void invalidateAndReconsiderOnBtcd() {
		FixtureCalls invalidate = FixtureCalls.replaying("btcd/http-invalidateblock-tip.json");
		invalidate.invalidateBlock(BTCD_TIP);
		invalidate.assertSentAsRecorded();
		FixtureCalls reconsider = FixtureCalls.replaying("btcd/http-reconsiderblock.json");
		reconsider.reconsiderBlock(BTCD_TIP);
		reconsider.assertSentAsRecorded();
	}

	@Test
	void invalidatingAnUnknownBlockFailsOnBtcdWithAMisleadingCode() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-invalidateblock.json");
		assertThatExceptionOfType(org.bitcoinrpc.client.RpcErrorException.class)
			.isThrownBy(() -> calls.invalidateBlock("00".repeat(32)))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(org.bitcoinrpc.client.RpcErrorCode.INVALID_REQUEST);
				assertThat(ex.rpcMessage()).isEqualTo("Invalid request: malformed");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void badArgumentsFailTheFutureWithoutSending() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-help.json");
		assertThat(calls.invalidateBlockAsync("xyz")).failsWithin(java.time.Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("blockHash must be 64 hex characters, was 'xyz'");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.help(" ")).withMessage("command must not be blank");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> calls.logging(null, List.of()))
			.withMessage("include must not be null");
		// The recorded call is then the only one sent: the refused ones sent nothing.
		calls.help();
		calls.assertSentAsRecorded();
	}

}
