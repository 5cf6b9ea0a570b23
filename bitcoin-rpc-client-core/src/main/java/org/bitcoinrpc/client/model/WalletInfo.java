package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code getwalletinfo} (call it on the wallet's client).
 *
 * @param walletName the wallet's name
 * @param walletVersion the wallet format version
 * @param format {@code sqlite} (descriptor wallets) or {@code bdb}
 * @param txCount the number of wallet transactions
 * @param keypoolSize pre-generated external keys
 * @param keypoolSizeHdInternal pre-generated change keys
 * @param unlockedUntil when the wallet locks again, Unix seconds; only for encrypted wallets (0 = locked)
 * @param privateKeysEnabled whether the wallet holds private keys
 * @param avoidReuse whether it avoids reusing addresses
 * @param scanning whether a rescan is running, and how far it got
 * @param descriptors whether it is a descriptor wallet
 * @param externalSigner whether it uses an external signer
 * @param blank whether it was created blank
 * @param birthTime the oldest key's creation time, Unix seconds, when known
 * @param flags the wallet flags by name
 * @param lastProcessedBlock the last block the wallet has seen
 */
public record WalletInfo(@JsonProperty("walletname") String walletName,
		@JsonProperty("walletversion") long walletVersion, @Nullable String format,
		@JsonProperty("txcount") long txCount, @JsonProperty("keypoolsize") long keypoolSize,
		@JsonProperty("keypoolsize_hd_internal") @Nullable Long keypoolSizeHdInternal,
		@JsonProperty("unlocked_until") @Nullable Long unlockedUntil,
		@JsonProperty("private_keys_enabled") boolean privateKeysEnabled,
		@JsonProperty("avoid_reuse") @Nullable Boolean avoidReuse, @Nullable WalletScan scanning,
		@Nullable Boolean descriptors, @JsonProperty("external_signer") @Nullable Boolean externalSigner,
		@Nullable Boolean blank, @JsonProperty("birthtime") @Nullable Long birthTime, @Nullable List<String> flags,
		@JsonProperty("lastprocessedblock") @Nullable BlockRef lastProcessedBlock) {
}
