package org.bitcoinrpc.client;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of Bitcoin Core's {@code listsinceblock} after the block hash, all
 * positional. Everything not set is left to Core's default: {@code lastblock} is the tip
 * ({@code target_confirmations} 1), removed transactions are listed ({@code include_removed}
 * true), change outputs are not, no label filter. Immutable; build with {@link #builder()}.
 */
public final class ListSinceBlockOptions {

	/** No optional argument: Core's defaults throughout. */
	public static final ListSinceBlockOptions DEFAULTS = builder().build();

	private final @Nullable Integer targetConfirmations;

	private final @Nullable Boolean includeRemoved;

	private final @Nullable Boolean includeChange;

	private final @Nullable String label;

	private ListSinceBlockOptions(Builder builder) {
		this.targetConfirmations = builder.targetConfirmations;
		this.includeRemoved = builder.includeRemoved;
		this.includeChange = builder.includeChange;
		this.label = builder.label;
	}

	/** @return a builder with nothing set */
	public static Builder builder() {
		return new Builder();
	}

	/** @return {@code target_confirmations}, or {@code null} for Core's default (1) */
	public @Nullable Integer targetConfirmations() {
		return this.targetConfirmations;
	}

	/** @return {@code include_removed}, or {@code null} for Core's default ({@code true}) */
	public @Nullable Boolean includeRemoved() {
		return this.includeRemoved;
	}

	/** @return {@code include_change}, or {@code null} for Core's default ({@code false}) */
	public @Nullable Boolean includeChange() {
		return this.includeChange;
	}

	/** @return the label filter, or {@code null} for none */
	public @Nullable String label() {
		return this.label;
	}

	/**
	 * {@code [blockhash, target_confirmations, include_watchonly, include_removed, include_change,
	 * label]}. The deprecated {@code include_watchonly} (Core 31: "No longer used") is sent as
	 * {@code false}, its default, whenever a later argument is, as Core's own tests and the
	 * recordings do.
	 */
	List<@Nullable Object> params(@Nullable String blockHash) {
		boolean later = this.includeRemoved != null || this.includeChange != null || this.label != null;
		return RpcCalls.params(blockHash, this.targetConfirmations, later ? Boolean.FALSE : null, this.includeRemoved,
				this.includeChange, this.label);
	}

	@Override
	public String toString() {
		return "ListSinceBlockOptions[targetConfirmations=" + this.targetConfirmations + ", includeRemoved="
				+ this.includeRemoved + ", includeChange=" + this.includeChange + ", label=" + this.label + "]";
	}

	/** Builds {@link ListSinceBlockOptions}; each setter checks its argument. */
	public static final class Builder {

		private @Nullable Integer targetConfirmations;

		private @Nullable Boolean includeRemoved;

		private @Nullable Boolean includeChange;

		private @Nullable String label;

		private Builder() {
		}

		/**
		 * Which block {@code lastblock} names: 1 is the tip, 6 the block five below it, so that the
		 * next call lists transactions again until they have 6 confirmations. Not a filter.
		 * @param targetConfirmations at least 1
		 * @return this builder
		 */
		public Builder targetConfirmations(int targetConfirmations) {
			if (targetConfirmations < 1) {
				throw new IllegalArgumentException("targetConfirmations must be at least 1, was " + targetConfirmations);
			}
			this.targetConfirmations = targetConfirmations;
			return this;
		}

		/**
		 * Whether to list, under {@code removed}, transactions of blocks a reorganisation took out of
		 * the chain (Core's default: yes).
		 * @param includeRemoved whether to list them
		 * @return this builder
		 */
		public Builder includeRemoved(boolean includeRemoved) {
			this.includeRemoved = includeRemoved;
			return this;
		}

		/**
		 * Whether to add entries for change outputs too (Core's default: no).
		 * @param includeChange whether to add them
		 * @return this builder
		 */
		public Builder includeChange(boolean includeChange) {
			this.includeChange = includeChange;
			return this;
		}

		/**
		 * Lists only incoming transactions paying addresses with this label.
		 * @param label the label ({@code ""} is the default label)
		 * @return this builder
		 */
		public Builder label(String label) {
			this.label = Objects.requireNonNull(label, "label must not be null");
			return this;
		}

		/** @return the options */
		public ListSinceBlockOptions build() {
			return new ListSinceBlockOptions(this);
		}

	}

}
