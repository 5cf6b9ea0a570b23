package org.bitcoinrpc.client.model.json;

import java.util.List;

import org.bitcoinrpc.client.model.ScriptPubKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.DeserializationContext;

/**
 * Reads {@link ScriptPubKey} from the token stream, as Jackson's record binding would with
 * {@code JsonRpcCodec.defaultMapper()} (see {@link StrictValues}). Not API.
 */
public final class ScriptPubKeyDeserializer extends RecordDeserializer<ScriptPubKey> {

	private static final PropertyNameMatcher NAMES = StrictValues.names("asm", "hex", "desc", "type", "address",
			"reqSigs", "addresses");

	private static final int ASM = 0;

	private static final int HEX = 1;

	private static final int DESC = 2;

	private static final int TYPE = 3;

	private static final int ADDRESS = 4;

	private static final int REQ_SIGS = 5;

	private static final int ADDRESSES = 6;

	public ScriptPubKeyDeserializer() {
		super(ScriptPubKey.class);
	}

	@Override
	public @Nullable ScriptPubKey deserialize(JsonParser parser, DeserializationContext context) {
		return read(parser, context);
	}

	/** The value at the parser's current token: {@code null} for a JSON {@code null}, else an object. */
	static @Nullable ScriptPubKey read(JsonParser parser, DeserializationContext context) {
		int match = StrictValues.firstName(parser, context, ScriptPubKey.class, NAMES);
		if (match == StrictValues.NULL_OBJECT) {
			return null;
		}
		String asm = null;
		String hex = null;
		String desc = null;
		String type = null;
		String address = null;
		Integer requiredSignatures = null;
		List<String> addresses = null;
		for (; match != PropertyNameMatcher.MATCH_END_OBJECT; match = parser.nextNameMatch(NAMES)) {
			switch (match) {
				case ASM -> asm = StrictValues.nextString(parser, context, ScriptPubKey.class, "asm");
				case HEX -> hex = StrictValues.nextString(parser, context, ScriptPubKey.class, "hex");
				case DESC -> desc = StrictValues.nextString(parser, context, ScriptPubKey.class, "desc");
				case TYPE -> type = StrictValues.nextString(parser, context, ScriptPubKey.class, "type");
				case ADDRESS -> address = StrictValues.nextString(parser, context, ScriptPubKey.class, "address");
				case REQ_SIGS -> requiredSignatures = StrictValues.nextIntOrNull(parser, context, ScriptPubKey.class,
						"reqSigs");
				case ADDRESSES -> addresses = StrictValues.nextStrings(parser, context, ScriptPubKey.class, "addresses");
				default -> StrictValues.skipUnknown(parser, context, ScriptPubKey.class, match);
			}
		}
		return new ScriptPubKey(asm, hex, desc, type, address, requiredSignatures, addresses);
	}

}
