package org.bitcoinrpc.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Core's {@code createwallet} and {@code loadwallet}.
 *
 * @param name the wallet's name, to use in {@code /wallet/<name>}
 * @param warnings warnings from creating or loading it; Core 31 leaves the member out when there
 * are none
 */
public record LoadedWallet(String name, @Nullable List<String> warnings) {
}
