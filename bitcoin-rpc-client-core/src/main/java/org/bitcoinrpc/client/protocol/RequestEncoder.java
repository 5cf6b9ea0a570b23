package org.bitcoinrpc.client.protocol;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes request envelopes straight into UTF-8 bytes. The envelope is fixed
 * ({@code {"jsonrpc":V,"id":N,"method":M,"params":[...]}}), and almost every parameter is a
 * string, an integer, a boolean or {@code null}; writing those by hand costs a fraction of a
 * databind round (measured in {@code ClientPathBenchmark.encode}). Any other parameter (amounts,
 * maps, records, doubles) is handed to the mapper, so its output is exactly what Jackson writes.
 * <p>
 * Stateless apart from the mapper; thread-safe. Each call uses its own buffer.
 */
final class RequestEncoder {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private final ObjectMapper mapper;

	/** {@code {"jsonrpc":"1.0","id":} */
	private final byte[] prefix;

	RequestEncoder(ObjectMapper mapper, String version) {
		this.mapper = mapper;
		Buffer buffer = new Buffer(32);
		buffer.ascii("{\"jsonrpc\":");
		buffer.string(version);
		buffer.ascii(",\"id\":");
		this.prefix = buffer.toBytes();
	}

	byte[] request(long id, String method, List<?> params) {
		Buffer buffer = new Buffer(this.prefix.length + 48 + method.length() + 24 * params.size());
		writeRequest(buffer, id, method, params);
		return buffer.toBytes();
	}

	byte[] batch(List<? extends JsonRpcCodec.BatchEntry> entries) {
		Buffer buffer = new Buffer(64 * entries.size() + 2);
		buffer.ascii('[');
		for (int i = 0; i < entries.size(); i++) {
			if (i > 0) {
				buffer.ascii(',');
			}
			JsonRpcCodec.BatchEntry entry = entries.get(i);
			writeRequest(buffer, entry.id(), entry.method(), entry.params());
		}
		buffer.ascii(']');
		return buffer.toBytes();
	}

	private void writeRequest(Buffer buffer, long id, String method, List<?> params) {
		buffer.raw(this.prefix, this.prefix.length);
		buffer.number(id);
		buffer.ascii(",\"method\":");
		buffer.string(method);
		buffer.ascii(",\"params\":");
		writeList(buffer, params);
		buffer.ascii('}');
	}

	private void writeList(Buffer buffer, List<?> values) {
		buffer.ascii('[');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				buffer.ascii(',');
			}
			writeValue(buffer, values.get(i));
		}
		buffer.ascii(']');
	}

	private void writeValue(Buffer buffer, Object value) {
		if (value == null) {
			buffer.ascii("null");
		}
		else if (value instanceof String string) {
			buffer.string(string);
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			buffer.ascii(value.toString());
		}
		else if (value instanceof Boolean bool) {
			buffer.ascii(bool ? "true" : "false");
		}
		else if (value instanceof List<?> list) {
			writeList(buffer, list);
		}
		else {
			byte[] json = this.mapper.writeValueAsBytes(value);
			buffer.raw(json, json.length);
		}
	}

	/** A growable byte array with JSON string escaping as Jackson does it. Confined to one call. */
	private static final class Buffer {

		private byte[] bytes;

		private int length;

		Buffer(int capacity) {
			this.bytes = new byte[capacity];
		}

		void ascii(char c) {
			ensure(1);
			this.bytes[this.length++] = (byte) c;
		}

		void ascii(String text) {
			int n = text.length();
			ensure(n);
			for (int i = 0; i < n; i++) {
				this.bytes[this.length++] = (byte) text.charAt(i);
			}
		}

		/** A non-negative id in decimal, without a String in between; anything else through {@link Long#toString}. */
		void number(long value) {
			if (value < 0) {
				ascii(Long.toString(value));
				return;
			}
			int digits = 1;
			for (long rest = value / 10; rest > 0; rest /= 10) {
				digits++;
			}
			ensure(digits);
			long rest = value;
			for (int i = this.length + digits - 1; i >= this.length; i--) {
				this.bytes[i] = (byte) ('0' + (rest % 10));
				rest /= 10;
			}
			this.length += digits;
		}

		void raw(byte[] source, int count) {
			ensure(count);
			System.arraycopy(source, 0, this.bytes, this.length, count);
			this.length += count;
		}

		/**
		 * A JSON string: {@code "} and {@code \} escaped, control characters as Jackson writes them
		 * ({@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f}, else {@code \}{@code u00XX} in upper-case hex),
		 * everything else as UTF-8. An unpaired surrogate cannot be UTF-8 and is refused.
		 */
		void string(String text) {
			int n = text.length();
			ensure(n + 2);
			this.bytes[this.length++] = '"';
			for (int i = 0; i < n; i++) {
				char c = text.charAt(i);
				if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
					ensure(1);
					this.bytes[this.length++] = (byte) c;
				}
				else if (c < 0x80) {
					escape(c);
				}
				else if (c < 0x800) {
					ensure(2);
					this.bytes[this.length++] = (byte) (0xC0 | (c >> 6));
					this.bytes[this.length++] = (byte) (0x80 | (c & 0x3F));
				}
				else if (Character.isSurrogate(c)) {
					if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
						throw new IllegalArgumentException("unpaired surrogate U+" + Integer.toHexString(c).toUpperCase()
								+ " at index " + i + " of a string");
					}
					int codePoint = Character.toCodePoint(c, text.charAt(++i));
					ensure(4);
					this.bytes[this.length++] = (byte) (0xF0 | (codePoint >> 18));
					this.bytes[this.length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
					this.bytes[this.length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
					this.bytes[this.length++] = (byte) (0x80 | (codePoint & 0x3F));
				}
				else {
					ensure(3);
					this.bytes[this.length++] = (byte) (0xE0 | (c >> 12));
					this.bytes[this.length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
					this.bytes[this.length++] = (byte) (0x80 | (c & 0x3F));
				}
			}
			ensure(1);
			this.bytes[this.length++] = '"';
		}

		private void escape(char c) {
			char shortForm = switch (c) {
				case '"' -> '"';
				case '\\' -> '\\';
				case '\n' -> 'n';
				case '\r' -> 'r';
				case '\t' -> 't';
				case '\b' -> 'b';
				case '\f' -> 'f';
				default -> 0;
			};
			if (shortForm != 0) {
				ensure(2);
				this.bytes[this.length++] = '\\';
				this.bytes[this.length++] = (byte) shortForm;
				return;
			}
			ensure(6);
			this.bytes[this.length++] = '\\';
			this.bytes[this.length++] = 'u';
			this.bytes[this.length++] = '0';
			this.bytes[this.length++] = '0';
			this.bytes[this.length++] = HEX[c >> 4];
			this.bytes[this.length++] = HEX[c & 0xF];
		}

		private void ensure(int more) {
			if (this.length + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.length + more, this.bytes.length * 2));
			}
		}

		byte[] toBytes() {
			return (this.length == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.length);
		}

	}

}
