package org.bitcoinrpc.client;

/**
 * The {@code jsonrpc} version written in requests.
 */
public enum JsonRpcVersion {

	/**
	 * {@code "1.0"}: the default, understood by btcd and every Bitcoin Core. Core answers errors
	 * with HTTP 404/500 and a JSON body; the client maps both.
	 */
	V1_0("1.0"),

	/**
	 * {@code "2.0"}: Bitcoin Core 28 and later answer with HTTP 200 and only {@code result} or only
	 * {@code error}. btcd accepts it too but still sends both members.
	 */
	V2_0("2.0");

	private final String text;

	JsonRpcVersion(String text) {
		this.text = text;
	}

	/** The value of the {@code jsonrpc} member. */
	public String text() {
		return this.text;
	}

}
