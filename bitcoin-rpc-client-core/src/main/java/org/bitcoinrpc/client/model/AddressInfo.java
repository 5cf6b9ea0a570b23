package org.bitcoinrpc.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code getaddressinfo}: what the wallet knows about an address. Works for any valid
 * address, the wallet's or not (a foreign one has {@code ismine} and {@code solvable} false and
 * none of the key members). As recorded from Core 31: taproot addresses have no {@code pubkey} and
 * report {@code isscript: true}; descriptor wallets report {@code hdseedid} as forty zeros.
 *
 * @param address the address, as Core encodes it
 * @param scriptPubKey the output script, hex
 * @param isMine whether the wallet can spend it; absent only inside {@link #embedded()}
 * @param isWatchOnly whether the wallet watches it without its keys; absent only inside {@link #embedded()}
 * @param solvable whether the wallet knows how to spend it (ignoring the private keys)
 * @param desc the output's descriptor, with the key origin; only when solvable
 * @param parentDesc the wallet descriptor it was derived from; only for the wallet's own addresses
 * @param isScript whether it is a script address (P2SH, P2WSH and, in Core 31, P2TR)
 * @param isChange whether it is a change address of the wallet
 * @param isWitness whether it is a segwit address
 * @param witnessVersion the segwit version (0, 1 for taproot); only for segwit addresses
 * @param witnessProgram the witness program, hex; only for segwit addresses
 * @param script the script type ({@code multisig}, {@code witness_v0_keyhash}, ...); only for
 * known P2SH/P2WSH scripts
 * @param hex the redeem script, hex; only for known P2SH/P2WSH scripts
 * @param pubkeys the keys of a known multisig script
 * @param sigsRequired the signatures a known multisig script requires
 * @param pubkey the public key, hex; only for the wallet's single-key, non-taproot addresses
 * @param embedded the address inside a P2SH-wrapped segwit address, with the same members less
 * the wallet's relation and key metadata
 * @param isCompressed whether the public key is compressed; only with {@code pubkey}
 * @param timestamp the key's creation time, Unix seconds; only for the wallet's own addresses
 * @param hdKeyPath the key's BIP 32 path, e.g. {@code m/84h/1h/0h/0/0}; only for HD keys
 * @param hdSeedId the HD seed's Hash160; forty zeros on descriptor wallets
 * @param hdMasterFingerprint the master key's fingerprint, 8 hex characters; only for HD keys
 * @param labels the address's labels (Core sets at most one); empty for foreign addresses
 */
public record AddressInfo(String address, @JsonProperty("scriptPubKey") String scriptPubKey,
		@JsonProperty("ismine") @Nullable Boolean isMine, @JsonProperty("iswatchonly") @Nullable Boolean isWatchOnly,
		@Nullable Boolean solvable, @Nullable String desc, @JsonProperty("parent_desc") @Nullable String parentDesc,
		@JsonProperty("isscript") @Nullable Boolean isScript, @JsonProperty("ischange") @Nullable Boolean isChange,
		@JsonProperty("iswitness") boolean isWitness,
		@JsonProperty("witness_version") @Nullable Integer witnessVersion,
		@JsonProperty("witness_program") @Nullable String witnessProgram, @Nullable String script,
		@Nullable String hex, @Nullable List<String> pubkeys,
		@JsonProperty("sigsrequired") @Nullable Integer sigsRequired, @Nullable String pubkey,
		@Nullable AddressInfo embedded, @JsonProperty("iscompressed") @Nullable Boolean isCompressed,
		@Nullable Long timestamp, @JsonProperty("hdkeypath") @Nullable String hdKeyPath,
		@JsonProperty("hdseedid") @Nullable String hdSeedId,
		@JsonProperty("hdmasterfingerprint") @Nullable String hdMasterFingerprint, @Nullable List<String> labels) {
}
