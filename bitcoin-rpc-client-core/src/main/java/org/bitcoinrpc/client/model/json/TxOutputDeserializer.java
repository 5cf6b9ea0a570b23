package org.bitcoinrpc.client.model.json;

import java.math.BigDecimal;

import org.bitcoinrpc.client.model.ScriptPubKey;
import org.bitcoinrpc.client.model.TxOutput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.DeserializationContext;

/**
 * Reads {@link TxOutput} from the token stream, as Jackson's record binding would with
 * {@code JsonRpcCodec.defaultMapper()} (see {@link StrictValues}). Not API.
 */
public final class TxOutputDeserializer extends RecordDeserializer<TxOutput> {

	private static final PropertyNameMatcher NAMES = StrictValues.names("value", "n", "scriptPubKey");

	private static final int VALUE = 0;

	private static final int N = 1;

	private static final int SCRIPT_PUB_KEY = 2;

	public TxOutputDeserializer() {
		super(TxOutput.class);
	}

	@Override
	public @Nullable TxOutput deserialize(JsonParser parser, DeserializationContext context) {
		return read(parser, context);
	}

	/** The value at the parser's current token: {@code null} for a JSON {@code null}, else an object. */
	static @Nullable TxOutput read(JsonParser parser, DeserializationContext context) {
		int match = StrictValues.firstName(parser, context, TxOutput.class, NAMES);
		if (match == StrictValues.NULL_OBJECT) {
			return null;
		}
		BigDecimal value = null;
		int n = 0;
		boolean hasN = false;
		ScriptPubKey scriptPubKey = null;
		for (; match != PropertyNameMatcher.MATCH_END_OBJECT; match = parser.nextNameMatch(NAMES)) {
			switch (match) {
				case VALUE -> value = StrictValues.nextDecimal(parser, context, TxOutput.class, "value");
				case N -> {
					n = StrictValues.nextInt(parser, context, TxOutput.class, "n");
					hasN = true;
				}
				case SCRIPT_PUB_KEY -> {
					parser.nextToken();
					scriptPubKey = ScriptPubKeyDeserializer.read(parser, context);
				}
				default -> StrictValues.skipUnknown(parser, context, TxOutput.class, match);
			}
		}
		if (!hasN) {
			StrictValues.missing(context, TxOutput.class, "n", "int");
		}
		return new TxOutput(value, n, scriptPubKey);
	}

}
