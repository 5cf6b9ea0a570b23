package org.bitcoinrpc.client.protocol;

import java.util.function.IntUnaryOperator;

/**
 * Finds {@code "id":N} at the very end of a JSON object, scanning backwards. btcd and Bitcoin
 * Core both write a reply's id as its last member, so this tells which request a reply belongs
 * to before it is parsed. The scan stops at the first character that does not fit, so it costs a
 * few dozen reads at most, whatever the message's size.
 */
final class TrailingId {

	/** A request id has at most 18 digits: ids are positive {@code long}s counted up from 1. */
	private static final int MAX_DIGITS = 18;

	private static final String KEY = "\"id\"";

	private TrailingId() {
	}

	/**
	 * @param at the character (or byte) at an index
	 * @param length the text's length
	 * @return the id, or -1
	 */
	static long scan(IntUnaryOperator at, int length) {
		int i = skipSpace(at, length - 1);
		if (i < 0 || at.applyAsInt(i) != '}') {
			return -1;
		}
		i = skipSpace(at, i - 1);
		long value = 0;
		long scale = 1;
		int digits = 0;
		while (i >= 0) {
			int c = at.applyAsInt(i);
			if (c < '0' || c > '9') {
				break;
			}
			if (++digits > MAX_DIGITS) {
				return -1;
			}
			value += (c - '0') * scale;
			scale *= 10;
			i--;
		}
		if (digits == 0) {
			return -1;
		}
		i = skipSpace(at, i);
		if (i < 0 || at.applyAsInt(i) != ':') {
			return -1;
		}
		i = skipSpace(at, i - 1);
		for (int k = KEY.length() - 1; k >= 0; k--, i--) {
			if (i < 0 || at.applyAsInt(i) != KEY.charAt(k)) {
				return -1;
			}
		}
		return value;
	}

	private static int skipSpace(IntUnaryOperator at, int from) {
		int i = from;
		while (i >= 0) {
			int c = at.applyAsInt(i);
			if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
				break;
			}
			i--;
		}
		return i;
	}

}
