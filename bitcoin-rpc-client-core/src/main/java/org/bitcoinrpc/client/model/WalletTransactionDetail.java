package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code details} of Core's {@code gettransaction}.
 *
 * @param address the address involved, if any
 * @param category {@code send}, {@code receive}, {@code generate}, {@code immature} or {@code orphan}
 * @param amount the amount, BTC; negative for {@code send}
 * @param label the address's label
 * @param vout the output index
 * @param fee the fee, BTC, negative; only for {@code send}
 * @param abandoned whether the transaction was abandoned; only for {@code send}
 * @param parentDescs the wallet descriptors the output belongs to; only for received outputs
 */
public record WalletTransactionDetail(@Nullable String address, String category, BigDecimal amount,
		@Nullable String label, int vout, @Nullable BigDecimal fee, @Nullable Boolean abandoned,
		@JsonProperty("parent_descs") @Nullable List<String> parentDescs) {
}
