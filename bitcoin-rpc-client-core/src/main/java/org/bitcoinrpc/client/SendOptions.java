package org.bitcoinrpc.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bitcoinrpc.client.model.OutPoint;
import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of Bitcoin Core's {@code send}: fee settings as positional arguments and
 * the rest in its options object. Everything not set is left out, so Core uses its default
 * (confirmation target from {@code -txconfirmtarget}, the wallet's fee estimate, coins picked by
 * the wallet, the transaction added to the wallet and broadcast). Immutable; build with
 * {@link #builder()}.
 */
public final class SendOptions {

	/** No optional argument: Core's defaults throughout. */
	public static final SendOptions DEFAULTS = builder().build();

	private final @Nullable Boolean addToWallet;

	private final @Nullable String changeAddress;

	private final @Nullable List<OutPoint> inputs;

	private final @Nullable Boolean lockUnspents;

	private final @Nullable Boolean includePsbt;

	private final @Nullable Boolean replaceable;

	private final @Nullable List<Integer> subtractFeeFromOutputs;

	private final FeeSettings fee;

	private SendOptions(Builder builder) {
		this.fee = builder.fee();
		this.addToWallet = builder.addToWallet;
		this.changeAddress = builder.changeAddress;
		this.inputs = builder.inputs;
		this.lockUnspents = builder.lockUnspents;
		this.includePsbt = builder.includePsbt;
		this.replaceable = builder.replaceable;
		this.subtractFeeFromOutputs = builder.subtractFeeFromOutputs;
	}

	/** @return a builder with nothing set */
	public static Builder builder() {
		return new Builder();
	}

	/** {@code [outputs, conf_target, estimate_mode, fee_rate, options]}, unset ones as null, trailing ones dropped. */
	List<@Nullable Object> params(Object outputs) {
		Map<String, Object> options = new LinkedHashMap<>();
		WalletArguments.option(options, "add_to_wallet", this.addToWallet);
		WalletArguments.option(options, "change_address", this.changeAddress);
		WalletArguments.option(options, "inputs",
				(this.inputs != null) ? WalletArguments.inputs(this.inputs, "inputs") : null);
		WalletArguments.option(options, "lock_unspents", this.lockUnspents);
		WalletArguments.option(options, "psbt", this.includePsbt);
		WalletArguments.option(options, "replaceable", this.replaceable);
		WalletArguments.option(options, "subtract_fee_from_outputs", this.subtractFeeFromOutputs);
		return RpcCalls.params(outputs, this.fee.confTarget(), this.fee.estimateModeWireName(),
				this.fee.feeRateSatPerVbyte(), options.isEmpty() ? null : options);
	}

	/** Builds {@link SendOptions}; each setter checks its argument. */
	public static final class Builder extends FeeOptionsBuilder<Builder> {

		private @Nullable Boolean addToWallet;

		private @Nullable String changeAddress;

		private @Nullable List<OutPoint> inputs;

		private @Nullable Boolean lockUnspents;

		private @Nullable Boolean includePsbt;

		private @Nullable Boolean replaceable;

		private @Nullable List<Integer> subtractFeeFromOutputs;

		private Builder() {
		}

		/** Whether to add the transaction to the wallet and broadcast it (default true); false returns its hex. */
		public Builder addToWallet(boolean addToWallet) {
			this.addToWallet = addToWallet;
			return this;
		}

		/** The address for the change (default: a new one of the wallet). */
		public Builder changeAddress(String address) {
			this.changeAddress = WalletArguments.checkText(address, "changeAddress");
			return this;
		}

		/** Outputs that must be spent (the wallet adds more when needed, unless told otherwise). */
		public Builder inputs(List<OutPoint> inputs) {
			this.inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs must not be null"));
			return this;
		}

		/** Whether to lock the chosen coins against other sends (default false). */
		public Builder lockUnspents(boolean lock) {
			this.lockUnspents = lock;
			return this;
		}

		/** Whether to always return the PSBT ({@code psbt} option); Core: implies {@code add_to_wallet} false. */
		public Builder includePsbt(boolean include) {
			this.includePsbt = include;
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
		public SendOptions build() {
			return new SendOptions(this);
		}

	}

}
