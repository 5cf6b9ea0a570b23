package org.bitcoinrpc.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.AddedNodeInfo;
import org.bitcoinrpc.client.model.AddrmanCounts;
import org.bitcoinrpc.client.model.BannedSubnet;
import org.bitcoinrpc.client.model.BtcdInfo;
import org.bitcoinrpc.client.model.NodeAddress;
import org.bitcoinrpc.client.model.NetTotals;
import org.bitcoinrpc.client.model.NetworkInfo;
import org.bitcoinrpc.client.model.PeerInfo;
import tools.jackson.core.type.TypeReference;

/**
 * Calls about the node and its peers. Some exist on one node only: {@code getnetworkinfo} is
 * Core's (btcd answers -1 "Command unimplemented"), {@code getinfo} and {@code getcurrentnet} are
 * btcd's. btcd's {@code node} and its {@code getaddednodeinfo} forms are in {@link BtcdCalls}.
 */
public interface NetworkCalls extends RpcCalls {

	/** {@code getnetworkinfo} (Core only). */
	@RpcMethod("getnetworkinfo")
	default CompletableFuture<NetworkInfo> getNetworkInfoAsync() {
		return callAsync("getnetworkinfo", List.of(), NetworkInfo.class);
	}

	@RpcMethod("getnetworkinfo")
	default NetworkInfo getNetworkInfo() {
		return RpcCalls.required(Futures.await(getNetworkInfoAsync()), "getnetworkinfo");
	}

	/** {@code getpeerinfo}: the connected peers ({@code []} when none). */
	@RpcMethod("getpeerinfo")
	default CompletableFuture<List<PeerInfo>> getPeerInfoAsync() {
		return callAsync("getpeerinfo", List.of(), new TypeReference<List<PeerInfo>>() {
		});
	}

	@RpcMethod("getpeerinfo")
	default List<PeerInfo> getPeerInfo() {
		return RpcCalls.required(Futures.await(getPeerInfoAsync()), "getpeerinfo");
	}

	/** {@code getconnectioncount}: the number of peers. */
	@RpcMethod("getconnectioncount")
	default CompletableFuture<Integer> getConnectionCountAsync() {
		return callAsync("getconnectioncount", List.of(), Integer.class);
	}

	@RpcMethod("getconnectioncount")
	default int getConnectionCount() {
		return RpcCalls.required(Futures.await(getConnectionCountAsync()), "getconnectioncount");
	}

	/**
	 * {@code uptime}. <strong>The nodes disagree on the meaning:</strong> Core returns the seconds
	 * the node has been running (e.g. {@code 131}), btcd 0.24 returns the Unix time, in seconds,
	 * at which the node <em>started</em> (e.g. {@code 1795622004}). Subtract a btcd value from the
	 * current time to get seconds running.
	 */
	@RpcMethod("uptime")
	default CompletableFuture<Long> uptimeAsync() {
		return callAsync("uptime", List.of(), Long.class);
	}

	@RpcMethod("uptime")
	default long uptime() {
		return RpcCalls.required(Futures.await(uptimeAsync()), "uptime");
	}

	/** {@code getinfo} (btcd only; Core removed it in 0.16 and answers -32601). */
	@RpcMethod("getinfo")
	default CompletableFuture<BtcdInfo> getInfoAsync() {
		return callAsync("getinfo", List.of(), BtcdInfo.class);
	}

	@RpcMethod("getinfo")
	default BtcdInfo getInfo() {
		return RpcCalls.required(Futures.await(getInfoAsync()), "getinfo");
	}

	/**
	 * {@code ping}: asks the node to ping every peer (the round trips appear later in
	 * {@link #getPeerInfo()}); the result is {@code null}. Also a cheap liveness check.
	 */
	@RpcMethod("ping")
	default CompletableFuture<Void> pingAsync() {
		return callAsync("ping", List.of(), Void.class);
	}

	@RpcMethod("ping")
	default void ping() {
		Futures.await(pingAsync());
	}

	/** {@code getnettotals}: P2P traffic counters. */
	@RpcMethod("getnettotals")
	default CompletableFuture<NetTotals> getNetTotalsAsync() {
		return callAsync("getnettotals", List.of(), NetTotals.class);
	}

	@RpcMethod("getnettotals")
	default NetTotals getNetTotals() {
		return RpcCalls.required(Futures.await(getNetTotalsAsync()), "getnettotals");
	}

	/** {@code getcurrentnet} (btcd only): the network's wire magic, e.g. {@code 303307798} on simnet. */
	@RpcMethod("getcurrentnet")
	default CompletableFuture<Long> getCurrentNetAsync() {
		return callAsync("getcurrentnet", List.of(), Long.class);
	}

	@RpcMethod("getcurrentnet")
	default long getCurrentNet() {
		return RpcCalls.required(Futures.await(getCurrentNetAsync()), "getcurrentnet");
	}

	/**
	 * {@code addnode <node> <command>} (both nodes); the result is {@code null}. Adding does not
	 * wait for a connection. Removing a node that was not added fails: Core -24, btcd -8 "peer not
	 * found" (btcd also for an added node that never connected).
	 * @param node {@code host:port}
	 */
	@RpcMethod("addnode")
	default CompletableFuture<Void> addNodeAsync(String node, AddNodeCommand command) {
		return CallArguments.checked(() -> callAsync("addnode", List.of(CallArguments.checkNotBlank(node, "node"),
				CallArguments.checkNotNull(command, "command").wireName()), Void.class));
	}

	@RpcMethod("addnode")
	default void addNode(String node, AddNodeCommand command) {
		Futures.await(addNodeAsync(node, command));
	}

	/**
	 * {@code getaddednodeinfo} (Bitcoin Core only in this form: btcd requires its {@code dns}
	 * argument, see {@link BtcdCalls#getAddedNodeDetails()}): every added node, connected or not.
	 */
	@RpcMethod("getaddednodeinfo")
	default CompletableFuture<List<AddedNodeInfo>> getAddedNodeInfoAsync() {
		return callAsync("getaddednodeinfo", List.of(), new TypeReference<List<AddedNodeInfo>>() {
		});
	}

	@RpcMethod("getaddednodeinfo")
	default List<AddedNodeInfo> getAddedNodeInfo() {
		return RpcCalls.required(Futures.await(getAddedNodeInfoAsync()), "getaddednodeinfo");
	}

	/** {@code getaddednodeinfo <node>} (Bitcoin Core only): one added node; -24 if it was not added. */
	@RpcMethod("getaddednodeinfo")
	default CompletableFuture<List<AddedNodeInfo>> getAddedNodeInfoAsync(String node) {
		return CallArguments.checked(() -> callAsync("getaddednodeinfo",
				List.of(CallArguments.checkNotBlank(node, "node")), new TypeReference<List<AddedNodeInfo>>() {
				}));
	}

	@RpcMethod("getaddednodeinfo")
	default List<AddedNodeInfo> getAddedNodeInfo(String node) {
		return RpcCalls.required(Futures.await(getAddedNodeInfoAsync(node)), "getaddednodeinfo");
	}

	/**
	 * {@code disconnectnode <address>} (Bitcoin Core only); the result is {@code null}, -29 if no
	 * such peer is connected.
	 */
	@RpcMethod("disconnectnode")
	default CompletableFuture<Void> disconnectNodeAsync(String address) {
		return CallArguments.checked(() -> callAsync("disconnectnode",
				List.of(CallArguments.checkNotBlank(address, "address")), Void.class));
	}

	@RpcMethod("disconnectnode")
	default void disconnectNode(String address) {
		Futures.await(disconnectNodeAsync(address));
	}

	/** {@code disconnectnode "" <nodeId>} (Bitcoin Core only): disconnects a peer by its id from {@link #getPeerInfo()}. */
	@RpcMethod("disconnectnode")
	default CompletableFuture<Void> disconnectNodeAsync(long nodeId) {
		return CallArguments.checked(() -> {
			if (nodeId < 0) {
				throw new IllegalArgumentException("nodeId must not be negative, was " + nodeId);
			}
			// Core takes the id only with an empty address before it.
			return callAsync("disconnectnode", List.of("", nodeId), Void.class);
		});
	}

	@RpcMethod("disconnectnode")
	default void disconnectNode(long nodeId) {
		Futures.await(disconnectNodeAsync(nodeId));
	}

	/**
	 * {@code getaddrmaninfo} (Bitcoin Core only): the address manager's counts by network
	 * ({@code ipv4}, {@code ipv6}, {@code onion}, {@code i2p}, {@code cjdns}) and in total
	 * ({@code all_networks}).
	 */
	@RpcMethod("getaddrmaninfo")
	default CompletableFuture<Map<String, AddrmanCounts>> getAddrmanInfoAsync() {
		return callAsync("getaddrmaninfo", List.of(), new TypeReference<Map<String, AddrmanCounts>>() {
		});
	}

	@RpcMethod("getaddrmaninfo")
	default Map<String, AddrmanCounts> getAddrmanInfo() {
		return RpcCalls.required(Futures.await(getAddrmanInfoAsync()), "getaddrmaninfo");
	}

	/** {@code getnodeaddresses} (both nodes): one known address (both nodes' default count is 1). */
	@RpcMethod("getnodeaddresses")
	default CompletableFuture<List<NodeAddress>> getNodeAddressesAsync() {
		return callAsync("getnodeaddresses", List.of(), new TypeReference<List<NodeAddress>>() {
		});
	}

	@RpcMethod("getnodeaddresses")
	default List<NodeAddress> getNodeAddresses() {
		return RpcCalls.required(Futures.await(getNodeAddressesAsync()), "getnodeaddresses");
	}

	/** {@code getnodeaddresses <count>} (both nodes): up to {@code count} known addresses, {@code 0} for all (Core). */
	@RpcMethod("getnodeaddresses")
	default CompletableFuture<List<NodeAddress>> getNodeAddressesAsync(int count) {
		return CallArguments.checked(() -> callAsync("getnodeaddresses", List.of(checkCount(count)),
				new TypeReference<List<NodeAddress>>() {
				}));
	}

	@RpcMethod("getnodeaddresses")
	default List<NodeAddress> getNodeAddresses(int count) {
		return RpcCalls.required(Futures.await(getNodeAddressesAsync(count)), "getnodeaddresses");
	}

	/**
	 * {@code getnodeaddresses <count> <network>} (Bitcoin Core only): as
	 * {@link #getNodeAddresses(int)}, only of one network ({@code ipv4}, {@code ipv6}, {@code onion},
	 * {@code i2p}, {@code cjdns}).
	 */
	@RpcMethod("getnodeaddresses")
	default CompletableFuture<List<NodeAddress>> getNodeAddressesAsync(int count, String network) {
		return CallArguments.checked(() -> callAsync("getnodeaddresses",
				List.of(checkCount(count), CallArguments.checkNotBlank(network, "network")),
				new TypeReference<List<NodeAddress>>() {
				}));
	}

	@RpcMethod("getnodeaddresses")
	default List<NodeAddress> getNodeAddresses(int count, String network) {
		return RpcCalls.required(Futures.await(getNodeAddressesAsync(count, network)), "getnodeaddresses");
	}

	/** {@code listbanned} (Bitcoin Core only): the banned addresses and subnets. */
	@RpcMethod("listbanned")
	default CompletableFuture<List<BannedSubnet>> listBannedAsync() {
		return callAsync("listbanned", List.of(), new TypeReference<List<BannedSubnet>>() {
		});
	}

	@RpcMethod("listbanned")
	default List<BannedSubnet> listBanned() {
		return RpcCalls.required(Futures.await(listBannedAsync()), "listbanned");
	}

	/**
	 * {@code setban <subnet> <command>} (Bitcoin Core only): bans for the node's default time (24
	 * hours), or lifts a ban; the result is {@code null}. Banning a banned address fails with -23.
	 * @param subnet an IP address ({@code 127.0.0.1}) or a subnet ({@code 127.0.0.0/8})
	 */
	@RpcMethod("setban")
	default CompletableFuture<Void> setBanAsync(String subnet, SetBanCommand command) {
		return CallArguments.checked(() -> callAsync("setban", List.of(CallArguments.checkNotBlank(subnet, "subnet"),
				CallArguments.checkNotNull(command, "command").wireName()), Void.class));
	}

	@RpcMethod("setban")
	default void setBan(String subnet, SetBanCommand command) {
		Futures.await(setBanAsync(subnet, command));
	}

	/** {@code setban <subnet> add <seconds>} (Bitcoin Core only): bans for {@code banTime} (whole seconds, at least one). */
	@RpcMethod("setban")
	default CompletableFuture<Void> setBanAsync(String subnet, Duration banTime) {
		return CallArguments.checked(() -> {
			CallArguments.checkNotNull(banTime, "banTime");
			if (banTime.getSeconds() < 1) {
				throw new IllegalArgumentException("banTime must be at least 1 second, was " + banTime);
			}
			return callAsync("setban", List.of(CallArguments.checkNotBlank(subnet, "subnet"), "add",
					banTime.getSeconds()), Void.class);
		});
	}

	@RpcMethod("setban")
	default void setBan(String subnet, Duration banTime) {
		Futures.await(setBanAsync(subnet, banTime));
	}

	/** {@code setban <subnet> add <until> true} (Bitcoin Core only): bans until an instant (whole seconds). */
	@RpcMethod("setban")
	default CompletableFuture<Void> setBanUntilAsync(String subnet, Instant until) {
		return CallArguments.checked(() -> {
			CallArguments.checkNotNull(until, "until");
			if (until.getEpochSecond() < 1) {
				throw new IllegalArgumentException("until must be after the epoch, was " + until);
			}
			return callAsync("setban", List.of(CallArguments.checkNotBlank(subnet, "subnet"), "add",
					until.getEpochSecond(), true), Void.class);
		});
	}

	@RpcMethod("setban")
	default void setBanUntil(String subnet, Instant until) {
		Futures.await(setBanUntilAsync(subnet, until));
	}

	/** {@code clearbanned} (Bitcoin Core only): lifts every ban; the result is {@code null}. */
	@RpcMethod("clearbanned")
	default CompletableFuture<Void> clearBannedAsync() {
		return callAsync("clearbanned", List.of(), Void.class);
	}

	@RpcMethod("clearbanned")
	default void clearBanned() {
		Futures.await(clearBannedAsync());
	}

	/**
	 * {@code setnetworkactive <active>} (Bitcoin Core only): turns all P2P networking off or on.
	 * @return the new state, as the node reports it
	 */
	@RpcMethod("setnetworkactive")
	default CompletableFuture<Boolean> setNetworkActiveAsync(boolean active) {
		return callAsync("setnetworkactive", List.of(active), Boolean.class);
	}

	@RpcMethod("setnetworkactive")
	default boolean setNetworkActive(boolean active) {
		return RpcCalls.required(Futures.await(setNetworkActiveAsync(active)), "setnetworkactive");
	}

	private static int checkCount(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative, was " + count);
		}
		return count;
	}

}
