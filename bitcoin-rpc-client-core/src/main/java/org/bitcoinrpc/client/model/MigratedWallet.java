package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code migratewallet}: a legacy wallet turned into descriptor wallets. Not recorded (Core 31
 * cannot create the legacy wallet it would migrate); the members follow Core's help text.
 *
 * @param walletName the migrated wallet's name ({@code wallet_name})
 * @param watchonlyName the wallet made for its watch-only scripts, when there were any
 * ({@code watchonly_name})
 * @param solvablesName the wallet made for its solvable but not watched scripts, when there were any
 * ({@code solvables_name})
 * @param backupPath where the legacy wallet was backed up ({@code backup_path})
 */
public record MigratedWallet(@JsonProperty("wallet_name") String walletName,
		@JsonProperty("watchonly_name") @Nullable String watchonlyName,
		@JsonProperty("solvables_name") @Nullable String solvablesName, @JsonProperty("backup_path") String backupPath) {
}
