package org.bitcoinrpc.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Core's {@code listwalletdir}: the wallets in the wallet directory, loaded or not.
 *
 * @param wallets the wallets, in the order Core found them (not sorted)
 */
public record WalletDirectory(List<Entry> wallets) {

	/**
	 * One wallet of the directory.
	 *
	 * @param name the wallet's name, as {@code loadwallet} takes it
	 * @param warnings problems found while looking at it; Core 31 always sends the array (empty)
	 */
	public record Entry(String name, @Nullable List<String> warnings) {
	}

}
