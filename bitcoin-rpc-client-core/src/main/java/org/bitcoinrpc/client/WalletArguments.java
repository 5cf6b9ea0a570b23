package org.bitcoinrpc.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bitcoinrpc.client.model.OutPoint;

/**
 * Checks and shapes the arguments of the wallet's typed calls. Messages name the argument and never
 * quote a passphrase.
 */
final class WalletArguments {

	private WalletArguments() {
	}

	static String checkText(String value, String argument) {
		Objects.requireNonNull(value, () -> argument + " must not be null");
		if (value.isBlank()) {
			throw new IllegalArgumentException(argument + " must not be blank");
		}
		return value;
	}

	/** A passphrase: present and not empty (Core refuses an empty one). Never quoted in a message. */
	static String checkPassphrase(String passphrase, String argument) {
		Objects.requireNonNull(passphrase, () -> argument + " must not be null");
		if (passphrase.isEmpty()) {
			throw new IllegalArgumentException(argument + " must not be empty");
		}
		return passphrase;
	}

	/**
	 * An amount in BTC: positive, at most 8 decimals (Core refuses finer amounts with -3). Returned
	 * with exactly 8 decimals, as Core writes amounts and as the recorded requests send them.
	 */
	static BigDecimal checkAmount(BigDecimal amount, String argument) {
		Objects.requireNonNull(amount, () -> argument + " must not be null");
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException(argument + " must be positive, was " + amount.toPlainString());
		}
		if (amount.stripTrailingZeros().scale() > 8) {
			throw new IllegalArgumentException(argument + " must have at most 8 decimals, was " + amount.toPlainString());
		}
		return amount.setScale(8);
	}

	/** A confirmation target for the fee estimate ({@code conf_target}): at least one block. */
	static int checkConfTarget(int blocks) {
		if (blocks < 1) {
			throw new IllegalArgumentException("confTarget must be at least 1, was " + blocks);
		}
		return blocks;
	}

	/** A fee rate: not negative (zero is allowed on regtest with a zero relay fee). */
	static BigDecimal checkFeeRate(BigDecimal rate, String argument) {
		Objects.requireNonNull(rate, () -> argument + " must not be null");
		if (rate.signum() < 0) {
			throw new IllegalArgumentException(argument + " must not be negative, was " + rate.toPlainString());
		}
		return rate;
	}

	static int checkNotNegative(int value, String argument) {
		if (value < 0) {
			throw new IllegalArgumentException(argument + " must not be negative, was " + value);
		}
		return value;
	}

	/** Payments as Core's {@code sendmany} takes them: one object, address to amount, in the caller's order. */
	static Map<String, BigDecimal> outputsObject(Map<String, BigDecimal> outputs) {
		Objects.requireNonNull(outputs, "outputs must not be null");
		if (outputs.isEmpty()) {
			throw new IllegalArgumentException("outputs must not be empty");
		}
		Map<String, BigDecimal> checked = new LinkedHashMap<>();
		outputs.forEach((address, amount) -> {
			checkText(address, "outputs address");
			checked.put(address, checkAmount(amount, "outputs amount for " + address));
		});
		return checked;
	}

	/**
	 * Payments as {@code send} and {@code walletcreatefundedpsbt} take them: an array of
	 * one-member objects, in the caller's order (the order of the transaction's outputs).
	 */
	static List<Map<String, BigDecimal>> outputsArray(Map<String, BigDecimal> outputs) {
		List<Map<String, BigDecimal>> array = new ArrayList<>();
		outputsObject(outputs).forEach((address, amount) -> array.add(Map.of(address, amount)));
		return array;
	}

	/** Inputs as Core takes them: {@code [{"txid": ..., "vout": n}]}. */
	static List<Map<String, Object>> inputs(List<OutPoint> inputs, String argument) {
		Objects.requireNonNull(inputs, () -> argument + " must not be null");
		List<Map<String, Object>> array = new ArrayList<>();
		for (OutPoint input : inputs) {
			Objects.requireNonNull(input, () -> argument + " must not contain null");
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("txid", ChainCalls.checkHash(input.hash(), argument + " txid"));
			entry.put("vout", input.index());
			array.add(entry);
		}
		return array;
	}

	/** Adds an option to an options object when it was given. */
	static void option(Map<String, Object> options, String name, @org.jspecify.annotations.Nullable Object value) {
		if (value != null) {
			options.put(name, value);
		}
	}

}
