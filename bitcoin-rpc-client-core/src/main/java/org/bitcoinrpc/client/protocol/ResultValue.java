package org.bitcoinrpc.client.protocol;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.util.TokenBuffer;

/**
 * A reply's {@code result}. Usually it is already bound to the caller's type, in the same pass
 * that read the envelope ({@link Decoded}). Otherwise it is kept undecoded until the caller's type
 * is known: objects and arrays as an offset range into the message (no copy, decoded straight
 * from the wire text), scalars, which are short, buffered as one token.
 */
public sealed interface ResultValue {

	/** Decodes the value with the reader of the type the caller asked for. */
	<T> T decode(ObjectMapper mapper, ObjectReader reader);

	/**
	 * A result bound while the envelope was read, with the reader of the request its id named.
	 * Asking for it with another reader is a bug in the caller, and fails.
	 */
	record Decoded(@Nullable Object value, ObjectReader reader) implements ResultValue {

		@Override
		@SuppressWarnings("unchecked")
		public <T> T decode(ObjectMapper mapper, ObjectReader reader) {
			if (reader != this.reader) {
				throw new IllegalArgumentException("result was bound as " + this.reader.getValueType()
						+ ", not as " + reader.getValueType());
			}
			return (T) this.value;
		}

	}

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
