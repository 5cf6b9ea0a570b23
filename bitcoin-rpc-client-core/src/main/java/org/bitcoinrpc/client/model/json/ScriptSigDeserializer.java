package org.bitcoinrpc.client.model.json;

import org.bitcoinrpc.client.model.ScriptSig;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.DeserializationContext;

/**
 * Reads {@link ScriptSig} from the token stream, as Jackson's record binding would with
 * {@code JsonRpcCodec.defaultMapper()} (see {@link StrictValues}). Not API.
 */
public final class ScriptSigDeserializer extends RecordDeserializer<ScriptSig> {

	private static final PropertyNameMatcher NAMES = StrictValues.names("asm", "hex");

	private static final int ASM = 0;

	private static final int HEX = 1;

	public ScriptSigDeserializer() {
		super(ScriptSig.class);
	}

	@Override
	public @Nullable ScriptSig deserialize(JsonParser parser, DeserializationContext context) {
		return read(parser, context);
	}

	/** The value at the parser's current token: {@code null} for a JSON {@code null}, else an object. */
	static @Nullable ScriptSig read(JsonParser parser, DeserializationContext context) {
		int match = StrictValues.firstName(parser, context, ScriptSig.class, NAMES);
		if (match == StrictValues.NULL_OBJECT) {
			return null;
		}
		String asm = null;
		String hex = null;
		for (; match != PropertyNameMatcher.MATCH_END_OBJECT; match = parser.nextNameMatch(NAMES)) {
			switch (match) {
				case ASM -> asm = StrictValues.nextString(parser, context, ScriptSig.class, "asm");
				case HEX -> hex = StrictValues.nextString(parser, context, ScriptSig.class, "hex");
				default -> StrictValues.skipUnknown(parser, context, ScriptSig.class, match);
			}
		}
		return new ScriptSig(asm, hex);
	}

}
