package org.bitcoinrpc.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The {@code status} of a running {@code scantxoutset} or {@code scanblocks} in Core. Typed from
 * Core's help text: the recordings only show {@code null}, as no scan was running.
 *
 * @param progress the share done, percent
 * @param currentHeight the height being scanned ({@code current_height}; {@code scanblocks} only)
 */
public record ScanProgress(BigDecimal progress, @JsonProperty("current_height") @Nullable Long currentHeight) {
}
