package org.bitcoinrpc.client.protocol;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;

/**
 * The fast path for the commonest reply of all: a scalar result and no error, such as
 * {@code {"jsonrpc":"1.0","result":121,"error":null,"id":7}} (getblockcount, getbestblockhash,
 * getconnectioncount, ping). Reading it through a Jackson parser and an {@link ObjectReader} costs
 * about 800 bytes of parser, contexts and buffers per reply; this reads it in place.
 * <p>
 * It is deliberately narrow. It accepts only an object of the members {@code jsonrpc} (a plain
 * string), {@code result}, {@code error} ({@code null}) and {@code id} (an integer), each at most
 * once, in any order, with JSON whitespace; and only a result that binds to {@code Long},
 * {@code Integer}, {@code String}, {@code Boolean} or {@code Void} with no conversion: an integer of
 * up to 18 digits, a printable ASCII string without escapes, {@code true}/{@code false}, or
 * {@code null}. Anything else, including what would be an error, returns {@code null} and goes
 * the general way, so the outcome is always the one Jackson gives ({@code OnePassDecodeTests}
 * checks this against fixtures and generated replies).
 * <p>
 * Stateless; thread-safe.
 */
final class ScalarReply {

	private static final int MAX_DIGITS = 18;

	private static final byte[] JSONRPC = ascii("jsonrpc");

	private static final byte[] RESULT = ascii("result");

	private static final byte[] ERROR = ascii("error");

	private static final byte[] ID = ascii("id");

	private static final byte[][] MEMBERS = { RESULT, ERROR, ID, JSONRPC };

	private ScalarReply() {
	}

	/** Whether results of this reader's type can take the fast path at all. */
	static boolean accepts(ObjectReader reader) {
		Class<?> type = reader.getValueType().getRawClass();
		return type == Long.class || type == Integer.class || type == String.class || type == Boolean.class
				|| type == Void.class;
	}

	/**
	 * The reply with its result bound, or {@code null} to take the general path.
	 *
	 * @param bytes the message
	 * @param length its length
	 * @param expectedId the id the message's tail named; any other id takes the general path
	 * @param reader the reader of the request with that id; {@link #accepts} it
	 */
	static InboundMessage.@Nullable Response read(byte[] bytes, int length, long expectedId, ObjectReader reader) {
		Scanner scanner = new Scanner(bytes, length);
		return scanner.reply(expectedId, reader);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** One pass over one message; confined to the calling thread. */
	private static final class Scanner {

		private static final Object NO_VALUE = new Object();

		private final byte[] bytes;

		private final int length;

		private int pos;

		/** The last integer read by {@link #integer()}. */
		private long number;

		Scanner(byte[] bytes, int length) {
			this.bytes = bytes;
			this.length = length;
		}

		InboundMessage.@Nullable Response reply(long expectedId, ObjectReader reader) {
			Class<?> type = reader.getValueType().getRawClass();
			boolean seenVersion = false;
			boolean seenError = false;
			boolean seenId = false;
			Object result = NO_VALUE;
			if (!expect('{')) {
				return null;
			}
			do {
				if (!expect('"')) {
					return null;
				}
				byte[] name = memberName();
				if (name == null || !expect(':')) {
					return null;
				}
				skipSpace();
				if (name == JSONRPC && !seenVersion) {
					seenVersion = plainString() != null;
					if (!seenVersion) {
						return null;
					}
				}
				else if (name == RESULT && result == NO_VALUE) {
					result = scalar(type);
					if (result == NO_VALUE) {
						return null;
					}
				}
				else if (name == ERROR && !seenError) {
					seenError = literal("null");
					if (!seenError) {
						return null;
					}
				}
				else if (name == ID && !seenId) {
					seenId = integer() && this.number == expectedId;
					if (!seenId) {
						return null;
					}
				}
				else {
					return null;
				}
				skipSpace();
			}
			while (consume(','));
			if (!consume('}')) {
				return null;
			}
			skipSpace();
			if (this.pos != this.length || result == NO_VALUE || !seenId) {
				return null;
			}
			return new InboundMessage.Response(expectedId, null, new ResultValue.Decoded(result, reader), null);
		}

		/** The result bound to {@code type}, {@code null} for JSON null, or {@link #NO_VALUE}. */
		private @Nullable Object scalar(Class<?> type) {
			if (peek() == 'n') {
				return literal("null") ? null : NO_VALUE;
			}
			if (type == Long.class) {
				return integer() ? (Object) this.number : NO_VALUE;
			}
			if (type == Integer.class) {
				return (integer() && this.number >= Integer.MIN_VALUE && this.number <= Integer.MAX_VALUE)
						? (Object) (int) this.number : NO_VALUE;
			}
			if (type == String.class) {
				String text = plainString();
				return (text != null) ? text : NO_VALUE;
			}
			if (type == Boolean.class) {
				if (peek() == 't') {
					return literal("true") ? Boolean.TRUE : NO_VALUE;
				}
				return literal("false") ? Boolean.FALSE : NO_VALUE;
			}
			return NO_VALUE;
		}

		/** A member name, as one of the known constants, after its opening quote; else {@code null}. */
		private byte @Nullable [] memberName() {
			int start = this.pos;
			while (this.pos < this.length && this.bytes[this.pos] != '"') {
				byte b = this.bytes[this.pos];
				if (b < 'a' || b > 'z') {
					return null;
				}
				this.pos++;
			}
			if (this.pos >= this.length) {
				return null;
			}
			int end = this.pos++;
			for (byte[] known : MEMBERS) {
				if (java.util.Arrays.equals(this.bytes, start, end, known, 0, known.length)) {
					return known;
				}
			}
			return null;
		}

		/** A string of printable ASCII without escapes, at the position; else {@code null}. */
		private @Nullable String plainString() {
			if (!consume('"')) {
				return null;
			}
			int start = this.pos;
			while (this.pos < this.length) {
				byte b = this.bytes[this.pos];
				if (b == '"') {
					String text = new String(this.bytes, start, this.pos - start, StandardCharsets.ISO_8859_1);
					this.pos++;
					return text;
				}
				if (b < 0x20 || b > 0x7E || b == '\\') {
					return null;
				}
				this.pos++;
			}
			return null;
		}

		/** A JSON integer of at most 18 digits into {@link #number}; false for anything else (fractions, exponents). */
		private boolean integer() {
			boolean negative = consume('-');
			int start = this.pos;
			long value = 0;
			while (this.pos < this.length && this.bytes[this.pos] >= '0' && this.bytes[this.pos] <= '9') {
				value = value * 10 + (this.bytes[this.pos] - '0');
				this.pos++;
			}
			int digits = this.pos - start;
			if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && this.bytes[start] == '0')) {
				return false;
			}
			if (this.pos < this.length) {
				byte next = this.bytes[this.pos];
				if (next == '.' || next == 'e' || next == 'E') {
					return false;
				}
			}
			this.number = negative ? -value : value;
			return true;
		}

		private boolean literal(String word) {
			int n = word.length();
			if (this.pos + n > this.length) {
				return false;
			}
			for (int i = 0; i < n; i++) {
				if (this.bytes[this.pos + i] != word.charAt(i)) {
					return false;
				}
			}
			this.pos += n;
			return true;
		}

		/** Skips whitespace, then takes {@code c} if it is next. */
		private boolean expect(char c) {
			skipSpace();
			return consume(c);
		}

		private boolean consume(char c) {
			if (this.pos < this.length && this.bytes[this.pos] == c) {
				this.pos++;
				return true;
			}
			return false;
		}

		private int peek() {
			return (this.pos < this.length) ? this.bytes[this.pos] : -1;
		}

		private void skipSpace() {
			while (this.pos < this.length) {
				byte b = this.bytes[this.pos];
				if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
					return;
				}
				this.pos++;
			}
		}

	}

}
