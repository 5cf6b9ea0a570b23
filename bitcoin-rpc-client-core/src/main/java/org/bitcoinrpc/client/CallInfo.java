package org.bitcoinrpc.client;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link CallTracer} is told about a call when it is made. Holds no credentials: the URL is
 * the client's, which never carries any, and the call's parameters are left out (they may hold a
 * wallet passphrase or a private key).
 *
 * @param method the RPC method, as the caller gave it
 * @param transport websocket or HTTP POST
 * @param url the node's URL, without credentials
 * @param nodeKind btcd or Bitcoin Core, when the client has learned it on this connection
 * ({@link BitcoinRpcClient#nodeInfo()}), else {@code null}
 * @param wallet the Bitcoin Core wallet the call goes to, or {@code null} for the node itself
 * @param batched whether the call is part of an {@link RpcBatch}
 */
public record CallInfo(String method, TransportMode transport, URI url, NodeInfo.@Nullable Kind nodeKind,
		@Nullable String wallet, boolean batched) {

	public CallInfo {
		Objects.requireNonNull(method, "method must not be null");
		Objects.requireNonNull(transport, "transport must not be null");
		Objects.requireNonNull(url, "url must not be null");
	}

}
