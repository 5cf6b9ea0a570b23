package org.bitcoinrpc.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of Bitcoin Core's {@code walletcreatefundedpsbt}: the lock time as a
 * positional argument and the rest in its options object (whose names are camelCase where
 * {@code send}'s are snake_case: {@code changeAddress}, {@code lockUnspents}, ...). Everything not
 * set is left out: lock time 0, inputs added by the wallet as needed, the wallet's fee estimate.
 * Immutable; build with {@link #builder()}.
 */
public final class FundedPsbtOptions {

	/** No optional argument: Core's defaults throughout. */
	public static final FundedPsbtOptions DEFAULTS = builder().build();

	private final @Nullable Long locktime;

	private final @Nullable Boolean addInputs;

	private final @Nullable String changeAddress;

	private final @Nullable Integer changePosition;

	private final @Nullable Boolean lockUnspents;

	private final @Nullable Boolean replaceable;

	private final @Nullable List<Integer> subtractFeeFromOutputs;

	private final FeeSettings fee;

	private FundedPsbtOptions(Builder builder) {
		this.fee = builder.fee();
		this.locktime = builder.locktime;
		this.addInputs = builder.addInputs;
		this.changeAddress = builder.changeAddress;
		this.changePosition = builder.changePosition;
		this.lockUnspents = builder.lockUnspents;
		this.replaceable = builder.replaceable;
		this.subtractFeeFromOutputs = builder.subtractFeeFromOutputs;
	}

	/** @return a builder with nothing set */
	public static Builder builder() {
		return new Builder();
	}

	/** {@code [inputs, outputs, locktime, options]}, unset ones as null, trailing ones dropped. */
	List<@Nullable Object> params(Object inputs, Object outputs) {
		Map<String, Object> options = new LinkedHashMap<>();
		WalletArguments.option(options, "add_inputs", this.addInputs);
		WalletArguments.option(options, "changeAddress", this.changeAddress);
		WalletArguments.option(options, "changePosition", this.changePosition);
		WalletArguments.option(options, "lockUnspents", this.lockUnspents);
		WalletArguments.option(options, "fee_rate", this.fee.feeRateSatPerVbyte());
		WalletArguments.option(options, "conf_target", this.fee.confTarget());
		WalletArguments.option(options, "estimate_mode",
				this.fee.estimateModeWireName());
		WalletArguments.option(options, "replaceable", this.replaceable);
		WalletArguments.option(options, "subtractFeeFromOutputs", this.subtractFeeFromOutputs);
		return RpcCalls.params(inputs, outputs, this.locktime, options.isEmpty() ? null : options);
	}

	/** Builds {@link FundedPsbtOptions}; each setter checks its argument. */
	public static final class Builder extends FeeOptionsBuilder<Builder> {

		private @Nullable Long locktime;

		private @Nullable Boolean addInputs;

		private @Nullable String changeAddress;

		private @Nullable Integer changePosition;

		private @Nullable Boolean lockUnspents;

		private @Nullable Boolean replaceable;

		private @Nullable List<Integer> subtractFeeFromOutputs;

		private Builder() {
		}

		/** The transaction's lock time: a height below 500,000,000, else a Unix time (default 0). */
		public Builder locktime(long locktime) {
			if (locktime < 0 || locktime > 0xFFFF_FFFFL) {
				throw new IllegalArgumentException("locktime must be between 0 and 4294967295, was " + locktime);
			}
			this.locktime = locktime;
			return this;
		}

		/** Whether the wallet may add inputs to those given (default: only when none are given). */
		public Builder addInputs(boolean addInputs) {
			this.addInputs = addInputs;
			return this;
		}

		/** The address for the change (default: a new one of the wallet). */
		public Builder changeAddress(String address) {
			this.changeAddress = WalletArguments.checkText(address, "changeAddress");
			return this;
		}

		/** The index of the change output (default: random). */
		public Builder changePosition(int index) {
			this.changePosition = WalletArguments.checkNotNegative(index, "changePosition");
			return this;
		}

		/** Whether to lock the chosen coins against other sends (default false). */
		public Builder lockUnspents(boolean lock) {
			this.lockUnspents = lock;
			return this;
		}

		/** Whether the transaction signals BIP 125 replaceability (Core's default: true). */
		public Builder replaceable(boolean replaceable) {
			this.replaceable = replaceable;
			return this;
		}

		/** Indexes of the outputs that pay the fee, shared equally, instead of the change. */
		public Builder subtractFeeFromOutputs(List<Integer> outputIndexes) {
			Objects.requireNonNull(outputIndexes, "subtractFeeFromOutputs must not be null");
			outputIndexes.forEach((index) -> WalletArguments.checkNotNegative(
					Objects.requireNonNull(index, "subtractFeeFromOutputs must not contain null"), "subtractFeeFromOutputs index"));
			this.subtractFeeFromOutputs = List.copyOf(outputIndexes);
			return this;
		}

		/** @return the options */
		public FundedPsbtOptions build() {
			return new FundedPsbtOptions(this);
		}

	}

}
