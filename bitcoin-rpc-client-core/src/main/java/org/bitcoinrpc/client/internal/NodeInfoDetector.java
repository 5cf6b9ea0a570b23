package org.bitcoinrpc.client.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcoinrpc.client.NodeInfo;
import org.bitcoinrpc.client.RpcCalls;
import org.bitcoinrpc.client.RpcErrorException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Learns whether the node is btcd or Bitcoin Core: {@code getnetworkinfo} answers on Core
 * ({@code subversion} "/Satoshi:x.y.z/"), while btcd answers it with -1 "Command unimplemented"
 * and is identified by {@code getinfo}. The answer is cached until {@link #forget()} (called when
 * a connection is lost: the node may have been upgraded). Thread-safe.
 */
public final class NodeInfoDetector {

	private final RpcCalls calls;

	/** The detection in progress or done; replaced atomically. */
	private final AtomicReference<@Nullable CompletableFuture<NodeInfo>> detected = new AtomicReference<>();

	public NodeInfoDetector(RpcCalls calls) {
		this.calls = calls;
	}

	public CompletableFuture<NodeInfo> nodeInfo() {
		CompletableFuture<NodeInfo> current = this.detected.get();
		if (current != null && !current.isCompletedExceptionally()) {
			return current;
		}
		CompletableFuture<NodeInfo> started = detect();
		return this.detected.compareAndSet(current, started) ? started : nodeInfo();
	}

	/** What was learned on this connection, or {@code null} when nothing is yet (never starts a detection). */
	public @Nullable NodeInfo known() {
		CompletableFuture<NodeInfo> current = this.detected.get();
		return (current != null && current.isDone() && !current.isCompletedExceptionally()) ? current.getNow(null) : null;
	}

	public void forget() {
		this.detected.set(null);
	}

	private CompletableFuture<NodeInfo> detect() {
		return this.calls.callAsync("getnetworkinfo", List.of(), JsonNode.class).handle((info, failure) -> {
			if (failure == null) {
				return CompletableFuture.completedFuture(core(info));
			}
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
			if (cause instanceof RpcErrorException) {
				return this.calls.callAsync("getinfo", List.of(), JsonNode.class).thenApply(NodeInfoDetector::btcd);
			}
			return CompletableFuture.<NodeInfo>failedFuture(cause);
		}).thenCompose((future) -> future);
	}

	private static NodeInfo core(JsonNode info) {
		long number = info.path("version").asLong();
		String userAgent = info.path("subversion").asString("");
		return new NodeInfo(NodeInfo.Kind.BITCOIN_CORE, dotted(number / 10_000, number / 100 % 100, number % 100), number,
				userAgent);
	}

	/** btcd encodes its version as 1,000,000 x major + 10,000 x minor + 100 x patch (240200 is 0.24.2). */
	private static NodeInfo btcd(JsonNode info) {
		long number = info.path("version").asLong();
		return new NodeInfo(NodeInfo.Kind.BTCD, dotted(number / 1_000_000, number / 10_000 % 100, number / 100 % 100),
				number, null);
	}

	private static String dotted(long major, long minor, long patch) {
		return major + "." + minor + "." + patch;
	}

}
