package org.bitcoinrpc.client;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The optional arguments of Bitcoin Core's {@code sendmany}, all positional. Everything not set is
 * sent as {@code null} (Core's default) or left out at the end: coins with at least one confirmation,
 * no comment, the fee paid from the change, the wallet's fee estimate. Immutable; build with
 * {@link #builder()}.
 */
public final class SendManyOptions {

	/** No optional argument: Core's defaults throughout. */
	public static final SendManyOptions DEFAULTS = builder().build();

	private final @Nullable String comment;

	private final @Nullable List<String> subtractFeeFrom;

	private final @Nullable Boolean replaceable;

	private final FeeSettings fee;

	private SendManyOptions(Builder builder) {
		this.fee = builder.fee();
		this.comment = builder.comment;
		this.subtractFeeFrom = builder.subtractFeeFrom;
		this.replaceable = builder.replaceable;
	}

	/** @return a builder with nothing set */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * {@code ["", amounts, minconf, comment, subtractfeefrom, replaceable, conf_target, estimate_mode,
	 * fee_rate]}: the first argument is a dummy Core requires to be {@code ""}; minconf is left at its
	 * default.
	 */
	List<@Nullable Object> params(Object amounts) {
		return RpcCalls.params("", amounts, null, this.comment, this.subtractFeeFrom, this.replaceable,
				this.fee.confTarget(), this.fee.estimateModeWireName(),
				this.fee.feeRateSatPerVbyte());
	}

	/** Builds {@link SendManyOptions}; each setter checks its argument. */
	public static final class Builder extends FeeOptionsBuilder<Builder> {

		private @Nullable String comment;

		private @Nullable List<String> subtractFeeFrom;

		private @Nullable Boolean replaceable;

		private Builder() {
		}

		/** A comment kept in the wallet (not in the transaction). */
		public Builder comment(String comment) {
			this.comment = Objects.requireNonNull(comment, "comment must not be null");
			return this;
		}

		/** Addresses (of the amounts) whose amounts pay the fee, shared equally, instead of the change. */
		public Builder subtractFeeFrom(List<String> addresses) {
			Objects.requireNonNull(addresses, "subtractFeeFrom must not be null");
			addresses.forEach((address) -> WalletArguments.checkText(address, "subtractFeeFrom address"));
			this.subtractFeeFrom = List.copyOf(addresses);
			return this;
		}

		/** Whether the transaction signals BIP 125 replaceability (Core's default: true). */
		public Builder replaceable(boolean replaceable) {
			this.replaceable = replaceable;
			return this;
		}

		/** @return the options */
		public SendManyOptions build() {
			return new SendManyOptions(this);
		}

	}

}
