package org.bitcoinrpc.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Core's {@code unloadwallet}.
 *
 * @param warnings warnings from unloading; Core 31 leaves the member out (replies {@code {}}) when
 * there are none
 */
public record UnloadedWallet(@Nullable List<String> warnings) {
}
