package org.bitcoinrpc.client.protocol;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;

/**
 * A JSON message as it came off the wire: UTF-8 bytes (HTTP bodies) or chars (websocket text
 * messages). Parsing straight from these avoids copying a large reply into another form, and a
 * reply's {@code result} can be kept as an offset range into it until the reply's id is known.
 */
public sealed interface JsonText {

	/** A parser over the whole text. */
	JsonParser parser(ObjectMapper mapper);

	/** A parser over {@code [start, end)} of the text. */
	JsonParser parser(ObjectMapper mapper, int start, int end);

	/** The offset of a location in this text's units (bytes or chars). */
	int offset(TokenStreamLocation location);

	/** Length in this text's units. */
	int length();

	/**
	 * The id of a message that ends with {@code "id":N} and its closing brace (whitespace
	 * allowed), as both nodes write replies; -1 when it does not end so. A hint only: the id is
	 * read again when the message is parsed.
	 */
	long trailingId();

	/**
	 * Whether the text is empty or JSON whitespace only: btcd's answer over HTTP to a request it
	 * cannot version is a lone newline.
	 */
	boolean isBlank();

	/** The text for a log line, shortened to at most {@code max} characters. */
	String preview(int max);

	static JsonText of(byte[] utf8) {
		return new Utf8(utf8, utf8.length);
	}

	static JsonText of(byte[] utf8, int length) {
		return new Utf8(utf8, length);
	}

	static JsonText of(String text) {
		char[] chars = text.toCharArray();
		return new Chars(chars, chars.length);
	}

	static JsonText of(char[] chars, int length) {
		return new Chars(chars, length);
	}

	/** UTF-8 bytes; both nodes send UTF-8 (Core's warm-up messages contain U+2026). */
	record Utf8(byte[] bytes, int length) implements JsonText {

		@Override
		public JsonParser parser(ObjectMapper mapper) {
			return mapper.createParser(this.bytes, 0, this.length);
		}

		@Override
		public JsonParser parser(ObjectMapper mapper, int start, int end) {
			return mapper.createParser(this.bytes, start, end - start);
		}

		@Override
		public int offset(TokenStreamLocation location) {
			return (int) location.getByteOffset();
		}

		@Override
		public long trailingId() {
			return TrailingId.scan((i) -> this.bytes[i], this.length);
		}

		@Override
		public boolean isBlank() {
			for (int i = 0; i < this.length; i++) {
				if (!isSpace(this.bytes[i])) {
					return false;
				}
			}
			return true;
		}

		@Override
		public String preview(int max) {
			return new String(this.bytes, 0, Math.min(this.length, max), java.nio.charset.StandardCharsets.UTF_8);
		}

	}

	/** Chars of a text message. */
	record Chars(char[] chars, int length) implements JsonText {

		@Override
		public JsonParser parser(ObjectMapper mapper) {
			return mapper.createParser(this.chars, 0, this.length);
		}

		@Override
		public JsonParser parser(ObjectMapper mapper, int start, int end) {
			return mapper.createParser(this.chars, start, end - start);
		}

		@Override
		public int offset(TokenStreamLocation location) {
			return (int) location.getCharOffset();
		}

		@Override
		public long trailingId() {
			return TrailingId.scan((i) -> this.chars[i], this.length);
		}

		@Override
		public boolean isBlank() {
			for (int i = 0; i < this.length; i++) {
				if (!isSpace(this.chars[i])) {
					return false;
				}
			}
			return true;
		}

		@Override
		public String preview(int max) {
			return new String(this.chars, 0, Math.min(this.length, max));
		}

	}

	/** JSON's whitespace: space, tab, line feed, carriage return. */
	private static boolean isSpace(int c) {
		return c == ' ' || c == '\n' || c == '\r' || c == '\t';
	}

}
