package org.bitcoinrpc.spring.autoconfigure;

/**
 * The Bitcoin node could not be reached, or refused the credentials, while the application
 * started with {@code bitcoin.rpc.fail-fast=true}. The cause is the client's error (such as an
 * {@link org.bitcoinrpc.client.RpcAuthenticationException}); {@link BitcoinRpcStartupFailureAnalyzer}
 * turns it into a description and the property to fix.
 * <p>
 * The message and {@link #getUrl()} name the node's URL without credentials, and never hold a
 * secret.
 */
public class BitcoinRpcStartupException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String url;

	/**
	 * An exception for a node that could not be reached at start-up.
	 * @param url the node's URL, without credentials
	 * @param cause why
	 */
	public BitcoinRpcStartupException(String url, Throwable cause) {
		super("Could not reach the Bitcoin node at " + url + " at start-up, and bitcoin.rpc.fail-fast is true: "
				+ describe(cause), cause);
		this.url = url;
	}

	/**
	 * The node's URL, without credentials.
	 * @return the URL
	 */
	public String getUrl() {
		return this.url;
	}

	static String describe(Throwable cause) {
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
