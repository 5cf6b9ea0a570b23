package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The fee setters of the send family's option builders ({@link SendOptions.Builder},
 * {@link SendAllOptions.Builder}, {@link SendManyOptions.Builder},
 * {@link FundedPsbtOptions.Builder}), written once; each returns the concrete builder.
 *
 * @param <B> the concrete builder
 */
abstract class FeeOptionsBuilder<B extends FeeOptionsBuilder<B>> {

	private @Nullable Integer confTarget;

	private @Nullable FeeEstimateMode estimateMode;

	private @Nullable BigDecimal feeRateSatPerVbyte;

	FeeOptionsBuilder() {
	}

	/**
	 * Confirmation target in blocks for the fee estimate ({@code conf_target}); not with a fee rate.
	 * @param blocks the target, at least 1
	 * @return this builder
	 */
	public B confTarget(int blocks) {
		this.confTarget = WalletArguments.checkConfTarget(blocks);
		return self();
	}

	/**
	 * How the fee is estimated ({@code estimate_mode}); with a fee rate only {@link FeeEstimateMode#UNSET}.
	 * @param mode the mode
	 * @return this builder
	 */
	public B estimateMode(FeeEstimateMode mode) {
		this.estimateMode = Objects.requireNonNull(mode, "estimateMode must not be null");
		return self();
	}

	/**
	 * An explicit fee rate in <b>sat/vB</b> ({@code fee_rate}), instead of an estimate. (Core's
	 * {@code feeRate} option of {@code walletcreatefundedpsbt}, in BTC/kvB, is not offered.)
	 * @param rate the rate, not negative (zero only where the node relays without a fee, regtest)
	 * @return this builder
	 */
	public B feeRateSatPerVbyte(BigDecimal rate) {
		this.feeRateSatPerVbyte = WalletArguments.checkFeeRate(rate, "feeRateSatPerVbyte");
		return self();
	}

	/** @return the fee settings made so far */
	FeeSettings fee() {
		return new FeeSettings(this.confTarget, this.estimateMode, this.feeRateSatPerVbyte);
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
