package org.bitcoinrpc.client.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The outputs of a transaction to create ({@code createrawtransaction}, {@code createpsbt}), in
 * order: payments (address and amount, BTC) and at most one data ({@code OP_RETURN}) output.
 * Immutable; build with {@link #builder()}.
 * <p>
 * The two nodes take outputs in different JSON. Core takes an array of one-member objects
 * ({@code [{"addr": 1.5}, {"data": "00ff"}]}), which keeps the order and allows a data output
 * ({@link #asArray()}). btcd takes only an object address to amount ({@code {"addr": 1.5}}), with
 * no data output ({@link #asObject()}); Core accepts that form too, for compatibility.
 */
public final class Outputs {

	private final List<Map<String, Object>> entries;

	private Outputs(List<Map<String, Object>> entries) {
		this.entries = entries;
	}

	/** @return a builder for outputs, in the order they are added */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Outputs paying one address.
	 * @param address the address
	 * @param amount the amount, BTC
	 * @return the outputs
	 */
	public static Outputs pay(String address, BigDecimal amount) {
		return builder().pay(address, amount).build();
	}

	/**
	 * Core's form: an array of one-member objects, in order ({@code {"data": hex}} for data), amounts
	 * with 8 decimals as Core prints them ({@code 1.25000000}).
	 * @return the array
	 */
	public List<Map<String, Object>> asArray() {
		List<Map<String, Object>> array = new ArrayList<>();
		for (Map<String, Object> entry : this.entries) {
			Map.Entry<String, Object> only = entry.entrySet().iterator().next();
			array.add((only.getValue() instanceof BigDecimal amount) ? Map.of(only.getKey(), amount.setScale(8))
					: entry);
		}
		return List.copyOf(array);
	}

	/**
	 * btcd's form: one object, address to amount, in order, amounts in their shortest form as btcd
	 * prints them ({@code 1}, {@code 49.9999}).
	 * @return the object
	 * @throws IllegalStateException if there is a data output (btcd has no form for it)
	 */
	public Map<String, BigDecimal> asObject() {
		Map<String, BigDecimal> object = new LinkedHashMap<>();
		for (Map<String, Object> entry : this.entries) {
			Map.Entry<String, Object> only = entry.entrySet().iterator().next();
			if (!(only.getValue() instanceof BigDecimal amount)) {
				throw new IllegalStateException(
						"a data output cannot be sent as an object of address to amount (btcd)");
			}
			object.put(only.getKey(), shortest(amount));
		}
		return Collections.unmodifiableMap(object);
	}

	private static BigDecimal shortest(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		// 10 strips to 1E+1, which would be written in exponent form.
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	/** @return whether there is a data ({@code OP_RETURN}) output */
	public boolean hasData() {
		return this.entries.stream().anyMatch((entry) -> entry.containsKey("data"));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Outputs outputs && this.entries.equals(outputs.entries);
	}

	@Override
	public int hashCode() {
		return this.entries.hashCode();
	}

	@Override
	public String toString() {
		return "Outputs" + this.entries;
	}

	/** Adds outputs in order. Not thread-safe. */
	public static final class Builder {

		private final List<Map<String, Object>> entries = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Adds a payment. An address may be paid once: both nodes refuse duplicates (-8).
		 * @param address the address, not blank
		 * @param amount the amount, BTC: positive, at most 8 decimals; sent with 8 decimals to Core
		 * and in shortest form to btcd
		 * @return this builder
		 */
		public Builder pay(String address, BigDecimal amount) {
			Objects.requireNonNull(address, "address must not be null");
			Objects.requireNonNull(amount, "amount must not be null");
			if (address.isBlank()) {
				throw new IllegalArgumentException("address must not be blank");
			}
			if (address.equals("data")) {
				throw new IllegalArgumentException("address must not be 'data': use data(hex) for a data output");
			}
			if (amount.signum() <= 0) {
				throw new IllegalArgumentException("amount must be positive, was " + amount.toPlainString());
			}
			if (amount.stripTrailingZeros().scale() > 8) {
				throw new IllegalArgumentException(
						"amount must have at most 8 decimals, was " + amount.toPlainString());
			}
			if (this.entries.stream().anyMatch((entry) -> entry.containsKey(address))) {
				throw new IllegalArgumentException("address " + address + " is already paid");
			}
			this.entries.add(Map.of(address, amount));
			return this;
		}

		/**
		 * Adds a data output ({@code OP_RETURN <data>}, amount 0). Core only; at most one.
		 * @param hex the data, hex of whole bytes (may be empty)
		 * @return this builder
		 */
		public Builder data(String hex) {
			Objects.requireNonNull(hex, "hex must not be null");
			if ((hex.length() & 1) != 0 || !hex.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
				throw new IllegalArgumentException("data must be hex of whole bytes, was '" + hex + "'");
			}
			if (this.entries.stream().anyMatch((entry) -> entry.containsKey("data"))) {
				throw new IllegalArgumentException("there is already a data output");
			}
			this.entries.add(Map.of("data", hex));
			return this;
		}

		/** @return the outputs; at least one must have been added */
		public Outputs build() {
			if (this.entries.isEmpty()) {
				throw new IllegalStateException("outputs must not be empty");
			}
			return new Outputs(List.copyOf(this.entries));
		}

	}

}
