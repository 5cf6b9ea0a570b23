package org.bitcoinrpc.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Core's {@code getdeploymentinfo}: the soft-fork deployments as of a block.
 *
 * @param hash the block the states are for
 * @param height that block's height
 * @param scriptFlags the script verification flags in force for the next block
 * ({@code script_flags}; sent by Core 31, not listed in Core 30's help text)
 * @param deployments each deployment by name ({@code bip34}, {@code segwit}, {@code taproot}, ...)
 */
public record DeploymentInfo(String hash, long height,
		@JsonProperty("script_flags") @Nullable List<String> scriptFlags, Map<String, Deployment> deployments) {
}
