package org.bitcoinrpc.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of btcd's {@code searchrawtransactions}, after the address and verbosity.
 * A {@code null} component is sent as JSON {@code null} (btcd's default) or left out at the end.
 *
 * @param skip how many matching transactions to skip; default 0
 * @param count how many to return at most; default 100
 * @param vinExtra whether each input gets {@code prevOut} (address and value of the spent
 * output), verbose only; default false
 * @param reverse whether the newest come first; default false (oldest first)
 * @param filterAddresses with {@code vinExtra}, only inputs spending these addresses get
 * {@code prevOut}; default all ({@code filteraddrs})
 */
public record SearchOptions(@Nullable Integer skip, @Nullable Integer count, @Nullable Boolean vinExtra,
		@Nullable Boolean reverse, @Nullable List<String> filterAddresses) {

	/** No options: btcd's defaults. */
	public static final SearchOptions DEFAULTS = new SearchOptions(null, null, null, null, null);

	/**
	 * Checks the arguments.
	 * @param skip not negative, or {@code null}
	 * @param count at least 1, or {@code null}
	 * @param vinExtra or {@code null}
	 * @param reverse or {@code null}
	 * @param filterAddresses or {@code null}
	 */
	public SearchOptions {
		if (skip != null && skip < 0) {
			throw new IllegalArgumentException("skip must not be negative, was " + skip);
		}
		if (count != null && count < 1) {
			throw new IllegalArgumentException("count must be at least 1, was " + count);
		}
		if (filterAddresses != null) {
			filterAddresses = List.copyOf(filterAddresses);
		}
	}

	/**
	 * A page: {@code count} transactions after the first {@code skip}.
	 * @param skip how many to skip
	 * @param count how many at most
	 * @return the options
	 */
	public static SearchOptions page(int skip, int count) {
		return new SearchOptions(skip, count, null, null, null);
	}

	/**
	 * The params after address and verbosity, as btcd reads them ({@code vinextra} is an
	 * integer there, 0 or 1).
	 * @return the values, {@code null} for those not given
	 */
	public @Nullable Object[] params() {
		return new @Nullable Object[] { this.skip, this.count,
				(this.vinExtra != null) ? (this.vinExtra ? 1 : 0) : null, this.reverse, this.filterAddresses };
	}

}
