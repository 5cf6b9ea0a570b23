package org.bitcoinrpc.spring.autoconfigure;

import javax.net.ssl.SSLException;

import org.bitcoinrpc.client.RpcAuthenticationException;
import org.bitcoinrpc.client.RpcEndpointException;
import org.bitcoinrpc.client.RpcHttpStatusException;
import org.bitcoinrpc.client.RpcProtocolException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link BitcoinRpcStartupException}: which node could not be reached and why, and
 * which property to fix: the credentials ({@code bitcoin.rpc.user} and {@code bitcoin.rpc.password},
 * or {@code bitcoin.rpc.cookie-file}) when they were refused, {@code bitcoin.rpc.url} when the
 * server there is not a node's RPC endpoint, {@code bitcoin.rpc.tls.certificates} when TLS failed,
 * and otherwise the node itself, or {@code bitcoin.rpc.fail-fast=false} to start anyway.
 * <p>
 * The description quotes the client's error, which names the URL without credentials and never
 * holds a secret.
 */
class BitcoinRpcStartupFailureAnalyzer extends AbstractFailureAnalyzer<BitcoinRpcStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BitcoinRpcStartupException cause) {
		Throwable why = (cause.getCause() != null) ? cause.getCause() : cause;
		String url = cause.getUrl();
		String reason = BitcoinRpcStartupException.describe(why);
		if (findCause(why, RpcAuthenticationException.class) != null) {
			return new FailureAnalysis("Could not log in to the Bitcoin node at " + url + " at start-up "
					+ "(bitcoin.rpc.fail-fast is true): " + reason,
					"Check bitcoin.rpc.user and bitcoin.rpc.password against the node's rpcuser and rpcpassword "
							+ "(or rpcauth), or set bitcoin.rpc.cookie-file to the node's .cookie file instead.",
					cause);
		}
		if (isEndpointError(why)) {
			return new FailureAnalysis("The server at " + url + " answered, but not as a Bitcoin node's RPC endpoint "
					+ "(bitcoin.rpc.fail-fast is true): " + reason,
					"Check bitcoin.rpc.url: ws:// or wss:// with the path /ws for btcd's websocket, http:// or https:// "
							+ "for HTTP POST (Bitcoin Core or btcd), and the node's RPC port.",
					cause);
		}
		if (findCause(why, SSLException.class) != null) {
			return new FailureAnalysis("TLS with the Bitcoin node at " + url + " failed at start-up "
					+ "(bitcoin.rpc.fail-fast is true): " + reason,
					"Set bitcoin.rpc.tls.certificates to the node's certificate (btcd's rpc.cert), or check that "
							+ "bitcoin.rpc.url uses TLS (wss:// or https://) only when the node does.",
					cause);
		}
		return new FailureAnalysis("The Bitcoin node at " + url + " could not be reached at start-up "
				+ "(bitcoin.rpc.fail-fast is true): " + reason,
				"Check that the node is running and accepts RPC connections at bitcoin.rpc.url (" + url
						+ "), or set bitcoin.rpc.fail-fast=false to start the application and connect in the background.",
				cause);
	}

	private boolean isEndpointError(Throwable why) {
		if (findCause(why, RpcEndpointException.class) != null || findCause(why, RpcProtocolException.class) != null) {
			return true;
		}
		RpcHttpStatusException status = findCause(why, RpcHttpStatusException.class);
		// 404 and 405: a path or server that is not the node's RPC; 5xx is the node's own trouble.
		return status != null && status.status() >= 400 && status.status() < 500;
	}

}
