package org.bitcoinrpc.client;

/**
 * The node answered a POST with an unexpected HTTP status and no JSON-RPC error in the body,
 * for example Bitcoin Core's {@code 503 Work queue depth exceeded}.
 */
public class RpcHttpStatusException extends BitcoinRpcException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String body;

	public RpcHttpStatusException(String message, int status, String body) {
		super(message);
		this.status = status;
		this.body = body;
	}

	/** The HTTP status code. */
	public int status() {
		return this.status;
	}

	/** The response body as text (UTF-8), possibly shortened for very large bodies. */
	public String body() {
		return this.body;
	}

}
