package org.bitcoinrpc.client.protocol;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.util.TokenBuffer;

/**
 * A reply's {@code result}, kept undecoded until the caller's type is known. Objects and arrays
 * are an offset range into the message (no copy, decoded straight from the wire text); scalars,
 * which are short, are buffered as one token.
 */
public sealed interface ResultValue {

	/** Decodes the value with the reader of the type the caller asked for. */
	<T> T decode(ObjectMapper mapper, ObjectReader reader);

	/** An object or array at {@code [start, end)} of {@code text}. */
	record Slice(JsonText text, int start, int end) implements ResultValue {

		@Override
		public <T> T decode(ObjectMapper mapper, ObjectReader reader) {
			try (JsonParser parser = this.text.parser(mapper, this.start, this.end)) {
				return reader.readValue(parser);
			}
		}

	}

	/** A scalar ({@code null}, a number, a string, a boolean). */
	record Scalar(TokenBuffer token) implements ResultValue {

		@Override
		public <T> T decode(ObjectMapper mapper, ObjectReader reader) {
			try (JsonParser parser = this.token.asParser()) {
				return reader.readValue(parser);
			}
		}

	}

}
