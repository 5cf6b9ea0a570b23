package org.bitcoinrpc.client.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The options of Core's {@code importmempool}. Immutable; a member left {@code null} is not sent
 * and Core's default applies.
 *
 * @param useCurrentTime whether to stamp the imported transactions with the current time instead
 * of the file's ({@code use_current_time}; Core's default {@code true})
 * @param applyFeeDelta whether to apply the file's {@code prioritisetransaction} fee deltas
 * ({@code apply_fee_delta_priority}; Core's default {@code false})
 * @param applyUnbroadcastSet whether to apply the file's unbroadcast set
 * ({@code apply_unbroadcast_set}; Core's default {@code false})
 */
public record ImportMempoolOptions(@Nullable Boolean useCurrentTime, @Nullable Boolean applyFeeDelta,
		@Nullable Boolean applyUnbroadcastSet) {

	/** No options: every default. */
	public static final ImportMempoolOptions DEFAULTS = new ImportMempoolOptions(null, null, null);

	/** @return the options object sent, with only the members given */
	@JsonValue
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		if (this.useCurrentTime != null) {
			json.put("use_current_time", this.useCurrentTime);
		}
		if (this.applyFeeDelta != null) {
			json.put("apply_fee_delta_priority", this.applyFeeDelta);
		}
		if (this.applyUnbroadcastSet != null) {
			json.put("apply_unbroadcast_set", this.applyUnbroadcastSet);
		}
		return json;
	}

}
