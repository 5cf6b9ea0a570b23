package org.bitcoinrpc.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bitcoinrpc.client.internal.Futures;
import org.bitcoinrpc.client.model.ZmqNotification;
import tools.jackson.core.type.TypeReference;

/** Bitcoin Core's "Zmq" group (Bitcoin Core only; btcd has no ZMQ and answers -32601). */
public interface ZmqCalls extends RpcCalls {

	/**
	 * {@code getzmqnotifications}: the ZMQ endpoints the node publishes on, one per
	 * {@code -zmqpub<topic>} option ({@code []} when none). The {@code zmq} package subscribes to them.
	 */
	@RpcMethod("getzmqnotifications")
	default CompletableFuture<List<ZmqNotification>> getZmqNotificationsAsync() {
		return callAsync("getzmqnotifications", List.of(), new TypeReference<List<ZmqNotification>>() {
		});
	}

	@RpcMethod("getzmqnotifications")
	default List<ZmqNotification> getZmqNotifications() {
		return RpcCalls.required(Futures.await(getZmqNotificationsAsync()), "getzmqnotifications");
	}

}
