package org.bitcoinrpc.client.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bitcoinrpc.client.AddNodeCommand;
import org.bitcoinrpc.client.RpcErrorCode;
import org.bitcoinrpc.client.RpcErrorException;
import org.bitcoinrpc.client.RpcInvalidParameterException;
import org.bitcoinrpc.client.SetBanCommand;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Added nodes, bans, the address manager and network activity against the transcripts. */
class NetworkPeerControlFixtureTests {

	/**
	 * The address and subnet Core banned in the recordings, read from them: only the harness sees
	 * them (nothing here opens a connection), and the tests need no address literal of their own.
	 */
	private static final String BANNED = recordedSubnet("core/http-setban.json");

	private static final String BANNED_SUBNET = recordedSubnet("core/http-setban-subnet.json");

	private static String recordedSubnet(String fixture) {
		return Fixtures.fixture(fixture).get("request").get("params").get(0).asString();
	}

	private static final String PEER = "127.0.0.1:18999";

	@Test
	void addAndRemoveANodeOnCore() {
		FixtureCalls add = FixtureCalls.replaying("core/http-addnode.json");
		add.addNode(PEER, AddNodeCommand.ADD);
		add.assertSentAsRecorded();
		FixtureCalls remove = FixtureCalls.replaying("core/http-addnode-remove.json");
		remove.addNode(PEER, AddNodeCommand.REMOVE);
		remove.assertSentAsRecorded();
	}

	@Test
	void removingANodeThatWasNotAddedFailsOnCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-addnode-remove-unknown.json");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.addNode(PEER, AddNodeCommand.REMOVE))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.CLIENT_NODE_NOT_ADDED);
				assertThat(ex.rpcMessage()).isEqualTo("Error: Node could not be removed. It has not been added previously.");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void addAndTryANodeOnBtcd() {
		FixtureCalls add = FixtureCalls.replaying("btcd/http-addnode.json");
		add.addNode(PEER, AddNodeCommand.ADD);
		add.assertSentAsRecorded();
		FixtureCalls onetry = FixtureCalls.replaying("btcd/http-addnode-onetry.json");
		onetry.addNode("127.0.0.1:18997", AddNodeCommand.ONETRY);
		onetry.assertSentAsRecorded();
	}

	@Test
	void removingANodeThatNeverConnectedFailsOnBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-addnode-remove-not-connected.json");
		assertThatExceptionOfType(RpcInvalidParameterException.class)
			.isThrownBy(() -> calls.addNode(PEER, AddNodeCommand.REMOVE))
			.satisfies((ex) -> assertThat(ex.rpcMessage()).isEqualTo("peer not found"));
		calls.assertSentAsRecorded();
	}

	@Test
	void addedNodeInfoOnCoreListsPendingNodes() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getaddednodeinfo.json");
		List<AddedNodeInfo> added = calls.getAddedNodeInfo();
		calls.assertSentAsRecorded();
		assertThat(added).containsExactly(new AddedNodeInfo(PEER, false, List.of()));
	}

	@Test
	void addedNodeInfoWithoutAddressesReadsAsEmpty() {
		// Core's help says "addresses" is sent only when connected (31 sends [] anyway).
		AddedNodeInfo info = new org.bitcoinrpc.client.protocol.JsonRpcCodec().mapper()
			.readValue("{\"addednode\":\"127.0.0.1:18999\",\"connected\":false}", AddedNodeInfo.class);
		assertThat(info).isEqualTo(new AddedNodeInfo(PEER, false, List.of()));
		assertThat(info.addresses()).isEmpty();
	}

	@Test
	void addedNodeInfoOfANodeNotAddedFailsOnCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getaddednodeinfo-unknown.json");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.getAddedNodeInfo(PEER))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.CLIENT_NODE_NOT_ADDED);
				assertThat(ex.rpcMessage()).isEqualTo("Error: Node has not been added.");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void addedNodeInfoOnBtcdListsOnlyConnectedPeers() {
		FixtureCalls details = FixtureCalls.replaying("btcd/http-getaddednodeinfo.json");
		assertThat(details.getAddedNodeDetails()).isEmpty();
		details.assertSentAsRecorded();
		FixtureCalls addresses = FixtureCalls.replaying("btcd/http-getaddednodeinfo-no-dns.json");
		assertThat(addresses.getAddedNodeAddresses()).isEmpty();
		addresses.assertSentAsRecorded();
	}

	@Test
	void disconnectingAPeerThatIsNotConnectedFailsOnCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-disconnectnode-not-connected.json");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.disconnectNode(PEER))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.CLIENT_NODE_NOT_CONNECTED);
				assertThat(ex.rpcMessage()).isEqualTo("Node not found in connected nodes");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void disconnectingByNodeIdSendsAnEmptyAddress() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-disconnectnode-not-connected.json");
		assertThatExceptionOfType(RpcErrorException.class).isThrownBy(() -> calls.disconnectNode(7L));
		// No transcript has this form (there were no peers); Core reads the id only after an empty address.
		calls.assertSent("[\"\", 7]");
	}

	@Test
	void addrmanInfo() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getaddrmaninfo.json");
		Map<String, AddrmanCounts> info = calls.getAddrmanInfo();
		calls.assertSentAsRecorded();
		assertThat(info).hasSize(6)
			.containsEntry("ipv4", new AddrmanCounts(1, 1, 2))
			.containsEntry("ipv6", new AddrmanCounts(1, 0, 1))
			.containsEntry("onion", new AddrmanCounts(0, 0, 0))
			.containsEntry("all_networks", new AddrmanCounts(2, 1, 3));
	}

	@Test
	void addrmanInfoOfAFreshNode() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getaddrmaninfo-empty.json");
		Map<String, AddrmanCounts> info = calls.getAddrmanInfo();
		calls.assertSentAsRecorded();
		assertThat(info.keySet()).containsExactly("ipv4", "ipv6", "onion", "i2p", "cjdns", "all_networks");
		assertThat(info.values()).allSatisfy((counts) -> assertThat(counts).isEqualTo(new AddrmanCounts(0, 0, 0)));
	}

	@Test
	void nodeAddressesFromCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getnodeaddresses.json");
		List<NodeAddress> addresses = calls.getNodeAddresses(0);
		calls.assertSentAsRecorded();
		assertThat(addresses).containsExactly(new NodeAddress(1796411309L, 9, "5.6.7.8", 18444, "ipv4"),
				new NodeAddress(1796411309L, 9, "2a01:4f8:10a::7", 18444, "ipv6"),
				new NodeAddress(1796411309L, 9, "1.2.3.4", 18444, "ipv4"));
	}

	@Test
	void nodeAddressesOfOneNetworkFromCore() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-getnodeaddresses-ipv6.json");
		List<NodeAddress> addresses = calls.getNodeAddresses(0, "ipv6");
		calls.assertSentAsRecorded();
		assertThat(addresses).containsExactly(new NodeAddress(1796411309L, 9, "2a01:4f8:10a::7", 18444, "ipv6"));
	}

	@Test
	void nodeAddressesFromBtcd() {
		FixtureCalls calls = FixtureCalls.replaying("btcd/http-getnodeaddresses.json");
		assertThat(calls.getNodeAddresses()).isEmpty();
		calls.assertSentAsRecorded();
	}

	@Test
	void bans() {
		FixtureCalls ban = FixtureCalls.replaying("core/http-setban.json");
		ban.setBan(BANNED, Duration.ofHours(1));
		ban.assertSentAsRecorded();
		FixtureCalls subnet = FixtureCalls.replaying("core/http-setban-subnet.json");
		subnet.setBan(BANNED_SUBNET, SetBanCommand.ADD);
		subnet.assertSentAsRecorded();
		FixtureCalls remove = FixtureCalls.replaying("core/http-setban-remove.json");
		remove.setBan(BANNED, SetBanCommand.REMOVE);
		remove.assertSentAsRecorded();
	}

	@Test
	void banningABannedAddressFails() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-setban-already-banned.json");
		assertThatExceptionOfType(RpcErrorException.class)
			.isThrownBy(() -> calls.setBan(BANNED, SetBanCommand.ADD))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(RpcErrorCode.CLIENT_NODE_ALREADY_ADDED);
				assertThat(ex.rpcMessage()).isEqualTo("Error: IP/Subnet already banned");
			});
		calls.assertSentAsRecorded();
	}

	@Test
	void banUntilAnInstantSendsAbsoluteTime() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-setban.json");
		calls.setBanUntil(BANNED, Instant.ofEpochSecond(1796414874L));
		// No transcript of the absolute form: Core's documented params are [subnet, "add", bantime, absolute].
		calls.assertSent("[\"" + BANNED + "\", \"add\", 1796414874, true]");
	}

	@Test
	void listBanned() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-listbanned.json");
		List<BannedSubnet> banned = calls.listBanned();
		calls.assertSentAsRecorded();
		assertThat(banned).containsExactly(new BannedSubnet(BANNED + "/32", 1796411274L, 1796414874L, 3600, 3600),
				new BannedSubnet(BANNED_SUBNET, 1796411274L, 1796497674L, 86400, 86400));
	}

	@Test
	void clearBanned() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-clearbanned.json");
		calls.clearBanned();
		calls.assertSentAsRecorded();
	}

	@Test
	void networkActivityOffAndOn() {
		FixtureCalls off = FixtureCalls.replaying("core/http-setnetworkactive-false.json");
		assertThat(off.setNetworkActive(false)).isFalse();
		off.assertSentAsRecorded();
		FixtureCalls on = FixtureCalls.replaying("core/http-setnetworkactive-true.json");
		assertThat(on.setNetworkActive(true)).isTrue();
		on.assertSentAsRecorded();
	}

	@Test
	void argumentsAreChecked() {
		FixtureCalls calls = FixtureCalls.replaying("core/http-clearbanned.json");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.setBan(BANNED, Duration.ofMillis(10)))
			.withMessage("banTime must be at least 1 second, was PT0.01S");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.addNode(" ", AddNodeCommand.ADD))
			.withMessage("node must not be blank");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> calls.setBan(BANNED, (SetBanCommand) null))
			.withMessage("command must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> calls.getNodeAddresses(-1))
			.withMessage("count must not be negative, was -1");
		assertThat(calls.disconnectNodeAsync(-1L)).isCompletedExceptionally();
		calls.clearBanned();
		calls.assertSentAsRecorded();
	}

}
