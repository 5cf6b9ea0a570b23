package org.bitcoinrpc.client.model.json;

import java.math.BigDecimal;

import org.bitcoinrpc.client.model.Prevout;
import org.bitcoinrpc.client.model.ScriptPubKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.DeserializationContext;

/**
 * Reads {@link Prevout} from the token stream, as Jackson's record binding would with
 * {@code JsonRpcCodec.defaultMapper()} (see {@link StrictValues}). Not API.
 */
public final class PrevoutDeserializer extends RecordDeserializer<Prevout> {

	private static final PropertyNameMatcher NAMES = StrictValues.names("generated", "height", "value",
			"scriptPubKey");

	private static final int GENERATED = 0;

	private static final int HEIGHT = 1;

	private static final int VALUE = 2;

	private static final int SCRIPT_PUB_KEY = 3;

	public PrevoutDeserializer() {
		super(Prevout.class);
	}

	@Override
	public @Nullable Prevout deserialize(JsonParser parser, DeserializationContext context) {
		return read(parser, context);
	}

	/** The value at the parser's current token: {@code null} for a JSON {@code null}, else an object. */
	static @Nullable Prevout read(JsonParser parser, DeserializationContext context) {
		int match = StrictValues.firstName(parser, context, Prevout.class, NAMES);
		if (match == StrictValues.NULL_OBJECT) {
			return null;
		}
		boolean generated = false;
		boolean hasGenerated = false;
		long height = 0;
		boolean hasHeight = false;
		BigDecimal value = null;
		ScriptPubKey scriptPubKey = null;
		for (; match != PropertyNameMatcher.MATCH_END_OBJECT; match = parser.nextNameMatch(NAMES)) {
			switch (match) {
				case GENERATED -> {
					generated = StrictValues.nextBoolean(parser, context, Prevout.class, "generated");
					hasGenerated = true;
				}
				case HEIGHT -> {
					height = StrictValues.nextLong(parser, context, Prevout.class, "height");
					hasHeight = true;
				}
				case VALUE -> value = StrictValues.nextDecimal(parser, context, Prevout.class, "value");
				case SCRIPT_PUB_KEY -> {
					parser.nextToken();
					scriptPubKey = ScriptPubKeyDeserializer.read(parser, context);
				}
				default -> StrictValues.skipUnknown(parser, context, Prevout.class, match);
			}
		}
		if (!hasGenerated) {
			StrictValues.missing(context, Prevout.class, "generated", "boolean");
		}
		if (!hasHeight) {
			StrictValues.missing(context, Prevout.class, "height", "long");
		}
		return new Prevout(generated, height, value, scriptPubKey);
	}

}
