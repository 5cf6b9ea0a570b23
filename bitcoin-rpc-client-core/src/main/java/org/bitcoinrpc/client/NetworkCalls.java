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
	default CompletableFuture<NetworkInfo> getNetworkInfoAsync() {
		return callAsync("getnetworkinfo", List.of(), NetworkInfo.class);
	}

	default NetworkInfo getNetworkInfo() {
		return RpcCalls.required(Futures.await(getNetworkInfoAsync()), "getnetworkinfo");
	}

	/** {@code getpeerinfo}: the connected peers ({@code []} when none). */
	default CompletableFuture<List<PeerInfo>> getPeerInfoAsync() {
		return callAsync("getpeerinfo", List.of(), new TypeReference<List<PeerInfo>>() {
		});
	}

	default List<PeerInfo> getPeerInfo() {
		return RpcCalls.required(Futures.await(getPeerInfoAsync()), "getpeerinfo");
	}

	/** {@code getconnectioncount}: the number of peers. */
	default CompletableFuture<Integer> getConnectionCountAsync() {
		return callAsync("getconnectioncount", List.of(), Integer.class);
	}

	default int getConnectionCount() {
		return RpcCalls.required(Futures.await(getConnectionCountAsync()), "getconnectioncount");
	}

	/**
	 * {@code uptime}. <strong>The nodes disagree on the meaning:</strong> Core returns the seconds
	 * the node has been running (e.g. {@code 131}), btcd 0.24 returns the Unix time, in seconds,
	 * at which the node <em>started</em> (e.g. {@code 1795622004}). Subtract a btcd value from the
	 * current time to get seconds running.
	 */
	default CompletableFuture<Long> uptimeAsync() {
		return callAsync("uptime", List.of(), Long.class);
	}

	default long uptime() {
		return RpcCalls.required(Futures.await(uptimeAsync()), "uptime");
	}

	/** {@code getinfo} (btcd only; Core removed it in 0.16 and answers -32601). */
	default CompletableFuture<BtcdInfo> getInfoAsync() {
		return callAsync("getinfo", List.of(), BtcdInfo.class);
	}

	default BtcdInfo getInfo() {
		return RpcCalls.required(Futures.await(getInfoAsync()), "getinfo");
	}

	/**
	 * {@code ping}: asks the node to ping every peer (the round trips appear later in
	 * {@link #getPeerInfo()}); the result is {@code null}. Also a cheap liveness check.
	 */
	default CompletableFuture<Void> pingAsync() {
		return callAsync("ping", List.of(), Void.class);
	}

	default void ping() {
		Futures.await(pingAsync());
	}

	/** {@code getnettotals}: P2P traffic counters. */
	default CompletableFuture<NetTotals> getNetTotalsAsync() {
		return callAsync("getnettotals", List.of(), NetTotals.class);
	}

	default NetTotals getNetTotals() {
		return RpcCalls.required(Futures.await(getNetTotalsAsync()), "getnettotals");
	}

	/** {@code getcurrentnet} (btcd only): the network's wire magic, e.g. {@code 303307798} on simnet. */
	default CompletableFuture<Long> getCurrentNetAsync() {
		return callAsync("getcurrentnet", List.of(), Long.class);
	}

	default long getCurrentNet() {
		return RpcCalls.required(Futures.await(getCurrentNetAsync()), "getcurrentnet");
	}

}
