package org.bitcoinrpc.client;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of Bitcoin Core's {@code listreceivedbyaddress} and
 * {@code listreceivedbylabel}, all positional. Everything not set is left to Core's default: at
 * least one confirmation, only addresses (labels) that received something, no immature coinbase
 * outputs, every address. Immutable; build with {@link #builder()}.
 */
public final class ListReceivedOptions {

	/** No optional argument: Core's defaults throughout. */
	public static final ListReceivedOptions DEFAULTS = builder().build();

	private final @Nullable Integer minConf;

	private final @Nullable Boolean includeEmpty;

	private final @Nullable Boolean includeImmatureCoinbase;

	private final @Nullable String addressFilter;

	private ListReceivedOptions(Builder builder) {
		this.minConf = builder.minConf;
		this.includeEmpty = builder.includeEmpty;
		this.includeImmatureCoinbase = builder.includeImmatureCoinbase;
		this.addressFilter = builder.addressFilter;
	}

	/** @return a builder with nothing set */
	public static Builder builder() {
		return new Builder();
	}

	/** @return {@code minconf}, or {@code null} for Core's default (1) */
	public @Nullable Integer minConf() {
		return this.minConf;
	}

	/** @return {@code include_empty}, or {@code null} for Core's default ({@code false}) */
	public @Nullable Boolean includeEmpty() {
		return this.includeEmpty;
	}

	/** @return {@code include_immature_coinbase}, or {@code null} for Core's default ({@code false}) */
	public @Nullable Boolean includeImmatureCoinbase() {
		return this.includeImmatureCoinbase;
	}

	/** @return the only address to report, or {@code null} for all */
	public @Nullable String addressFilter() {
		return this.addressFilter;
	}

	/**
	 * {@code [minconf, include_empty, include_watchonly, address_filter, include_immature_coinbase]};
	 * the deprecated {@code include_watchonly} is sent as {@code false} (its default) when a later
	 * argument is.
	 */
	List<@Nullable Object> byAddressParams() {
		boolean later = this.addressFilter != null || this.includeImmatureCoinbase != null;
		return RpcCalls.params(this.minConf, this.includeEmpty, later ? Boolean.FALSE : null, this.addressFilter,
				this.includeImmatureCoinbase);
	}

	/**
	 * {@code [minconf, include_empty, include_watchonly, include_immature_coinbase]}; Core's
	 * {@code listreceivedbylabel} has no address filter.
	 */
	List<@Nullable Object> byLabelParams() {
		if (this.addressFilter != null) {
			throw new IllegalArgumentException("addressFilter is for listreceivedbyaddress only");
		}
		return RpcCalls.params(this.minConf, this.includeEmpty, (this.includeImmatureCoinbase != null) ? Boolean.FALSE : null,
				this.includeImmatureCoinbase);
	}

	@Override
	public String toString() {
		return "ListReceivedOptions[minConf=" + this.minConf + ", includeEmpty=" + this.includeEmpty
				+ ", includeImmatureCoinbase=" + this.includeImmatureCoinbase + ", addressFilter=" + this.addressFilter + "]";
	}

	/** Builds {@link ListReceivedOptions}; each setter checks its argument. */
	public static final class Builder {

		private @Nullable Integer minConf;

		private @Nullable Boolean includeEmpty;

		private @Nullable Boolean includeImmatureCoinbase;

		private @Nullable String addressFilter;

		private Builder() {
		}

		/**
		 * Counts only payments with at least this many confirmations (0 counts unconfirmed ones).
		 * @param minConf not negative
		 * @return this builder
		 */
		public Builder minConf(int minConf) {
			if (minConf < 0) {
				throw new IllegalArgumentException("minConf must not be negative, was " + minConf);
			}
			this.minConf = minConf;
			return this;
		}

		/**
		 * Whether to list addresses (labels) that received nothing too.
		 * @param includeEmpty whether to list them
		 * @return this builder
		 */
		public Builder includeEmpty(boolean includeEmpty) {
			this.includeEmpty = includeEmpty;
			return this;
		}

		/**
		 * Whether to count coinbase outputs that are not mature yet.
		 * @param includeImmatureCoinbase whether to count them
		 * @return this builder
		 */
		public Builder includeImmatureCoinbase(boolean includeImmatureCoinbase) {
			this.includeImmatureCoinbase = includeImmatureCoinbase;
			return this;
		}

		/**
		 * Reports only this address ({@code listreceivedbyaddress} only; Core fails with -4 for an
		 * invalid one).
		 * @param address the address, not blank
		 * @return this builder
		 */
		public Builder addressFilter(String address) {
			Objects.requireNonNull(address, "address must not be null");
			if (address.isBlank()) {
				throw new IllegalArgumentException("address must not be blank");
			}
			this.addressFilter = address;
			return this;
		}

		/** @return the options */
		public ListReceivedOptions build() {
			return new ListReceivedOptions(this);
		}

	}

}
