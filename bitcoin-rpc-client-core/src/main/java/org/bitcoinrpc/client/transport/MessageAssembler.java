package org.bitcoinrpc.client.transport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitcoinrpc.client.protocol.JsonText;
import org.jspecify.annotations.Nullable;

/**
 * Joins the fragments of one websocket text message, up to a size limit. Over the limit it stops
 * keeping the text but keeps the last characters, because btcd writes a reply's {@code id} last:
 * that is enough to fail the one call the reply belonged to while the connection stays usable.
 * <p>
 * Not thread-safe: owned by the connection's reader, which delivers fragments one at a time.
 */
final class MessageAssembler {

	private static final int INITIAL_CAPACITY = 8 * 1024;

	/** A buffer grown past this is dropped after its message, so one huge reply does not pin memory. */
	private static final int RETAINED_CAPACITY = 1024 * 1024;

	private static final int TAIL = 128;

	private static final Pattern TRAILING_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d{1,18})\\s*}\\s*$");

	private final int maxSize;

	private char[] buffer = new char[INITIAL_CAPACITY];

	private int length;

	/** Characters seen in the current message, kept or not. */
	private long seen;

	private final StringBuilder tail = new StringBuilder(TAIL * 2);

	MessageAssembler(int maxSize) {
		this.maxSize = maxSize;
	}

	/** Adds a fragment; returns the outcome when it was the last one, else {@code null}. */
	@Nullable Outcome append(String fragment, boolean last) {
		this.seen += fragment.length();
		if (this.seen <= this.maxSize) {
			ensureCapacity(this.length + fragment.length());
			fragment.getChars(0, fragment.length(), this.buffer, this.length);
			this.length += fragment.length();
		}
		else {
			keepTail(fragment);
		}
		if (!last) {
			return null;
		}
		Outcome outcome = (this.seen <= this.maxSize) ? new Outcome.Complete(JsonText.of(this.buffer, this.length))
				: new Outcome.TooLarge(this.seen, trailingId());
		return outcome;
	}

	/** Forgets the finished message; call after the outcome has been used. */
	void reset() {
		if (this.buffer.length > RETAINED_CAPACITY) {
			this.buffer = new char[INITIAL_CAPACITY];
		}
		this.length = 0;
		this.seen = 0;
		this.tail.setLength(0);
	}

	private void keepTail(String fragment) {
		if (this.length > 0) {
			// First fragment past the limit: the text kept so far is no longer needed, but its end may be.
			this.tail.append(this.buffer, Math.max(0, this.length - TAIL), Math.min(this.length, TAIL));
			this.length = 0;
		}
		this.tail.append(fragment, Math.max(0, fragment.length() - TAIL), fragment.length());
		if (this.tail.length() > TAIL) {
			this.tail.delete(0, this.tail.length() - TAIL);
		}
	}

	private @Nullable Long trailingId() {
		Matcher matcher = TRAILING_ID.matcher(this.tail);
		return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
	}

	private void ensureCapacity(int capacity) {
		if (capacity > this.buffer.length) {
			char[] grown = new char[Math.max(capacity, Math.min(this.maxSize, this.buffer.length * 2))];
			System.arraycopy(this.buffer, 0, grown, 0, this.length);
			this.buffer = grown;
		}
	}

	sealed interface Outcome {

		/** A whole message; its text is valid until {@link MessageAssembler#reset()}. */
		record Complete(JsonText text) implements Outcome {
		}

		/** A message over the limit, with the id found at its end, if any. */
		record TooLarge(long size, @Nullable Long id) implements Outcome {
		}

	}

}
