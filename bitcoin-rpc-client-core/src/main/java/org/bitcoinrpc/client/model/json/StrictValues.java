package org.bitcoinrpc.client.model.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.DeserializationContext;

/**
 * The value readers the record deserializers share. Each one reads exactly what Jackson's record
 * binding accepts under {@code JsonRpcCodec.defaultMapper()}, and fails where it fails:
 * <ul>
 * <li>no coercion across JSON types (no {@code "5"} or {@code 5.0} for an integer, no number or
 * boolean for a string, no empty string for anything but a string);</li>
 * <li>an integer out of the target's range fails (the parser's own check);</li>
 * <li>{@code null} gives {@code null}, except for a primitive, where it fails at once, even if a
 * later duplicate would set the property;</li>
 * <li>a primitive the object leaves out fails; anything else left out is {@code null};</li>
 * <li>a duplicated property keeps its last value; unknown properties are skipped unread.</li>
 * </ul>
 * Stateless; the name matchers are immutable and shared by every thread.
 */
final class StrictValues {

	/** What {@link #firstName} returns for a JSON {@code null} in place of the object. */
	static final int NULL_OBJECT = Integer.MIN_VALUE;

	private StrictValues() {
	}

	/**
	 * A matcher for {@link JsonParser#nextNameMatch}: the index of each name, in the order given.
	 * It matches the UTF-8 bytes of a name without building a {@code String} where the parser can
	 * (Jackson's own bean deserializers use the same matcher), and compares strings otherwise.
	 */
	static PropertyNameMatcher names(String... names) {
		return BinaryNameMatcher.construct(Arrays.asList(names));
	}

	/**
	 * Starts reading an object at the parser's current token: returns {@link #NULL_OBJECT} for a
	 * JSON {@code null}, otherwise the match of its first property (or
	 * {@link PropertyNameMatcher#MATCH_END_OBJECT}); any other token fails.
	 */
	static int firstName(JsonParser parser, DeserializationContext context, Class<?> type,
			PropertyNameMatcher names) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT) {
			return parser.nextNameMatch(names);
		}
		if (token == JsonToken.VALUE_NULL) {
			return NULL_OBJECT;
		}
		// Jackson's bean deserializers continue an object whose start another reader consumed.
		if (token == JsonToken.PROPERTY_NAME) {
			return parser.currentNameMatch(names);
		}
		if (token == JsonToken.END_OBJECT) {
			return PropertyNameMatcher.MATCH_END_OBJECT;
		}
		return context.reportInputMismatch(type, "Cannot read `%s` from %s: expected an object", type.getSimpleName(),
				token);
	}

	/** After a name that is none of the record's: skips its value, however deep. */
	static void skipUnknown(JsonParser parser, DeserializationContext context, Class<?> type, int match) {
		if (match != PropertyNameMatcher.MATCH_UNKNOWN_NAME) {
			// MATCH_ODD_TOKEN: neither a name nor the end of the object (only from a non-JSON token source).
			context.reportInputMismatch(type, "Cannot read `%s`: unexpected %s inside the object", type.getSimpleName(),
					parser.currentToken());
		}
		parser.nextToken();
		parser.skipChildren();
	}

	static @Nullable String nextString(JsonParser parser, DeserializationContext context, Class<?> type,
			String property) {
		String value = parser.nextStringValue();
		if (value != null) {
			return value;
		}
		return stringOrNull(parser, context, type, property);
	}

	/** A string at the current token, or {@code null} for a JSON {@code null}. */
	static @Nullable String stringOrNull(JsonParser parser, DeserializationContext context, Class<?> type,
			String property) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		return wrongToken(parser, context, type, property, "a string");
	}

	static long nextLong(JsonParser parser, DeserializationContext context, Class<?> type, String property) {
		if (parser.nextToken() == JsonToken.VALUE_NUMBER_INT) {
			return parser.getLongValue();
		}
		return wrongToken(parser, context, type, property, "a `long`, which cannot be null");
	}

	static @Nullable Long nextLongOrNull(JsonParser parser, DeserializationContext context, Class<?> type,
			String property) {
		JsonToken token = parser.nextToken();
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return parser.getLongValue();
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		return wrongToken(parser, context, type, property, "a `Long`");
	}

	static int nextInt(JsonParser parser, DeserializationContext context, Class<?> type, String property) {
		if (parser.nextToken() == JsonToken.VALUE_NUMBER_INT) {
			return parser.getIntValue();
		}
		return wrongToken(parser, context, type, property, "an `int`, which cannot be null");
	}

	static @Nullable Integer nextIntOrNull(JsonParser parser, DeserializationContext context, Class<?> type,
			String property) {
		JsonToken token = parser.nextToken();
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return parser.getIntValue();
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		return wrongToken(parser, context, type, property, "an `Integer`");
	}

	static boolean nextBoolean(JsonParser parser, DeserializationContext context, Class<?> type, String property) {
		JsonToken token = parser.nextToken();
		if (token == JsonToken.VALUE_TRUE) {
			return true;
		}
		if (token == JsonToken.VALUE_FALSE) {
			return false;
		}
		return wrongToken(parser, context, type, property, "a `boolean`, which cannot be null");
	}

	/** Integers and decimals alike, exactly as written (the parser's {@code getDecimalValue()}). */
	static @Nullable BigDecimal nextDecimal(JsonParser parser, DeserializationContext context, Class<?> type,
			String property) {
		JsonToken token = parser.nextToken();
		if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
			return parser.getDecimalValue();
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		return wrongToken(parser, context, type, property, "a number");
	}

	/** An array of strings; its elements may be {@code null}. */
	static @Nullable List<String> nextStrings(JsonParser parser, DeserializationContext context, Class<?> type,
			String property) {
		if (!startArray(parser, context, type, property)) {
			return null;
		}
		List<String> values = new ArrayList<>(4);
		String value;
		while ((value = parser.nextStringValue()) != null || parser.currentToken() != JsonToken.END_ARRAY) {
			values.add((value != null) ? value : stringOrNull(parser, context, type, property));
		}
		return values;
	}

	/**
	 * Moves to the next value, which must be an array or {@code null}: true for an array (the
	 * parser on its start), false for {@code null}.
	 */
	static boolean startArray(JsonParser parser, DeserializationContext context, Class<?> type, String property) {
		JsonToken token = parser.nextToken();
		if (token == JsonToken.START_ARRAY) {
			return true;
		}
		if (token == JsonToken.VALUE_NULL) {
			return false;
		}
		return wrongToken(parser, context, type, property, "an array");
	}

	static void missing(DeserializationContext context, Class<?> type, String property, String javaType) {
		context.reportInputMismatch(type, "Missing property `%s` of `%s`: a `%s` cannot be null", property,
				type.getSimpleName(), javaType);
	}

	private static <T> T wrongToken(JsonParser parser, DeserializationContext context, Class<?> type,
			String property, String expected) {
		return context.reportInputMismatch(type, "Cannot read `%s.%s` from %s: expected %s", type.getSimpleName(),
				property, parser.currentToken(), expected);
	}

}
