package org.bitcoinrpc.client;

/**
 * How a call ended, a small fixed set for metrics tags.
 */
public enum CallOutcome {

	SUCCESS, RPC_ERROR, TIMEOUT, CONNECTION_ERROR, MAYBE_EXECUTED, PROTOCOL_ERROR, REJECTED, SHUTDOWN, OTHER_ERROR;

	/** The outcome a call's failure stands for. */
	public static CallOutcome of(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof RpcErrorException) {
			return RPC_ERROR;
		}
		if (cause instanceof RpcTimeoutException) {
			return TIMEOUT;
		}
		if (cause instanceof RpcMaybeExecutedException) {
			return MAYBE_EXECUTED;
		}
		if (cause instanceof RpcConnectionException || cause instanceof RpcHttpStatusException) {
			return CONNECTION_ERROR;
		}
		if (cause instanceof RpcProtocolException) {
			return PROTOCOL_ERROR;
		}
		if (cause instanceof RpcRequestRejectedException) {
			return REJECTED;
		}
		if (cause instanceof RpcShutdownException) {
			return SHUTDOWN;
		}
		return OTHER_ERROR;
	}

}
