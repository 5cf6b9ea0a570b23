package org.bitcoinrpc.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The {@code category} of an entry of Core's {@code listtransactions} and {@code listsinceblock}.
 * <p>
 * An enum rather than a string: Core's set has been these five since 2012, and a {@code switch}
 * over it is checked by the compiler. A category this client does not know reads as
 * {@link #UNKNOWN} instead of failing, so one new kind of entry never makes a whole listing
 * undecodable (an indexer polling {@code listsinceblock} would otherwise stall).
 */
public enum WalletTransactionCategory {

	/** {@code send}: the wallet paid this output; the amount and fee are negative. */
	SEND("send"),

	/** {@code receive}: a non-coinbase output paying the wallet. */
	RECEIVE("receive"),

	/** {@code generate}: a coinbase output with more than 100 confirmations (mature). */
	GENERATE("generate"),

	/** {@code immature}: a coinbase output with 100 or fewer confirmations. */
	IMMATURE("immature"),

	/** {@code orphan}: a coinbase output whose block is no longer in the active chain. */
	ORPHAN("orphan"),

	/** A category this client does not know (a newer node's). */
	UNKNOWN("unknown");

	private final String wireName;

	WalletTransactionCategory(String wireName) {
		this.wireName = wireName;
	}

	/** @return the name Core sends, e.g. {@code "immature"} */
	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	/**
	 * The category Core names so, or {@link #UNKNOWN}.
	 * @param wireName the name on the wire
	 * @return the category
	 */
	@JsonCreator
	public static WalletTransactionCategory of(String wireName) {
		for (WalletTransactionCategory category : values()) {
			if (category != UNKNOWN && category.wireName.equals(wireName)) {
				return category;
			}
		}
		return UNKNOWN;
	}

	/** @return whether it is a coinbase output ({@link #GENERATE}, {@link #IMMATURE} or {@link #ORPHAN}) */
	public boolean isCoinbase() {
		return this == GENERATE || this == IMMATURE || this == ORPHAN;
	}

}
