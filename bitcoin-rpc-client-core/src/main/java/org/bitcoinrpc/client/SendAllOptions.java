package org.bitcoinrpc.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bitcoinrpc.client.model.OutPoint;
import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of Bitcoin Core's {@code sendall}: fee settings as positional arguments and
 * the rest in its options object. Everything not set is left out, so Core spends every confirmed
 * coin of the wallet at its estimated fee, adds the transaction to the wallet and broadcasts it.
 * Immutable; build with {@link #builder()}.
 */
public final class SendAllOptions {

	/** No optional argument: Core's defaults throughout. */
	public static final SendAllOptions DEFAULTS = builder().build();

	private final @Nullable Boolean addToWallet;

	private final @Nullable List<OutPoint> inputs;

	private final @Nullable Boolean lockUnspents;

	private final @Nullable Boolean includePsbt;

	private final @Nullable Boolean replaceable;

	private final @Nullable Boolean sendMax;

	private final FeeSettings fee;

	private SendAllOptions(Builder builder) {
		this.fee = builder.fee();
		this.addToWallet = builder.addToWallet;
		this.inputs = builder.inputs;
		this.lockUnspents = builder.lockUnspents;
		this.includePsbt = builder.includePsbt;
		this.replaceable = builder.replaceable;
		this.sendMax = builder.sendMax;
	}

	/** @return a builder with nothing set */
	public static Builder builder() {
		return new Builder();
	}

	/** {@code [recipients, conf_target, estimate_mode, fee_rate, options]}, unset ones as null, trailing ones dropped. */
	List<@Nullable Object> params(Object recipients) {
		Map<String, Object> options = new LinkedHashMap<>();
		WalletArguments.option(options, "add_to_wallet", this.addToWallet);
		WalletArguments.option(options, "inputs",
				(this.inputs != null) ? WalletArguments.inputs(this.inputs, "inputs") : null);
		WalletArguments.option(options, "lock_unspents", this.lockUnspents);
		WalletArguments.option(options, "psbt", this.includePsbt);
		WalletArguments.option(options, "replaceable", this.replaceable);
		WalletArguments.option(options, "send_max", this.sendMax);
		return RpcCalls.params(recipients, this.fee.confTarget(),
				this.fee.estimateModeWireName(), this.fee.feeRateSatPerVbyte(),
				options.isEmpty() ? null : options);
	}

	/** Builds {@link SendAllOptions}; each setter checks its argument. */
	public static final class Builder extends FeeOptionsBuilder<Builder> {

		private @Nullable Boolean addToWallet;

		private @Nullable List<OutPoint> inputs;

		private @Nullable Boolean lockUnspents;

		private @Nullable Boolean includePsbt;

		private @Nullable Boolean replaceable;

		private @Nullable Boolean sendMax;

		private Builder() {
		}

		/** Whether to add the transaction to the wallet and broadcast it (default true); false returns its hex. */
		public Builder addToWallet(boolean addToWallet) {
			this.addToWallet = addToWallet;
			return this;
		}

		/** Spend exactly these outputs instead of every coin of the wallet. */
		public Builder inputs(List<OutPoint> inputs) {
			this.inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs must not be null"));
			return this;
		}

		/** Whether to lock the spent coins against other sends (default false). */
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

		/**
		 * Whether to leave out coins worth less than the fee to spend them ({@code send_max}), which
		 * Core's -6 "Total value of UTXO pool too low" message suggests.
		 */
		public Builder sendMax(boolean sendMax) {
			this.sendMax = sendMax;
			return this;
		}

		/** @return the options */
		public SendAllOptions build() {
			return new SendAllOptions(this);
		}

	}

}
