package org.bitcoinrpc.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.BtcdInfo;
import org.bitcoinrpc.client.model.NetTotals;
import org.bitcoinrpc.client.model.NetworkInfo;
import org.bitcoinrpc.client.model.PeerInfo;
import tools.jackson.core.type.TypeReference;

/**
 * Calls about the node and its peers. Some exist on one node only: {@code getnetworkinfo} is
 * Core's (btcd answers -1 "Command unimplemented"), {@code getinfo} and {@code getcurrentnet} are
 * btcd's.
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

}
