package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

/**
 * The {@code scanning} member of Core's {@code getwalletinfo}: {@code false} when no rescan runs,
 * else {@code {"duration": seconds, "progress": 0..1}}.
 *
 * @param active whether a rescan is running
 * @param duration how long it has run, seconds; only while active
 * @param progress the share done, 0 to 1; only while active
 */
public record WalletScan(boolean active, @Nullable Long duration, @Nullable BigDecimal progress) {

	/** Reads either shape Core sends. */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static WalletScan of(Object value) {
		if (value instanceof Map<?, ?> map) {
			Object duration = map.get("duration");
			Object progress = map.get("progress");
			return new WalletScan(true, (duration instanceof Number number) ? number.longValue() : null,
					(progress instanceof Number number) ? new BigDecimal(number.toString()) : null);
		}
		return new WalletScan(Boolean.TRUE.equals(value), null, null);
	}

}
