package org.bitcoinrpc.client.model;

import org.jspecify.annotations.Nullable;

/**
 * How {@code descriptorprocesspsbt} signs (Core). A {@code null} component is sent as JSON
 * {@code null} (Core's default) or left out at the end.
 *
 * @param sighashType the signature hash type, e.g. {@code "ALL"}; default {@code "DEFAULT"}
 * (ALL, or SIGHASH_DEFAULT for taproot)
 * @param bip32Derivations whether key origins are included; default true
 * @param finalizeInputs whether complete inputs are finalized ({@code finalize}); default true
 */
public record PsbtSigningOptions(@Nullable String sighashType, @Nullable Boolean bip32Derivations,
		@Nullable Boolean finalizeInputs) {

	/** No options: Core's defaults. */
	public static final PsbtSigningOptions DEFAULTS = new PsbtSigningOptions(null, null, null);

}
