package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The common options of Core's {@code fundrawtransaction} (its second argument, an object). A
 * {@code null} component is left out, so the wallet's default applies; {@link #DEFAULTS} sends no
 * options object at all.
 *
 * @param changeAddress where change goes; default a new address of the wallet
 * @param changePosition the change output's index; default random
 * @param feeRate the fee rate, sat/vB ({@code fee_rate}); default the wallet's estimate
 * @param confTarget the confirmation target in blocks for the estimate ({@code conf_target})
 * @param lockUnspents whether the chosen outputs are locked ({@code lockUnspents}); default false
 * @param replaceable whether the transaction signals BIP 125 replacement
 * @param subtractFeeFromOutputs indexes of the outputs the fee is taken from; default none
 * ({@code subtractFeeFromOutputs})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FundOptions(@Nullable String changeAddress, @Nullable Integer changePosition,
		@JsonProperty("fee_rate") @Nullable BigDecimal feeRate,
		@JsonProperty("conf_target") @Nullable Integer confTarget,
		@Nullable Boolean lockUnspents, @Nullable Boolean replaceable,
		@Nullable List<Integer> subtractFeeFromOutputs) {

	/** No options: the wallet's defaults. */
	public static final FundOptions DEFAULTS = new FundOptions(null, null, null, null, null, null, null);

	/**
	 * Checks the arguments.
	 * @param changeAddress where change goes, or {@code null}
	 * @param changePosition the change output's index, not negative, or {@code null}
	 * @param feeRate the fee rate, sat/vB, not negative, or {@code null}
	 * @param confTarget the confirmation target, at least 1, or {@code null}
	 * @param lockUnspents whether the chosen outputs are locked, or {@code null}
	 * @param replaceable whether the transaction signals replacement, or {@code null}
	 * @param subtractFeeFromOutputs output indexes, or {@code null}
	 */
	public FundOptions {
		if (changePosition != null && changePosition < 0) {
			throw new IllegalArgumentException("changePosition must not be negative, was " + changePosition);
		}
		if (feeRate != null && feeRate.signum() < 0) {
			throw new IllegalArgumentException("feeRate must not be negative, was " + feeRate);
		}
		if (confTarget != null && confTarget < 1) {
			throw new IllegalArgumentException("confTarget must be at least 1, was " + confTarget);
		}
		if (subtractFeeFromOutputs != null) {
			subtractFeeFromOutputs = List.copyOf(subtractFeeFromOutputs);
		}
	}

	/**
	 * Only a fee rate.
	 * @param satPerVbyte the fee rate, sat/vB
	 * @return the options
	 */
	public static FundOptions feeRate(BigDecimal satPerVbyte) {
		return new FundOptions(null, null, satPerVbyte, null, null, null, null);
	}

}
